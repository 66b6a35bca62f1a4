package org.sessionsdk.testkit;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.sessionsdk.ekran.EkranSession;

/**
 * {@link EkranSimulator}'s sessions: generated ones made on the fly from the seed (session {@code i}
 * has {@code sessionId = i + 1}, logs in about 20 minutes after session {@code i - 1}, for 5 minutes to
 * 6 hours, the newest two still open), the test's own, and the scenario's; and how a window shows
 * them (selected when they overlap it, dates clipped to it).
 */
final class EkranSessionData {
    static final long STEP_SECONDS = 20 * 60;
    static final long JITTER_SECONDS = 10 * 60;
    static final long MIN_SECONDS = 5 * 60;
    static final long MAX_SECONDS = 6 * 3600;
    static final int OPEN = 2;

    /** Takes the sessions of a window, one at a time. */
    @FunctionalInterface
    interface Sink {
        void accept(EkranSession s) throws IOException;
    }

    private final EkranSimulator sim;

    EkranSessionData(EkranSimulator sim) {
        this.sim = sim;
    }

    /** Generated session {@code index} with its real dates (not clipped). */
    EkranSession session(int index) {
        return new EkranSession(index + 1, userId(index), clientGuid(index), odt(loginAt(index)),
                logoutAt(index) == null ? null : odt(logoutAt(index)));
    }

    /** The sessions overlapping the window (either bound may be null), dates clipped to it. */
    void forEach(Instant start, Instant end, List<EkranSession> extra, Sink sink) throws IOException {
        if (start != null && end != null && end.isBefore(start)) {
            return;
        }
        int n = sim.generated();
        long origin = origin().getEpochSecond();
        Instant now = sim.clock().instant();
        long lo = 0;
        long hi = n - 1L;
        if (start != null) {
            lo = Math.max(0, Math.floorDiv(start.getEpochSecond() - MAX_SECONDS - origin, STEP_SECONDS) - 1);
        }
        if (end != null) {
            hi = Math.min(hi, Math.floorDiv(end.getEpochSecond() - origin, STEP_SECONDS) + 1);
        }
        // open sessions older than the window's first candidates still overlap it: the newest two, and
        // those that were still running at the anchor
        long openFrom = Math.min(Math.max(0, n - OPEN),
                Math.max(0, Math.floorDiv(sim.anchor().getEpochSecond() - MAX_SECONDS - origin, STEP_SECONDS) - 1));
        for (long i = openFrom; i < Math.min(lo, n); i++) {
            emit(generatedAt((int) i, start, end, now), sink);
        }
        for (long i = lo; i <= hi; i++) {
            emit(generatedAt((int) i, start, end, now), sink);
        }
        for (EkranSession s : extra) {
            emit(clip(s.sessionId(), s.userId(), s.clientGuid(), s.loginDate().toInstant(),
                    s.logoutDate() == null ? null : s.logoutDate().toInstant(), start, end, now), sink);
        }
        for (ScenarioPlayback.Lived l : sim.scenarioSessions()) {
            if ((end != null && l.start().isAfter(end)) || (start != null && l.end() != null && l.end().isBefore(start))) {
                continue; // outside the window: skip before making its GUID, a long scenario has many such
            }
            emit(clip(n + 1 + l.ordinal(), EkranSimulator.userIdOf(l.user()),
                    guid(l.address() == null ? l.user() : l.address()), l.start(), l.end(), start, end, now), sink);
        }
    }

    private static void emit(EkranSession s, Sink sink) throws IOException {
        if (s != null) {
            sink.accept(s);
        }
    }

    private EkranSession generatedAt(int i, Instant start, Instant end, Instant now) {
        return clip(i + 1, userId(i), clientGuid(i), loginAt(i), logoutAt(i), start, end, now);
    }

    /**
     * The session as a window shows it, or null when it does not overlap the window. An open session's
     * last activity inside the window is the window's end, or now when the window reaches past now.
     */
    private EkranSession clip(int id, int userId, String guid, Instant login, Instant logout, Instant start,
                              Instant end, Instant now) {
        if (end != null && login.isAfter(end)) {
            return null;
        }
        if (start != null && logout != null && logout.isBefore(start)) {
            return null;
        }
        Instant in = start != null && login.isBefore(start) ? start : login;
        Instant out;
        if (end == null) {
            out = logout;
        } else if (logout == null) {
            out = end.isAfter(now) && !now.isBefore(in) ? now : end;
        } else {
            out = logout.isAfter(end) ? end : logout;
        }
        return new EkranSession(id, userId, guid, odt(in), out == null ? null : odt(out));
    }

    /**
     * Where generated session 0 logs in (before jitter): placed so the newest that ends does so before
     * the anchor, the newest logging in about six hours before it.
     */
    private Instant origin() {
        return sim.anchor().minusSeconds(sim.generated() * STEP_SECONDS + MAX_SECONDS);
    }

    private Instant loginAt(long i) {
        long jitter = Math.floorMod(SimData.mix(sim.seed(), i, 11), JITTER_SECONDS);
        return origin().plusSeconds(i * STEP_SECONDS + jitter);
    }

    /** The newest two never end; a session still running at the anchor stays open (history is fixed). */
    private Instant logoutAt(long i) {
        if (i >= sim.generated() - OPEN) {
            return null;
        }
        long length = MIN_SECONDS + Math.floorMod(SimData.mix(sim.seed(), i, 12), MAX_SECONDS - MIN_SECONDS + 1);
        Instant logout = loginAt(i).plusSeconds(length);
        return logout.isAfter(sim.anchor()) ? null : logout;
    }

    private int userId(long i) {
        return 1 + (int) Math.floorMod(SimData.mix(sim.seed(), i, 13), 60L);
    }

    private String clientGuid(long i) {
        long client = Math.floorMod(SimData.mix(sim.seed(), i, 14), 8L);
        return guid(SimData.hex(sim.seed(), -1 - client, 32));
    }

    /** A GUID made from 32 hex digits, or from any text. */
    private String guid(String from) {
        String h = from.matches("[0-9a-f]{32}") ? from
                : SimData.hex(sim.seed(), -100 - Math.abs((long) from.hashCode()), 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    private OffsetDateTime odt(Instant t) {
        return OffsetDateTime.ofInstant(t, sim.serverZone());
    }
}
