package org.sessionsdk.saymon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.feed.PollingFeed;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.saymon.internal.LogPages;

/**
 * The SAYMON audit feed: overlapping time windows like the shared strategy, but with a position per
 * user, because SAYMON has one log per user and one of them can fail while the others answer.
 *
 * <p>Each poll reads the user list, then each user's log from 15 min before the previous poll, and
 * drops the entries already delivered, by id. A user whose log fails with an error about that user
 * alone contributes nothing to the poll and keeps, in the checkpoint, the instant from which its
 * entries are still owed; later polls read that user from there until the log answers. Only users
 * behind the common position have an entry. A user owed entries for longer than the backlog bound is
 * given up up to the poll that found it: that range is reported as a {@link FeedGap} of kind
 * {@link FeedGap.Kind#SOURCE_UNREADABLE}, and the user is owed from there on.
 */
final class SaymonAuditFeed implements PollingFeed.Strategy<AuditEvent> {
    /** The checkpoint's kind: the shared strategy's, so its checkpoints resume here (they have no "behind"). */
    private static final String KIND = "saymon/audit/windows";

    private final SaymonAuditLog log;
    private final Duration backlog;
    /** How far each poll reads back before the previous one ({@link FeedOptions#overlap()}), as the shared audit strategy does. */
    private final Duration overlap;
    private Instant since;
    private boolean polled;
    private final Map<String, Long> delivered = new LinkedHashMap<>();
    /** User id to the instant (ms) from which its entries are still owed; only users behind the common position. */
    private final Map<String, Long> behind = new LinkedHashMap<>();
    private List<FeedGap> gaps = List.of();

    SaymonAuditFeed(SaymonAuditLog log, Duration backlog, FeedOptions options) {
        this.log = log;
        this.backlog = backlog;
        this.overlap = options.overlap();
        Checkpoint cp = options.resumeFrom();
        if (cp != null) {
            since = PollingFeed.resumedSince(cp, KIND);
            delivered.putAll(cp.numbers("seen"));
            behind.putAll(cp.numbers("behind"));
            polled = since != null;
        } else {
            since = options.since();
        }
    }

    @Override
    public List<AuditEvent> poll(Instant now) {
        Instant horizon = since == null ? now : since;
        Instant readFrom = horizon.minus(overlap);
        // the first poll reports from the asked start (or now); later ones also what arrived late
        Instant emitFrom = polled ? readFrom : horizon;
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
        Map<String, Long> seen = new LinkedHashMap<>(delivered);
        Map<String, Long> stillBehind = new LinkedHashMap<>();
        List<FeedGap> found = new ArrayList<>();
        List<AuditEvent> out = new ArrayList<>();
        int failed = 0;
        ApiException first = null;
        for (Map.Entry<String, String> u : users.entrySet()) {
            String id = u.getKey();
            Long owed = behind.get(id);
            Instant from = owed == null ? readFrom : Instant.ofEpochMilli(owed);
            Instant emit = owed == null ? emitFrom : from;
            Map<String, Long> read = new LinkedHashMap<>();
            List<AuditEvent> got = new ArrayList<>();
            // up to a while past now: a server clock running ahead stamps what just happened in our future
            TimeRange window = TimeRange.between(from, now.plus(LogPages.SERVER_CLOCK_AHEAD));
            try (Stream<SaymonAuditEntry> entries = log.userStream(id, u.getValue(), window)) {
                entries.forEach(e -> {
                    AuditEvent a = e.toAuditEvent();
                    long t = a.time() == null ? now.toEpochMilli() : a.time().toEpochMilli();
                    if (seen.containsKey(a.id()) || read.containsKey(a.id())) {
                        return;
                    }
                    read.put(a.id(), t);
                    if (a.time() == null ? polled : !a.time().isBefore(emit)) {
                        got.add(a);
                    }
                });
            } catch (RuntimeException e) {
                if (!SaymonAuditLog.aboutOneUser(e)) {
                    throw e;
                }
                failed++;
                if (first == null) {
                    first = (ApiException) e;
                }
                SaymonAuditLog.warnSkipped(id, u.getValue(), (ApiException) e);
                owe(id, from, emitFrom, now, listed.containsKey(id), e, stillBehind, found);
                continue;
            }
            seen.putAll(read);
            out.addAll(got);
        }
        if (failed > 0 && failed == users.size()) {
            // nobody's log could be read: an error, not an empty poll (the state does not move)
            throw first;
        }
        out.sort(Comparator.comparing(AuditEvent::time, Comparator.nullsLast(Comparator.naturalOrder())));
        long keepAfter = now.minus(overlap).minus(overlap).toEpochMilli();
        // a user still owed keeps the ids from where it is owed: reading it again must not repeat them
        seen.entrySet().removeIf(e -> e.getValue() < keepAfter && !owedStill(e.getKey(), e.getValue(), stillBehind));
        since = now;
        polled = true;
        delivered.clear();
        delivered.putAll(seen);
        behind.clear();
        behind.putAll(stillBehind);
        gaps = List.copyOf(found);
        return out;
    }

    /** Keeps a failed user owed from {@code from}, or gives the range up once it is older than the backlog bound. */
    private void owe(String id, Instant from, Instant freshFrom, Instant now, boolean listed, RuntimeException why,
                     Map<String, Long> stillBehind, List<FeedGap> found) {
        // unreadable since the poll whose window began at `from` (the overlap before it)
        if (!from.plus(overlap).isBefore(now.minus(backlog))) {
            stillBehind.put(id, from.toEpochMilli());
            return;
        }
        // owed for longer than the bound: give up to where a user failing for the first time now would be
        // owed from, so the next gap comes only after another bound of failures
        Instant to = listed ? freshFrom : now;
        found.add(new FeedGap(FeedGap.Kind.SOURCE_UNREADABLE, "user " + id, from, to, null,
                "SAYMON's audit log of user " + id + " could not be read for longer than the feed's backlog bound ("
                        + backlog + "): its entries in this range are not delivered; last error: " + why.getMessage()));
        if (listed) {
            stillBehind.put(id, to.toEpochMilli());
        }
    }

    private static boolean owedStill(String entryId, long time, Map<String, Long> stillBehind) {
        Long owed = stillBehind.get(SaymonAuditEntry.userIdOf(entryId));
        return owed != null && time >= owed;
    }

    @Override
    public Checkpoint checkpoint() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("since", since == null ? PollingFeed.NOT_YET : since.toEpochMilli());
        state.put("seen", delivered);
        if (!behind.isEmpty()) {
            state.put("behind", behind);
        }
        return Checkpoint.of(KIND, state);
    }

    @Override
    public List<FeedGap> gaps() {
        return gaps;
    }

    @Override
    public void seek(Checkpoint cp, Instant firstPoll) {
        Instant at = PollingFeed.resumedSince(cp, KIND);
        Map<String, Long> seen = cp.numbers("seen");
        Map<String, Long> owed = cp.numbers("behind");
        polled = at != null;
        since = at != null ? at : firstPoll;
        delivered.clear();
        delivered.putAll(seen);
        behind.clear();
        behind.putAll(owed);
        gaps = List.of();
    }
}
