package org.sessionsdk.saymon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.core.testing.MutableClock;

/**
 * {@code sessionRecords(range)} means "sessions overlapping the range" whichever time the server's
 * {@code from}/{@code to} bound: tried against a log that bounds start times and one that bounds
 * end times (an open session counting as now).
 */
class SaymonRangeTest {
    static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    static final TimeRange RANGE = TimeRange.between(Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-01-05T11:00:00Z"));

    /** id, start, end (null: open). */
    static final List<String[]> LOG = List.of(
            new String[] {"a-open-since-0800", "2026-01-05T08:00:00Z", null},
            new String[] {"b-0930-1015", "2026-01-05T09:30:00Z", "2026-01-05T10:15:00Z"},
            new String[] {"c-1030-1130", "2026-01-05T10:30:00Z", "2026-01-05T11:30:00Z"},
            new String[] {"d-0700-0900-before", "2026-01-05T07:00:00Z", "2026-01-05T09:00:00Z"},
            new String[] {"e-open-since-1115-after", "2026-01-05T11:15:00Z", null},
            new String[] {"f-open-since-yesterday", "2026-01-04T09:00:00Z", null},
            new String[] {"g-ended-at-the-start", "2026-01-05T09:00:00Z", "2026-01-05T10:00:00Z"},
            new String[] {"h-starts-at-the-end", "2026-01-05T11:00:00Z", "2026-01-05T11:10:00Z"});

    enum Bound { START, END }

    private HttpServer server;
    private final List<Map<String, String>> queries = new ArrayList<>();

    /** A session log on loopback whose from/to bound start or end times; newest start first, skip/limit. */
    private URI serve(Bound bound) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(SaymonSessions.PATH, ex -> {
            Map<String, String> q = new HashMap<>();
            for (String kv : ex.getRequestURI().getRawQuery().split("&")) {
                String[] p = kv.split("=", 2);
                q.put(p[0], p[1]);
            }
            synchronized (queries) {
                queries.add(q);
            }
            Long from = q.containsKey("from") ? Long.parseLong(q.get("from")) : null;
            Long to = q.containsKey("to") ? Long.parseLong(q.get("to")) : null;
            String body = LOG.stream()
                    .filter(r -> {
                        long t = bound == Bound.START ? millis(r[1]) : r[2] == null ? NOW.toEpochMilli() : millis(r[2]);
                        return (from == null || t >= from) && (to == null || t <= to);
                    })
                    .sorted(Comparator.comparing((String[] r) -> r[1]).reversed())
                    .skip(Long.parseLong(q.get("skip"))).limit(Long.parseLong(q.get("limit")))
                    .map(r -> "{\"id\":\"" + r[0] + "\",\"login\":\"u\",\"startTime\":" + millis(r[1]) + ",\"endTime\":"
                            + (r[2] == null ? "null" : millis(r[2])) + "}")
                    .collect(Collectors.joining(",", "[", "]"));
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private List<String> ids(URI endpoint, SaymonClient.Builder b, TimeRange range) {
        try (SaymonClient c = b.endpoint(endpoint).credentials(SaymonCredentials.basic("admin", "pw"))
                .clock(new MutableClock(NOW)).retryPolicy(RetryPolicy.none()).build();
             Stream<SessionRecord> s = c.sessionRecords(range)) {
            return s.map(SessionRecord::id).sorted().toList();
        }
    }

    @Test
    void startBoundServerGivesEverySessionOverlappingTheRangeWithinTheLookBack() throws IOException {
        URI e = serve(Bound.START);
        assertThat(ids(e, SaymonClient.builder(), RANGE))
                .containsExactly("a-open-since-0800", "b-0930-1015", "c-1030-1130", "g-ended-at-the-start");
        // asked from the look-back before the range up to an hour past now (a server clock ahead), so a session still open is asked for
        assertThat(queries).allSatisfy(q -> {
            assertThat(q.get("from")).isEqualTo(Long.toString(RANGE.from().minus(Duration.ofHours(24)).toEpochMilli()));
            assertThat(q.get("to")).isEqualTo(Long.toString(NOW.plus(org.sessionsdk.saymon.internal.LogPages.SERVER_CLOCK_AHEAD).toEpochMilli()));
        });
    }

    @Test
    void endBoundServerGivesTheSameSessionsAndOlderOpenOnes() throws IOException {
        URI e = serve(Bound.END);
        assertThat(ids(e, SaymonClient.builder(), RANGE))
                .containsExactly("a-open-since-0800", "b-0930-1015", "c-1030-1130", "f-open-since-yesterday",
                        "g-ended-at-the-start");
    }

    @Test
    void aLongerLookBackFindsOlderOpenSessionsOnAStartBoundServer() throws IOException {
        URI e = serve(Bound.START);
        assertThat(ids(e, SaymonClient.builder().sessionLookBack(Duration.ofHours(48)), RANGE))
                .contains("f-open-since-yesterday").doesNotContain("d-0700-0900-before", "e-open-since-1115-after");
    }

    @Test
    void openEndedRangesAndARangeInTheFuture() throws IOException {
        URI e = serve(Bound.END);
        assertThat(ids(e, SaymonClient.builder(), TimeRange.since(Instant.parse("2026-01-05T11:05:00Z"))))
                .containsExactly("a-open-since-0800", "c-1030-1130", "e-open-since-1115-after", "f-open-since-yesterday",
                        "h-starts-at-the-end");
        queries.clear();
        Instant later = NOW.plus(Duration.ofDays(1));
        assertThat(ids(e, SaymonClient.builder(), TimeRange.until(later))).hasSize(LOG.size());
        assertThat(queries).allSatisfy(q -> {
            assertThat(q).doesNotContainKey("from");
            assertThat(q.get("to")).isEqualTo(Long.toString(later.toEpochMilli()));
        });
    }

    @Test
    void theLookBackIsValidated() {
        try (SaymonClient c = SaymonClient.builder().endpoint(URI.create("http://127.0.0.1:1"))
                .credentials(SaymonCredentials.basic("a", "b")).build()) {
            assertThat(c.sessionLookBack()).isEqualTo(SaymonClient.DEFAULT_SESSION_LOOK_BACK).isEqualTo(Duration.ofHours(24));
        }
        assertThatThrownBy(() -> SaymonClient.builder().sessionLookBack(Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessionLookBack");
    }
}
