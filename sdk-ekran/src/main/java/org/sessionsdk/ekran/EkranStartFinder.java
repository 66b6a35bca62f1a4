package org.sessionsdk.ekran;

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
import org.sessionsdk.core.internal.feed.SessionDiff;
import org.sessionsdk.core.session.SessionRecord;

/**
 * Finds the true start of sessions Ekran listed with a start clipped to the asked window. Ekran
 * selects the sessions overlapping a window and reports the first activity inside it as
 * {@code loginDate}, so one listing cannot tell a true start from a clipped one. This asks windows
 * further and further back, each ending where the previous began ({@link #LOOK_BACK}: 1 h, then
 * 4 h, 16 h, 64 h, 256 h, 1024 h, about 43 days in all): a session listed in a window but absent from
 * the next earlier one started in it, at the {@code loginDate} that window showed. All suspects of a
 * poll share the windows, so a poll costs at most {@code LOOK_BACK.size()} extra requests, whatever
 * their number. A session still listed in the oldest window began more than 43 days ago: its start is
 * reported as unknown (null, attributes {@value SessionDiff#START_UNKNOWN}{@code =true} and
 * {@code startedBefore} = the oldest window's start), never as a clipped one.
 */
final class EkranStartFinder implements SessionDiff.Clipping {
    /** How far back each window of the look-up starts, from the listing's window start. */
    static final List<Duration> LOOK_BACK = List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(16),
            Duration.ofHours(64), Duration.ofHours(256), Duration.ofHours(1024));
    /** {@link org.sessionsdk.core.feed.FeedAttributes#STARTED_BEFORE}. */
    static final String STARTED_BEFORE = org.sessionsdk.core.feed.FeedAttributes.STARTED_BEFORE;

    private final EkranSessions sessions;

    EkranStartFinder(EkranSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<SessionRecord> trueStarts(List<SessionRecord> suspects, Instant windowStart) {
        Map<String, SessionRecord> pending = new LinkedHashMap<>();
        Map<String, Instant> earliest = new HashMap<>();
        for (SessionRecord r : suspects) {
            pending.put(r.id(), r);
            earliest.put(r.id(), r.start());
        }
        List<SessionRecord> out = new ArrayList<>();
        Instant hi = windowStart;
        for (Duration back : LOOK_BACK) {
            if (pending.isEmpty()) {
                break;
            }
            Instant lo = windowStart.minus(back);
            Set<String> present = new HashSet<>();
            try (Stream<EkranSession> listed = sessions.stream(EkranSessionQuery.between(lo, hi))) {
                listed.forEach(s -> {
                    String id = Integer.toString(s.sessionId());
                    if (pending.containsKey(id)) {
                        present.add(id);
                        if (s.loginDate() != null) {
                            earliest.put(id, s.loginDate().toInstant());
                        }
                    }
                });
            }
            for (Map.Entry<String, SessionRecord> e : pending.entrySet()) {
                if (!present.contains(e.getKey())) {
                    out.add(withStart(e.getValue(), earliest.get(e.getKey()), null));
                }
            }
            pending.keySet().retainAll(present);
            hi = lo;
        }
        for (SessionRecord r : pending.values()) {
            out.add(withStart(r, null, hi));
        }
        return out;
    }

    private static SessionRecord withStart(SessionRecord r, Instant start, Instant unknownBefore) {
        Map<String, String> attrs = r.attributes();
        if (unknownBefore != null) {
            attrs = new LinkedHashMap<>(attrs);
            attrs.put(SessionDiff.START_UNKNOWN, "true");
            attrs.put(STARTED_BEFORE, unknownBefore.toString());
        }
        return new SessionRecord(r.vendor(), r.id(), r.user(), r.sourceAddress(), r.target(), r.protocol(), start,
                r.end(), r.lastActivity(), attrs);
    }
}
