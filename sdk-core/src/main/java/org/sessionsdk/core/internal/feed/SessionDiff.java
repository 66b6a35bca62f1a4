package org.sessionsdk.core.internal.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedAttributes;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.time.LocalTimes;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.session.TimeRange;

/**
 * Follows sessions by comparing what the server lists with what was reported: the shared session-feed
 * strategy. Each poll lists the sessions overlapping a window that reaches back to the oldest session
 * still open and a little before the last poll; a session seen open for the first time is STARTED,
 * one seen ended is ENDED (STARTED and ENDED at once when it came and went between two polls), and
 * one that was open but is no longer listed at all (Plesk lists open sessions only) is ENDED at the
 * moment it was seen gone, with the attribute {@code endObserved=true}.
 *
 * <p>Late rows: a session that ended before the previous poll but is listed only now (a late upload,
 * a server clock behind ours, whole-second times) is still reported when it ended within the
 * {@linkplain FeedOptions#overlap() overlap} before the previous poll; in a server zone's
 * daylight-saving weeks the window also reaches one transition further back, since a local time of
 * the repeated hour reads an hour early ({@link ZoneSlack}); each change whose time was read so
 * comes with an {@link FeedGap.Kind#AMBIGUOUS_LOCAL_TIME} gap. Each session ended within that window
 * is remembered by id, so none is reported twice; the first poll remembers, without reporting, those
 * that ended before the feed's start.
 *
 * <p>The state, and so the checkpoint, holds the open sessions (id, start, user), the sessions that
 * ended within the overlap, and one instant: bounded by the sessions open at once, never by history,
 * and packed ({@link DiffState}) to about 20 bytes per session.
 * An ENDED change carries the start first seen, so a vendor that clips starts to the asked window
 * (Ekran) never shows a clipped start for a session it reported before.
 *
 * <p>A vendor whose listing selects the sessions overlapping the window and clips their start to it
 * gives a {@link Clipping}: the window then never reaches back (an open session is listed whatever
 * its start), and a session seen for the first time whose start lies before the previous poll (it
 * may have begun before the window) is handed to the clipping to find its true start before it is
 * reported. One poll reads the listing once, plus the clipping's bounded look-back when there is a
 * session to look up.
 */
public final class SessionDiff implements PollingFeed.Strategy<SessionChange> {
    /** {@link FeedAttributes#END_OBSERVED}. */
    public static final String END_OBSERVED = FeedAttributes.END_OBSERVED;
    /** {@link FeedAttributes#START_UNKNOWN}. */
    public static final String START_UNKNOWN = FeedAttributes.START_UNKNOWN;
    /** The checkpoint's mark of a {@code since} that is the asked start, not a poll's instant. */
    private static final String UNPOLLED = "unpolled";

    /**
     * How a vendor that clips starts to the asked window finds the true ones.
     */
    @FunctionalInterface
    public interface Clipping {
        /**
         * The sessions with their true start, looked up with a bounded number of extra requests.
         *
         * @param suspects    sessions seen for the first time whose listed start may be the window's
         * @param windowStart where the listing's window began
         * @return the same sessions, in any order, each with its true start, or with a null start and
         *     an attribute saying why when it could not be found
         */
        List<SessionRecord> trueStarts(List<SessionRecord> suspects, Instant windowStart);
    }

    private final SessionSource source;
    private final Clipping clipping;
    private final String kind;
    private final Duration overlap;
    private final int maxBatch;
    /** Whether the last poll stopped at the batch size with more changes waiting. */
    private boolean more;
    private Instant since;
    /** Whether {@link #since} is a poll's instant (later polls look back before it) or the asked start. */
    private boolean polled;
    private final Map<String, Long> openStart = new LinkedHashMap<>();
    private final Map<String, String> openUser = new LinkedHashMap<>();
    private final Map<String, Long> recentlyEnded = new LinkedHashMap<>();
    private List<FeedGap> gaps = List.of();
    /**
     * The session table as the checkpoint writes it, kept while the sessions do not change: most polls
     * change none, and packing thousands of ids every poll was the largest share of a poll's CPU.
     * Its times are relative to the base it was packed at (written with it), not to each poll's instant.
     */
    private Map<String, Object> packed;

    /**
     * The strategy for one source.
     *
     * @param source  the client
     * @param options where to start
     * @throws IllegalArgumentException if the checkpoint to resume from is another feed's
     */
    public SessionDiff(SessionSource source, FeedOptions options) {
        this(source, options, null);
    }

    /**
     * The strategy for a source whose listing selects the sessions overlapping the window and clips
     * their start to it (Ekran).
     *
     * @param source   the client
     * @param options  where to start
     * @param clipping finds the true start of a session first seen, or null for a source that does not clip
     * @throws IllegalArgumentException if the checkpoint to resume from is another feed's
     */
    public SessionDiff(SessionSource source, FeedOptions options, Clipping clipping) {
        this.source = source;
        this.clipping = clipping;
        this.kind = source.vendor() + "/sessions/diff";
        this.overlap = options.overlap();
        this.maxBatch = options.maxBatchSize();
        Checkpoint cp = options.resumeFrom();
        if (cp != null) {
            seek(cp, null);
        } else {
            // null: start now, at the first poll (only what is open then is reported)
            since = options.since();
        }
    }

    @Override
    public void seek(Checkpoint cp, Instant firstPoll) {
        Instant at = PollingFeed.resumedSince(cp, kind);
        Map<String, Long> open = new LinkedHashMap<>();
        Map<String, String> users = new LinkedHashMap<>();
        Map<String, Long> ended = new LinkedHashMap<>();
        DiffState.read(cp, open, users, ended);
        // a checkpoint saved before the first poll holds the asked start, marked so, or none (now)
        polled = at != null && CheckpointState.read(cp).number(UNPOLLED) == null;
        since = at != null ? at : firstPoll;
        more = false;
        gaps = List.of();
        replaceState(open, users, ended);
    }

    private void replaceState(Map<String, Long> open, Map<String, String> users, Map<String, Long> ended) {
        if (!(open.equals(openStart) && users.equals(openUser) && ended.equals(recentlyEnded))) {
            packed = null;
        }
        openStart.clear();
        openStart.putAll(open);
        openUser.clear();
        openUser.putAll(users);
        recentlyEnded.clear();
        recentlyEnded.putAll(ended);
    }

    /** Where one poll looks: the previous poll's instant (or now), the listing's start, and the feed's start cut. */
    private record Window(Instant horizon, Instant from, Instant cut, Duration slack) {
    }

    @Override
    public List<SessionChange> poll(Instant now) {
        Window w = window(now);
        try (Stream<SessionRecord> listed = source.sessionRecords(TimeRange.since(w.from()))) {
            return compare(now, w, listed);
        }
    }

    /** {@link #poll} with the listing read asynchronously ({@link SessionSource#sessionRecordsAsync}), compared when it is in. */
    @Override
    public CompletableFuture<List<SessionChange>> pollAsync(Instant now) {
        Window w = window(now);
        return source.sessionRecordsAsync(TimeRange.since(w.from())).thenApply(rows -> compare(now, w, rows.stream()));
    }

    private Window window(Instant now) {
        Instant horizon = since == null ? now : since;
        // a session ended before the cut is history; later polls look back past the previous one for
        // late rows, and past a DST transition of the server's zone, where local times read early
        Duration slack = ZoneSlack.around(source.serverZone(), horizon.minus(overlap), now);
        Instant from = horizon.minus(overlap).minus(slack);
        Instant cut = polled ? from : horizon;
        if (clipping == null) {
            // a listing that may select by start time: reach back to the oldest session still open
            for (long start : openStart.values()) {
                if (start != Long.MIN_VALUE && Instant.ofEpochMilli(start).isBefore(from)) {
                    from = Instant.ofEpochMilli(start);
                }
            }
        }
        return new Window(horizon, from, cut, slack);
    }

    /** Compares a listing with what was reported; the state moves only at the end, when all of it was read. */
    private List<SessionChange> compare(Instant now, Window w, Stream<SessionRecord> listed) {
        Instant horizon = w.horizon();
        Instant from = w.from();
        Instant cut = w.cut();
        Duration slack = w.slack();
        Map<String, Long> open = new LinkedHashMap<>(openStart);
        Map<String, String> users = new LinkedHashMap<>(openUser);
        Map<String, Long> ended = new LinkedHashMap<>(recentlyEnded);
        Set<String> seenOpen = new HashSet<>();
        List<SessionChange> out = new ArrayList<>();
        // first seen with a start before the previous poll: perhaps clipped to the window (Clipping)
        List<SessionRecord> suspects = new ArrayList<>();
        {
            listed.forEach(r -> {
                String id = r.id();
                boolean suspect = clipping != null && r.start() != null && r.start().isBefore(horizon);
                if (r.end() == null) {
                    seenOpen.add(id);
                    if (!open.containsKey(id) && !ended.containsKey(id)) {
                        if (suspect) {
                            suspects.add(r);
                        }
                        out.add(new SessionChange(ChangeType.STARTED, r, now));
                        open.put(id, r.start() == null ? Long.MIN_VALUE : r.start().toEpochMilli());
                        users.put(id, r.user() == null ? "" : r.user());
                    }
                } else if (open.containsKey(id)) {
                    out.add(new SessionChange(ChangeType.ENDED, withStart(r, open.remove(id)), now));
                    users.remove(id);
                    ended.put(id, r.end().toEpochMilli());
                } else if (!ended.containsKey(id) && r.end().isBefore(cut)) {
                    // ended before the feed's start: not reported, but remembered so a later poll,
                    // whose window reaches further back, does not report it either
                    ended.put(id, r.end().toEpochMilli());
                } else if (!ended.containsKey(id)) {
                    // came and went since the last poll (or since the asked start), or was listed late
                    if (suspect) {
                        suspects.add(r);
                    }
                    out.add(new SessionChange(ChangeType.STARTED, r, now));
                    out.add(new SessionChange(ChangeType.ENDED, r, now));
                    ended.put(id, r.end().toEpochMilli());
                }
            });
        }
        if (!suspects.isEmpty()) {
            Map<String, SessionRecord> found = new HashMap<>();
            for (SessionRecord r : clipping.trueStarts(suspects, from)) {
                found.put(r.id(), r);
            }
            for (int k = 0; k < out.size(); k++) {
                SessionChange c = out.get(k);
                SessionRecord r = found.get(c.session().id());
                if (r != null) {
                    out.set(k, new SessionChange(c.type(), r, c.observedAt()));
                    if (open.containsKey(r.id())) {
                        open.put(r.id(), r.start() == null ? Long.MIN_VALUE : r.start().toEpochMilli());
                    }
                }
            }
        }
        for (String id : new ArrayList<>(open.keySet())) {
            if (!seenOpen.contains(id)) {
                long start = open.remove(id);
                Map<String, String> attrs = Map.of(END_OBSERVED, "true");
                String user = users.remove(id);
                SessionRecord gone = new SessionRecord(source.vendor(), id, user == null || user.isEmpty() ? null : user,
                        null, null, null, start == Long.MIN_VALUE ? null : Instant.ofEpochMilli(start), now, null, attrs);
                out.add(new SessionChange(ChangeType.ENDED, gone, now));
                ended.put(id, now.toEpochMilli());
            }
        }
        // remembered for longer than the next poll's window reaches back (overlap and DST slack): an
        // id forgotten earlier could be reported again
        boolean full = out.size() > maxBatch;
        // a full batch keeps the window where it is, so the next poll reads it again from the same horizon
        long keepAfter = (full ? horizon : now).minus(overlap).minus(slack).minus(overlap).toEpochMilli();
        ended.values().removeIf(end -> end < keepAfter);
        if (full) {
            List<SessionChange> batch = firstBatch(out, ended, horizon);
            gaps = ambiguous(batch);
            return batch;
        }
        // the poll worked: only now does the state move
        more = false;
        since = now;
        polled = true;
        replaceState(open, users, ended);
        gaps = ambiguous(out);
        return out;
    }

    /**
     * One {@link FeedGap.Kind#AMBIGUOUS_LOCAL_TIME} gap per change whose time (the start of a STARTED,
     * the end of an ENDED) the vendor wrote as a local time of the server zone's repeated autumn hour
     * ({@link LocalTimes}): the change is delivered with the earlier reading, and the gap says which
     * session, which time, and which offset was taken, so nothing is dropped and nothing is silent.
     */
    private List<FeedGap> ambiguous(List<SessionChange> changes) {
        List<FeedGap> found = new ArrayList<>();
        ZoneId zone = source.serverZone();
        for (SessionChange c : changes) {
            String fields = c.session().attributes().get(LocalTimes.ATTRIBUTE);
            if (fields == null) {
                continue;
            }
            String field = c.type() == ChangeType.STARTED ? "start" : "end";
            Instant t = c.type() == ChangeType.STARTED ? c.session().start() : c.session().end();
            if (t == null || !List.of(fields.split(",")).contains(field)) {
                continue;
            }
            ZoneOffset chosen = zone.getRules().getOffset(t);
            LocalDateTime local = LocalDateTime.ofInstant(t, zone);
            ZoneOffset other = zone.getRules().getValidOffsets(local).stream().filter(o -> !o.equals(chosen))
                    .findFirst().orElse(chosen);
            Instant later = local.toInstant(other);
            found.add(new FeedGap(FeedGap.Kind.AMBIGUOUS_LOCAL_TIME, "session " + c.session().id(),
                    later.isBefore(t) ? later : t, later.isBefore(t) ? t : later, null,
                    "the " + field + " of session " + c.session().id() + " was written as " + local + ", a local time"
                            + " of the hour " + zone + " repeats when its clocks go back: it is read with the offset "
                            + chosen + " (" + t + "); with " + other + " it would be " + later + ". The session is"
                            + " delivered with the first reading."));
        }
        return List.copyOf(found);
    }

    @Override
    public List<FeedGap> gaps() {
        return gaps;
    }

    /**
     * More changes than a batch: returns the first {@code maxBatch} and moves the state by those only,
     * keeping the window where it was; the next poll, due at once ({@link #more()}), lists the same
     * window and finds exactly the changes not returned yet (a session whose STARTED came in this batch
     * is open in the state, one whose ENDED did not come is still open or not yet ended in it).
     */
    private List<SessionChange> firstBatch(List<SessionChange> all, Map<String, Long> endedInAll, Instant horizon) {
        List<SessionChange> batch = List.copyOf(all.subList(0, maxBatch));
        Map<String, Long> open = new LinkedHashMap<>(openStart);
        Map<String, String> users = new LinkedHashMap<>(openUser);
        Map<String, Long> ended = new LinkedHashMap<>(endedInAll);
        for (SessionChange c : all.subList(maxBatch, all.size())) {
            if (c.type() == ChangeType.ENDED) {
                ended.remove(c.session().id()); // not reported yet: it must be found again
            }
        }
        for (SessionChange c : batch) {
            SessionRecord r = c.session();
            if (c.type() == ChangeType.STARTED) {
                open.put(r.id(), r.start() == null ? Long.MIN_VALUE : r.start().toEpochMilli());
                users.put(r.id(), r.user() == null ? "" : r.user());
            } else {
                open.remove(r.id());
                users.remove(r.id());
            }
        }
        more = true;
        if (since == null) {
            since = horizon; // a feed started now keeps this poll's start for the rest of the batch
        }
        replaceState(open, users, ended);
        return batch;
    }

    /**
     * The sessions a checkpoint of this strategy holds open, id to start (epoch ms, {@link Long#MIN_VALUE}
     * when unknown); for a vendor's feed that plans its listing from where the diff stands.
     *
     * @param cp the checkpoint
     * @return the open sessions, in no particular order
     * @throws IllegalArgumentException if the checkpoint is damaged
     */
    public static Map<String, Long> openSessions(Checkpoint cp) {
        Map<String, Long> open = new LinkedHashMap<>();
        DiffState.read(cp, open, new HashMap<>(), new HashMap<>());
        return open;
    }

    /**
     * The sessions a checkpoint of this strategy remembers as ended within the overlap, id to end (epoch ms).
     *
     * @param cp the checkpoint
     * @return the ended sessions, in no particular order
     * @throws IllegalArgumentException if the checkpoint is damaged
     */
    public static Map<String, Long> endedSessions(Checkpoint cp) {
        Map<String, Long> ended = new LinkedHashMap<>();
        DiffState.read(cp, new HashMap<>(), new HashMap<>(), ended);
        return ended;
    }

    @Override
    public boolean more() {
        return more;
    }

    /** {@return where the diff stands: the last poll's instant, the asked start before one, or null for now} */
    public Instant position() {
        return since;
    }

    /** {@return the sessions open at the last poll, id to start (epoch ms; {@link Long#MIN_VALUE} unknown)} */
    public Map<String, Long> openNow() {
        return Collections.unmodifiableMap(openStart);
    }

    private SessionRecord withStart(SessionRecord r, long start) {
        if (start == Long.MIN_VALUE && clipping != null) {
            // the start was not found when it was reported: the listed one is clipped, never show it
            Map<String, String> attrs = new LinkedHashMap<>(r.attributes());
            attrs.put(START_UNKNOWN, "true");
            return new SessionRecord(r.vendor(), r.id(), r.user(), r.sourceAddress(), r.target(), r.protocol(),
                    null, r.end(), r.lastActivity(), attrs);
        }
        if (start == Long.MIN_VALUE || (r.start() != null && r.start().toEpochMilli() == start)) {
            return r;
        }
        return new SessionRecord(r.vendor(), r.id(), r.user(), r.sourceAddress(), r.target(), r.protocol(),
                Instant.ofEpochMilli(start), r.end(), r.lastActivity(), r.attributes());
    }

    @Override
    public Checkpoint checkpoint() {
        Map<String, Object> state = new LinkedHashMap<>();
        if (since != null) {
            state.put("since", since.toEpochMilli());
        } else {
            state.put("since", PollingFeed.NOT_YET);
        }
        if (packed == null || (since != null && (Long) packed.get(DiffState.BASE) == 0)) {
            packed = new LinkedHashMap<>();
            DiffState.write(packed, since == null ? 0 : since.toEpochMilli(), openStart, openUser, recentlyEnded);
        }
        state.putAll(packed);
        if (since != null && !polled) {
            state.put(UNPOLLED, 1L);
        }
        return CheckpointState.checkpoint(kind, state);
    }
}
