package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The pages of an Ekran log read by an id cursor (alerts, endpoint access requests): the key, then
 * {@code start}/{@code end} in the server's zone, a count and the id to go on after; the generated
 * entries (ids {@code 1..n}, in date order) then those a test added, each within the range; the answer
 * names the last id sent, for the next page.
 */
final class EkranCursorPages {
    /** What one log supplies: its entries and how one is written. */
    interface Log<T> {
        /** {@return how many entries are generated now} */
        int generated();

        /** {@return generated entry {@code i} (0-based) of {@code n}} */
        T generated(long i, int n);

        /** {@return the entries a test added, ids after the generated ones} */
        List<T> added();

        /** {@return the entry's id} */
        long id(T entry);

        /** {@return the time the range filters on} */
        Instant time(T entry);

        /** Writes the entry as the server does. */
        void write(JsonGenerator g, T entry) throws IOException;
    }

    /** The query's names and the answer's: how many, the cursor asked for, the array, the cursor answered. */
    record Names(String count, String after, String array, String cursor) {
    }

    private EkranCursorPages() {
    }

    /** Answers one page of {@code log}, or 401 / 400 as the server does; {@code authorized} runs once the key is good. */
    static <T> void serve(EkranSimulator sim, SimExchange ex, Log<T> log, Names names, int maxCount, Runnable authorized)
            throws IOException {
        if (!sim.authorized(ex)) {
            return;
        }
        authorized.run();
        Instant start;
        Instant end;
        int count;
        long after;
        try {
            start = sim.bound("start", ex.query("start"));
            end = sim.bound("end", ex.query("end"));
            count = (int) EkranWire.number(names.count(), ex.query(names.count()), maxCount, maxCount);
            after = EkranWire.number(names.after(), ex.query(names.after()), Long.MAX_VALUE, 0);
        } catch (EkranWire.BadBound b) {
            ex.respond(400, EkranWire.PROBLEM_JSON, EkranWire.problem(b));
            return;
        }
        ex.respondStreaming(200, sim.contentType(), out -> {
            try (JsonGenerator g = SimWire.generator(out)) {
                g.writeStartObject();
                g.writeArrayFieldStart(names.array());
                long last = after;
                int written = 0;
                int n = log.generated();
                for (long i = Math.max(0, after); i < n && written < count; i++) {
                    T e = log.generated(i, n);
                    if (end != null && log.time(e).isAfter(end)) {
                        break; // generated entries are in date order
                    }
                    if (start == null || !log.time(e).isBefore(start)) {
                        log.write(g, e);
                        last = log.id(e);
                        written++;
                    }
                }
                for (T e : log.added()) {
                    if (written >= count) {
                        break;
                    }
                    Instant t = log.time(e);
                    if (log.id(e) > after && (start == null || !t.isBefore(start)) && (end == null || !t.isAfter(end))) {
                        log.write(g, e);
                        last = log.id(e);
                        written++;
                    }
                }
                g.writeEndArray();
                g.writeNumberField(names.cursor(), last);
                g.writeEndObject();
            }
        });
    }
}
