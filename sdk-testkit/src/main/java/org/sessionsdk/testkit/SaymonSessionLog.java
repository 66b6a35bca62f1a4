package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sessionsdk.saymon.SaymonSession;

/**
 * {@link SaymonSimulator}'s session log ({@code GET /node/api/users/session/log?from=&to=&limit=&skip=}):
 * records generated on the fly from the seed (record {@code k}, 0 = newest, started about {@code k}
 * minutes before the newest; records inserted on top have negative keys), the test's own and the
 * scenario's, served newest first with MongoDB's {@code skip}/{@code limit} in time proportional to
 * the page, not to the log.
 */
final class SaymonSessionLog {
    private static final long STEP_MS = 60_000;
    private static final long JITTER_MS = 30_000;
    private static final long LONGEST_MS = 60_000 + 4 * 3600_000L;

    private final SaymonSimulator sim;
    private final AtomicLong inserted = new AtomicLong();
    private volatile int insertPerPage;
    private final List<SaymonSession> extra = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();

    SaymonSessionLog(SaymonSimulator sim) {
        this.sim = sim;
    }

    void add(SaymonSession session) {
        extra.add(session);
    }

    void insertNewest(int n) {
        inserted.addAndGet(n);
    }

    void insertAfterEachPage(int n) {
        insertPerPage = n;
    }

    int requests() {
        return requests.get();
    }

    long served() {
        return served.get();
    }

    long size() {
        return sim.generated() + inserted.get() + extra.size() + sim.scenarioSessions().size();
    }

    /** The whole log, newest first. */
    List<SaymonSession> all() {
        List<SaymonSession> out = new ArrayList<>();
        try {
            walk(new State(), null, null, 0, Long.MAX_VALUE, out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The 24-hex id of a scenario session: its start second, then digits from its ordinal. */
    String scenarioId(ScenarioPlayback.Lived l) {
        return String.format("%08x", l.start().getEpochSecond()) + SimData.hex(sim.seed(), -5000L - l.ordinal(), 16);
    }

    /** {@code GET /node/api/users/session/log}, for a caller allowed to read it. */
    void serve(SimExchange ex) throws IOException {
        SaymonPage page = SaymonPage.read(ex, sim.contentType(), true);
        if (page == null) {
            return;
        }
        requests.incrementAndGet();
        State state = new State(); // the log as it is when the request arrives
        int grow = insertPerPage;
        if (grow > 0) {
            insertNewest(grow); // logged while this page is on its way: seen by the next request
        }
        ex.respondStreaming(200, sim.contentType(), out -> {
            try (JsonGenerator g = SimWire.generator(out)) {
                g.writeStartArray();
                walk(state, page.from(), page.to(), page.skip(), page.limit(), s -> {
                    write(g, s);
                    served.incrementAndGet();
                });
                g.writeEndArray();
            }
        });
    }

    private static void write(JsonGenerator g, SaymonSession s) throws IOException {
        g.writeStartObject();
        millis(g, "startTime", s.startTime());
        millis(g, "endTime", s.endTime());
        millis(g, "expiredAt", s.expiredAt());
        g.writeStringField("userId", s.userId());
        g.writeStringField("login", s.login());
        g.writeStringField("id", s.id());
        g.writeEndObject();
    }

    private static void millis(JsonGenerator g, String name, Instant t) throws IOException {
        if (t == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, t.toEpochMilli());
        }
    }

    /** The scenario's sessions as of now, as log records. */
    private List<SaymonSession> scenarioRecords() {
        List<SaymonSession> out = new ArrayList<>();
        Instant now = sim.clock().instant();
        for (ScenarioPlayback.Lived l : sim.scenarioSessions()) {
            String uid = sim.userId(l.user());
            // an open scenario session is in use: its expiry stays ahead of now (30 min after the last
            // activity), so it never expires while open; an ended one expired 30 min after its end
            Instant last = l.end() != null ? l.end() : (l.start().isAfter(now) ? l.start() : now);
            out.add(new SaymonSession(scenarioId(l), uid, l.user(), l.start(), l.end(), last.plusSeconds(1800)));
        }
        return out;
    }

    /** What one request sees: the generated keys {@code kMin..kMax} (newest first) and the added records. */
    private final class State {
        final long seed = sim.seed();
        final long kMin = -inserted.get();
        final long kMax = sim.generated() - 1L;
        final long anchor = sim.anchor().toEpochMilli();
        final List<SaymonSession> extra;

        State() {
            List<SaymonSession> e = new ArrayList<>(SaymonSessionLog.this.extra);
            e.addAll(scenarioRecords());
            e.sort(Comparator.comparing(SaymonSession::startTime).reversed().thenComparing(SaymonSession::id));
            this.extra = e;
        }

        /** Start of generated record {@code k}: strictly decreasing in k. */
        long time(long k) {
            // the newest generated record starts about four hours before the anchor, so every one that
            // ends has ended by then
            return anchor - LONGEST_MS - (k + 1) * STEP_MS - Math.floorMod(SimData.mix(seed, k, 21), JITTER_MS);
        }

        /** The first key in [lo, hi] whose time is below {@code t} (older), or hi + 1. */
        long firstOlderThan(long lo, long hi, long t) {
            long a = lo;
            long b = hi + 1;
            while (a < b) {
                long m = a + (b - a) / 2;
                if (time(m) < t) {
                    b = m;
                } else {
                    a = m + 1;
                }
            }
            return a;
        }
    }

    @FunctionalInterface
    private interface Sink {
        void accept(SaymonSession s) throws IOException;
    }

    /** The records in [from, to] (by startTime), newest first, after {@code skip}, at most {@code limit}. */
    private void walk(State st, Long from, Long to, long skip, long limit, Sink sink) throws IOException {
        // generated keys inside the bounds: g .. gEnd
        long g = to == null || to == Long.MAX_VALUE ? st.kMin : st.firstOlderThan(st.kMin, st.kMax, to + 1);
        long gEnd = from == null ? st.kMax : st.firstOlderThan(st.kMin, st.kMax, from) - 1;
        List<SaymonSession> ex = new ArrayList<>();
        for (SaymonSession s : st.extra) {
            long t = s.startTime().toEpochMilli();
            if ((from == null || t >= from) && (to == null || t <= to)) {
                ex.add(s);
            }
        }
        int e = 0;
        long s = skip;
        while (s > 0) {
            if (e < ex.size()) {
                long newer = st.firstOlderThan(g, gEnd, ex.get(e).startTime().toEpochMilli()) - g;
                long take = Math.min(Math.max(newer, 0), s);
                g += take;
                s -= take;
                if (s > 0) {
                    e++;
                    s--;
                }
            } else {
                long take = Math.min(Math.max(gEnd + 1 - g, 0), s);
                g += take;
                s -= take;
                break;
            }
        }
        for (long n = 0; n < limit; n++) {
            boolean hasG = g <= gEnd;
            boolean hasE = e < ex.size();
            if (hasG && (!hasE || st.time(g) >= ex.get(e).startTime().toEpochMilli())) {
                sink.accept(record(st, g++));
            } else if (hasE) {
                sink.accept(ex.get(e++));
            } else {
                break;
            }
        }
    }

    private SaymonSession record(State st, long k) {
        long start = st.time(k);
        int u = (int) Math.floorMod(SimData.mix(st.seed, k, 22), (long) SaymonSimulator.USERS.length - 1); // the viewer never logs in
        long length = 60_000 + Math.floorMod(SimData.mix(st.seed, k, 23), LONGEST_MS - 60_000);
        // a session still running at the anchor stays open: generated history is fixed
        boolean open = Math.floorMod(SimData.mix(st.seed, k, 24), 8L) == 0 || (k >= 0 && start + length > st.anchor);
        String id = String.format("%08x", start / 1000) + SimData.hex(st.seed, k, 16);
        return new SaymonSession(id, sim.ownUserId(u), SaymonSimulator.USERS[u], Instant.ofEpochMilli(start),
                open ? null : Instant.ofEpochMilli(start + length), Instant.ofEpochMilli(start + length + 1_800_000));
    }
}
