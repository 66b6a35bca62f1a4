package org.sessionsdk.core.internal.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedOptions;
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
 * <p>The state, and so the checkpoint, holds the open sessions (id, start, user), the sessions that
 * ended within the overlap, and one instant: bounded by the sessions open at once, never by history.
 * An ENDED change carries the start first seen, so a vendor that clips starts to the asked window
 * (Ekran) never shows a clipped start for a session it reported before.
 */
public final class SessionDiff implements PollingFeed.Strategy<SessionChange> {
    /** How far each poll reaches back before the previous one: late or re-stamped records are still seen. */
    static final Duration OVERLAP = Duration.ofMinutes(15);
    /** The attribute an ENDED change carries when the end was not reported but seen (the session vanished). */
    public static final String END_OBSERVED = "endObserved";

    private final SessionSource source;
    private final String kind;
    private Instant since;
    private final Map<String, Long> openStart = new LinkedHashMap<>();
    private final Map<String, String> openUser = new LinkedHashMap<>();
    private final Map<String, Long> recentlyEnded = new LinkedHashMap<>();

    /**
     * The strategy for one source.
     *
     * @param source  the client
     * @param options where to start
     * @throws IllegalArgumentException if the checkpoint to resume from is another feed's
     */
    public SessionDiff(SessionSource source, FeedOptions options) {
        this.source = source;
        this.kind = source.vendor() + "/sessions/diff";
        Checkpoint cp = options.resumeFrom();
        if (cp != null) {
            cp.requireKind(kind);
            Long s = cp.number("since");
            if (s == null) {
                throw new IllegalArgumentException("a damaged checkpoint: no 'since'");
            }
            since = s == Long.MIN_VALUE ? null : Instant.ofEpochMilli(s);
            cp.table("open").forEach((id, v) -> openStart.put(id, (Long) v));
            cp.table("user").forEach((id, v) -> openUser.put(id, (String) v));
            cp.table("ended").forEach((id, v) -> recentlyEnded.put(id, (Long) v));
        } else {
            // null: start now, at the first poll (only what is open then is reported)
            since = options.since();
        }
    }

    @Override
    public List<SessionChange> poll(Instant now) {
        boolean fromNow = since == null;
        Instant horizon = fromNow ? now : since;
        Instant from = horizon.minus(OVERLAP);
        for (long start : openStart.values()) {
            if (start != Long.MIN_VALUE && Instant.ofEpochMilli(start).isBefore(from)) {
                from = Instant.ofEpochMilli(start);
            }
        }
        Map<String, Long> open = new LinkedHashMap<>(openStart);
        Map<String, String> users = new LinkedHashMap<>(openUser);
        Map<String, Long> ended = new LinkedHashMap<>(recentlyEnded);
        Set<String> seenOpen = new HashSet<>();
        Map<String, SessionRecord> lastSeen = new HashMap<>();
        List<SessionChange> out = new ArrayList<>();
        try (Stream<SessionRecord> listed = source.sessionRecords(TimeRange.since(from))) {
            listed.forEach(r -> {
                String id = r.id();
                if (r.end() == null) {
                    seenOpen.add(id);
                    lastSeen.put(id, r);
                    if (!open.containsKey(id) && !ended.containsKey(id)) {
                        out.add(new SessionChange(ChangeType.STARTED, r, now));
                        open.put(id, r.start() == null ? Long.MIN_VALUE : r.start().toEpochMilli());
                        users.put(id, r.user() == null ? "" : r.user());
                    }
                } else if (open.containsKey(id)) {
                    out.add(new SessionChange(ChangeType.ENDED, withStart(r, open.remove(id)), now));
                    users.remove(id);
                    ended.put(id, r.end().toEpochMilli());
                } else if (!ended.containsKey(id) && !r.end().isBefore(horizon)) {
                    // came and went since the last poll (or since the asked start)
                    out.add(new SessionChange(ChangeType.STARTED, r, now));
                    out.add(new SessionChange(ChangeType.ENDED, r, now));
                    ended.put(id, r.end().toEpochMilli());
                }
            });
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
        Instant next = now;
        long keepAfter = next.minus(OVERLAP).minus(OVERLAP).toEpochMilli();
        ended.values().removeIf(end -> end < keepAfter);
        // the poll worked: only now does the state move
        since = next;
        openStart.clear();
        openStart.putAll(open);
        openUser.clear();
        openUser.putAll(users);
        recentlyEnded.clear();
        recentlyEnded.putAll(ended);
        return out;
    }

    private static SessionRecord withStart(SessionRecord r, long start) {
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
            state.put("since", Long.MIN_VALUE);
        }
        state.put("open", openStart);
        state.put("user", openUser);
        state.put("ended", recentlyEnded);
        return Checkpoint.of(kind, state);
    }
}
