package org.sessionsdk.saymon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.feed.AuditWindows;
import org.sessionsdk.core.internal.feed.CheckpointState;
import org.sessionsdk.core.internal.feed.PollingFeed;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.saymon.internal.LogPages;

/**
 * The SAYMON audit feed: the shared overlapping time windows ({@link AuditWindows}: de-dup, batches,
 * checkpoint), read with a position per user, because SAYMON has one log per user and one of them can
 * fail while the others answer. This class is only that per-user reading.
 *
 * <p>Each poll reads the user list, then each user's log from the window's start, or from where that
 * user is owed entries. A user whose log fails with an error about that user alone contributes
 * nothing to the poll and keeps, in the checkpoint ({@code behind}), the instant from which its
 * entries are still owed; later polls read that user from there until the log answers (its entries
 * delivered before it failed are remembered until then, so none comes twice). Only users behind the
 * common position have an entry. A user owed entries for longer than the backlog bound is given up
 * up to the poll that found it: that range is reported as a {@link FeedGap} of kind
 * {@link FeedGap.Kind#SOURCE_UNREADABLE}, and the user is owed from there on. A full batch
 * ({@code maxBatchSize}) leaves a user that was owed where it was, so the rest of its entries is read
 * again from there.
 *
 * <p>Remembered buckets are per user and a minute long: a user whose log fails does not make the
 * others' buckets look changed, and a late entry delivers again at most a minute of its user's log.
 */
final class SaymonAuditFeed implements AuditWindows.Log {
    /** The checkpoint's kind: the shared strategy's, so its checkpoints resume here (they have no "behind"). */
    static final String KIND = "saymon/audit/windows";

    private final SaymonAuditLog log;
    private final Duration backlog;
    /** How far each poll reads back before the previous one ({@link FeedOptions#overlap()}). */
    private final Duration overlap;
    /** User id to the instant (ms) from which its entries are still owed; only users behind the common position. */
    private final Map<String, Long> behind = new LinkedHashMap<>();
    private List<FeedGap> gaps = List.of();
    /** The poll being read: who is owed from where after it, what it gave up, and the entries read from an owed position (id to user). */
    private Map<String, Long> stillBehind = Map.of();
    private List<FeedGap> found = List.of();
    private final Map<String, String> readOwed = new HashMap<>();

    private SaymonAuditFeed(SaymonAuditLog log, Duration backlog, Duration overlap) {
        this.log = log;
        this.backlog = backlog;
        this.overlap = overlap;
    }

    /**
     * The feed's strategy.
     *
     * @param log     the per-user audit log
     * @param backlog how long a user may be owed entries before its range is given up
     * @param options where to start
     * @return the strategy
     */
    static PollingFeed.Strategy<AuditEvent> strategy(SaymonAuditLog log, Duration backlog, FeedOptions options) {
        return new AuditWindows(KIND, new SaymonAuditFeed(log, backlog, options.overlap()), options);
    }

    @Override
    public void read(Instant readFrom, Instant emitFrom, Instant now, Consumer<AuditEvent> sink) {
        Map<String, String> users = new LinkedHashMap<>();
        try (Stream<SaymonUser> s = log.users().stream()) {
            s.filter(u -> u.id() != null).forEach(u -> users.put(u.id(), u.login()));
        }
        Map<String, Boolean> listed = new LinkedHashMap<>();
        users.keySet().forEach(id -> listed.put(id, true));
        for (String id : behind.keySet()) {
            // a user gone from the list (deleted) is still owed: its log is asked for until the bound
            users.putIfAbsent(id, null);
        }
        Map<String, Long> owedAfter = new LinkedHashMap<>();
        List<FeedGap> gaveUp = new ArrayList<>();
        readOwed.clear();
        List<AuditEvent> out = new ArrayList<>();
        int failed = 0;
        ApiException first = null;
        for (Map.Entry<String, String> u : users.entrySet()) {
            String id = u.getKey();
            Long owed = behind.get(id);
            Instant from = owed == null ? readFrom : Instant.ofEpochMilli(owed);
            List<AuditEvent> got = new ArrayList<>();
            // up to a while past now: a server clock running ahead stamps what just happened in our future
            TimeRange window = TimeRange.between(from, now.plus(LogPages.SERVER_CLOCK_AHEAD));
            try (Stream<SaymonAuditEntry> entries = log.userStream(id, u.getValue(), window)) {
                entries.forEach(e -> got.add(e.toAuditEvent()));
            } catch (RuntimeException e) {
                if (!SaymonAuditLog.aboutOneUser(e)) {
                    throw e;
                }
                failed++;
                if (first == null) {
                    first = (ApiException) e;
                }
                SaymonAuditLog.warnSkipped(id, u.getValue(), (ApiException) e);
                owe(id, from, emitFrom, now, listed.containsKey(id), e, owedAfter, gaveUp);
                continue;
            }
            if (owed != null) {
                got.forEach(e -> readOwed.put(e.id(), id));
            }
            out.addAll(got);
        }
        if (failed > 0 && failed == users.size()) {
            // nobody's log could be read: an error, not an empty poll (the state does not move)
            throw first;
        }
        out.forEach(sink);
        stillBehind = owedAfter;
        found = gaveUp;
    }

    @Override
    public Instant historyBefore(AuditEvent e, Instant emitFrom) {
        String user = readOwed.get(e.id());
        // an owed user's entries were never delivered from where it is owed
        return user == null ? emitFrom : Instant.ofEpochMilli(behind.get(user));
    }

    @Override
    public void settle(List<AuditEvent> held) {
        Map<String, Long> after = new LinkedHashMap<>(stillBehind);
        for (AuditEvent e : held) {
            String user = readOwed.get(e.id());
            if (user != null) {
                after.putIfAbsent(user, behind.get(user)); // not all of it delivered: read it again from there
            }
        }
        behind.clear();
        behind.putAll(after);
        gaps = List.copyOf(found);
        readOwed.clear();
    }

    /** Keeps a failed user owed from {@code from}, or gives the range up once it is older than the backlog bound. */
    private void owe(String id, Instant from, Instant freshFrom, Instant now, boolean listed, RuntimeException why,
                     Map<String, Long> owedAfter, List<FeedGap> gaveUp) {
        // unreadable since the poll whose window began at `from` (the overlap before it)
        if (!from.plus(overlap).isBefore(now.minus(backlog))) {
            owedAfter.put(id, from.toEpochMilli());
            return;
        }
        // owed for longer than the bound: give up to where a user failing for the first time now would be
        // owed from, so the next gap comes only after another bound of failures
        Instant to = listed ? freshFrom : now;
        gaveUp.add(new FeedGap(FeedGap.Kind.SOURCE_UNREADABLE, "user " + id, from, to, null,
                "SAYMON's audit log of user " + id + " could not be read for longer than the feed's backlog bound ("
                        + backlog + "): its entries in this range are not delivered; last error: " + why.getMessage()));
        if (listed) {
            owedAfter.put(id, to.toEpochMilli());
        }
    }

    @Override
    public String scope(String id) {
        return SaymonAuditEntry.userIdOf(id);
    }

    @Override
    public Duration bucket() {
        return Duration.ofMinutes(1);
    }

    @Override
    public boolean keeps(String user, long time) {
        // a user still owed keeps the ids from where it is owed: reading it again must not repeat them
        Long owed = behind.get(user);
        return owed != null && time >= owed;
    }

    @Override
    public List<FeedGap> gaps() {
        return gaps;
    }

    @Override
    public void save(Map<String, Object> state) {
        if (!behind.isEmpty()) {
            state.put("behind", new LinkedHashMap<>(behind));
        }
    }

    @Override
    public void seek(Checkpoint cp) {
        Map<String, Long> owed = CheckpointState.read(cp).numbers("behind");
        behind.clear();
        behind.putAll(owed);
        gaps = List.of();
    }
}
