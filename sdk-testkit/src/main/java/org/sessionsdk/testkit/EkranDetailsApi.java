package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sessionsdk.ekran.EkranSession;

/**
 * {@code POST /ekranapi/sessions} of {@link EkranSimulator}: the sessions {@code GET} would list for the
 * same window (dates clipped to it), with {@code duration}, {@code productiveTime} and {@code idleTime}
 * written as .NET {@code TimeSpan} text ({@code 20:20:40.0020000}, with a days part past 24 hours).
 *
 * <p>The parameters come as a JSON object body: {@code start}, {@code end} (the documented local forms),
 * {@code sessionCount} (default 1000, 0 to 1000) and {@code pageIndex} (from 0); anything else there, or
 * a body that is not a JSON object, is a 400 validation problem. The answer is
 * {@code {"sessions":[...]}}, page {@code pageIndex} of {@code sessionCount} sessions.
 *
 * <p>Duration is logout minus login (the simulator's clock for an open session); idle time a seeded
 * share of it, to the 100 ns tick; productive time the rest. The window's sessions are listed per
 * request: for windows of modest size.
 */
final class EkranDetailsApi {
    static final int MAX_COUNT = 1000;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private final EkranSimulator sim;

    EkranDetailsApi(EkranSimulator sim) {
        this.sim = sim;
    }

    void handle(SimExchange ex) throws IOException {
        if (!sim.authorized(ex)) {
            return;
        }
        byte[] raw = ex.body();
        Map<String, String> params = raw.length == 0 ? Map.of() : SimWire.flatObject(raw);
        Instant start;
        Instant end;
        int count;
        int page;
        try {
            if (params == null) {
                throw new EkranWire.BadBound("$", ex.bodyText());
            }
            start = sim.bound("start", params.get("start"));
            end = sim.bound("end", params.get("end"));
            count = (int) EkranWire.number("sessionCount", params.get("sessionCount"), MAX_COUNT, MAX_COUNT);
            page = (int) EkranWire.number("pageIndex", params.get("pageIndex"), Integer.MAX_VALUE, 0);
        } catch (EkranWire.BadBound b) {
            ex.respond(400, EkranWire.PROBLEM_JSON, EkranWire.problem(b));
            return;
        }
        List<EkranSession> window = sim.sessions(start, end);
        long from = (long) page * count;
        Instant now = sim.clock().instant();
        ex.respondStreaming(200, sim.contentType(), out -> {
            try (JsonGenerator g = SimWire.generator(out)) {
                g.writeStartObject();
                g.writeArrayFieldStart("sessions");
                for (long i = from; i < Math.min(window.size(), from + count); i++) {
                    write(g, window.get((int) i), now);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    private void write(JsonGenerator g, EkranSession s, Instant now) throws IOException {
        Instant login = s.loginDate().toInstant();
        Instant logout = s.logoutDate() == null ? now : s.logoutDate().toInstant();
        long ticks = Math.max(0, Duration.between(login, logout).toNanos() / 100);
        long idle = ticks / 100 * Math.floorMod(SimData.mix(sim.seed(), s.sessionId(), 41), 60L)
                + Math.floorMod(SimData.mix(sim.seed(), s.sessionId(), 42), 10_000L);
        idle = Math.min(idle, ticks);
        g.writeStartObject();
        g.writeStringField("clientGuid", s.clientGuid());
        g.writeStringField("duration", timeSpan(ticks));
        g.writeStringField("idleTime", timeSpan(idle));
        g.writeStringField("loginDate", s.loginDate().format(EkranWire.OUT));
        if (s.logoutDate() == null) {
            g.writeNullField("logoutDate");
        } else {
            g.writeStringField("logoutDate", s.logoutDate().format(EkranWire.OUT));
        }
        g.writeStringField("productiveTime", timeSpan(ticks - idle));
        g.writeNumberField("sessionId", s.sessionId());
        g.writeNumberField("userId", s.userId());
        g.writeEndObject();
    }

    /** A non-negative span of 100 ns ticks as .NET's "c" format writes it: {@code [d.]hh:mm:ss[.fffffff]}. */
    static String timeSpan(long ticks) {
        long seconds = ticks / TICKS_PER_SECOND;
        long fraction = ticks % TICKS_PER_SECOND;
        long days = seconds / 86_400;
        String hms = String.format("%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        return (days > 0 ? days + "." : "") + hms + (fraction > 0 ? String.format(".%07d", fraction) : "");
    }
}
