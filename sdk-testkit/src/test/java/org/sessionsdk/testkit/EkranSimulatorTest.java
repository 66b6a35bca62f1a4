package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.error.RateLimitedException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionQuery;

/** The Ekran simulator against the real Ekran client, used as a user would: through the extension. */
@SessionSimulators(sessions = 40)
class EkranSimulatorTest {
    private static final Instant T = Instant.parse("2025-03-10T10:00:00Z");

    @Test
    void listsEverySessionWithoutBounds(EkranSimulator ekranServer, EkranClient ekran) {
        List<EkranSession> all = ekran.sessions().list(EkranSessionQuery.all());

        assertThat(all).isEqualTo(ekranServer.sessions());
        assertThat(all).extracting(EkranSession::sessionId).doesNotHaveDuplicates();
        assertThat(all).filteredOn(s -> s.sessionId() <= 40).hasSize(40)
                .filteredOn(EkranSession::open).extracting(EkranSession::sessionId).containsExactly(39, 40);
        assertThat(all.get(0).loginDate().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(ekranServer.queriesAsked()).last().isEqualTo(Map.of());
    }

    @Test
    void clipsSessionsCrossingTheWindowAndSendsLocalBounds(EkranSimulator ekranServer, EkranClient ekran) {
        // two sessions of 2025, long before the generated ones: 10:00-14:00, and open since 09:00
        ekranServer.withSession(new EkranSession(9001, 7, "a1b2c3d4-0000-4000-8000-000000009001", at(T),
                at(T.plusSeconds(4 * 3600))));
        ekranServer.withSession(new EkranSession(9002, 8, "a1b2c3d4-0000-4000-8000-000000009002",
                at(T.minusSeconds(3600)), null));

        List<EkranSession> window = ekran.sessions().list(EkranSessionQuery.between(T.plusSeconds(3600),
                T.plusSeconds(2 * 3600)));
        assertThat(window).containsExactly(
                new EkranSession(9001, 7, "a1b2c3d4-0000-4000-8000-000000009001", at(T.plusSeconds(3600)),
                        at(T.plusSeconds(2 * 3600))),
                new EkranSession(9002, 8, "a1b2c3d4-0000-4000-8000-000000009002", at(T.plusSeconds(3600)),
                        at(T.plusSeconds(2 * 3600))));
        assertThat(ekranServer.queriesAsked()).last()
                .isEqualTo(Map.of("start", "2025-03-10T11:00:00", "end", "2025-03-10T12:00:00"));

        // only a start: started or finished after it; the open session stays open
        List<EkranSession> since = ekran.sessions().list(EkranSessionQuery.since(T.plusSeconds(3 * 3600)));
        assertThat(since).filteredOn(s -> s.sessionId() > 9000).containsExactly(
                new EkranSession(9001, 7, "a1b2c3d4-0000-4000-8000-000000009001", at(T.plusSeconds(3 * 3600)),
                        at(T.plusSeconds(4 * 3600))),
                new EkranSession(9002, 8, "a1b2c3d4-0000-4000-8000-000000009002", at(T.plusSeconds(3 * 3600)), null));
        assertThat(since).filteredOn(s -> s.sessionId() <= 40).hasSize(40);

        // only an end: started before it, the end clipped
        List<EkranSession> until = ekran.sessions().list(EkranSessionQuery.until(T.plusSeconds(1800)));
        assertThat(until).extracting(EkranSession::sessionId).containsExactly(9001, 9002);
        assertThat(until).extracting(EkranSession::logoutDate).containsOnly(at(T.plusSeconds(1800)));
        assertThat(until).extracting(EkranSession::loginDate).containsExactly(at(T), at(T.minusSeconds(3600)));

        // after 9001 ended only the open one overlaps
        assertThat(ekran.sessions().list(EkranSessionQuery.between(T.plusSeconds(5 * 3600), T.plusSeconds(6 * 3600))))
                .extracting(EkranSession::sessionId).containsExactly(9002);
    }

    @Test
    void splitWindowsReturnEachSessionOnceWithTheEarliestWindowsDates(EkranSimulator ekranServer, EkranClient ekran) {
        Instant from = SimData.EPOCH;
        Instant to = from.plus(Duration.ofHours(12));
        int asked = ekranServer.queriesAsked().size();

        List<EkranSession> split = ekran.sessions().list(EkranSessionQuery.between(from, to)
                .splitInto(Duration.ofHours(1)));
        List<EkranSession> whole = ekran.sessions().list(EkranSessionQuery.between(from, to));

        assertThat(ekranServer.queriesAsked()).hasSize(asked + 12 + 1);
        assertThat(split).extracting(EkranSession::sessionId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(whole.stream().map(EkranSession::sessionId).toList());

        // what the server sent window by window, and what the first sighting of each session was
        Map<Integer, EkranSession> firstSeen = new LinkedHashMap<>();
        int sent = 0;
        for (int h = 0; h < 12; h++) {
            List<EkranSession> w = ekranServer.sessions(from.plus(Duration.ofHours(h)), from.plus(Duration.ofHours(h + 1)));
            sent += w.size();
            w.forEach(s -> firstSeen.putIfAbsent(s.sessionId(), s));
        }
        assertThat(sent).as("sessions crossing windows are sent more than once").isGreaterThan(split.size());
        assertThat(split).containsExactlyInAnyOrderElementsOf(firstSeen.values());
    }

    @Test
    void readsBoundsInTheServersZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // generated history starts at EPOCH: 6 sessions 20 minutes apart, the last ending 6 hours before the anchor
        SimClock clock = SimClock.at(SimData.EPOCH.plus(Duration.ofMinutes(6 * 20)).plus(Duration.ofHours(6)));
        try (EkranSimulator ekranServer = EkranSimulator.start().withZone(berlin).withSessions(6).withClock(clock);
             EkranClient ekran = ekranServer.client()) {
            Instant from = SimData.EPOCH; // 08:00 UTC, 09:00 in Berlin
            List<EkranSession> got = ekran.sessions().list(EkranSessionQuery.between(from, from.plusSeconds(3600)));

            assertThat(ekranServer.queriesAsked())
                    .containsExactly(Map.of("start", "2026-01-05T09:00:00", "end", "2026-01-05T10:00:00"));
            assertThat(got).isNotEmpty().isEqualTo(ekranServer.sessions(from, from.plusSeconds(3600)));
            assertThat(got.get(0).loginDate().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        }
    }

    @Test
    void acceptsTheDocumentedBoundFormsAndRejectsOthers(EkranSimulator ekranServer) {
        String key = EkranSimulator.API_KEY;
        HttpResponse<String> day = RawHttp.get(ekranServer, "/ekranapi/sessions?start=2026-01-05&end=2026-01-05T09:30",
                "ApiKey", key, "Accept", "application/json");
        assertThat(day.statusCode()).isEqualTo(200);
        assertThat(day.body()).startsWith("[").contains("\"loginDate\":\"2026-01-05T0").contains("+00:00\"");
        assertThat(RawHttp.get(ekranServer, "/ekranapi/sessions?start=2026-01-05T01:02:03", "ApiKey", key).statusCode())
                .isEqualTo(200);

        HttpResponse<String> bad = RawHttp.get(ekranServer, "/ekranapi/sessions?start=05.01.2026", "ApiKey", key);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(bad.body()).contains("\"start\"").contains("05.01.2026");
        assertThat(RawHttp.get(ekranServer, "/ekranapi/sessions?end=2026-02-30", "ApiKey", key).statusCode())
                .isEqualTo(400);

        HttpResponse<String> noKey = RawHttp.get(ekranServer, "/ekranapi/sessions");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.body()).contains(EkranSimulator.DENIED);
    }

    @Test
    void refusesAWrongKey(EkranSimulator ekranServer) {
        int rejected = ekranServer.rejectedRequests();
        try (EkranClient wrong = EkranClient.builder().endpoint(ekranServer.endpoint())
                .credentials(EkranCredentials.apiKey(EkranSimulator.API_KEY + "x")).build()) {
            assertThatThrownBy(() -> wrong.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.vendorMessage()).contains(EkranSimulator.DENIED);
                    });
        }
        assertThat(ekranServer.rejectedRequests()).isEqualTo(rejected + 1);
    }

    @Test
    void playsFaultsAsTypedExceptions(EkranSimulator ekranServer) {
        try (EkranClient ekran = ekranServer.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
            // The JDK's HTTP client resends a GET once by itself when the connection closes before any
            // byte of the answer (it takes it for a stale connection), even with the SDK's retries off:
            // one reset is absorbed, two reach the SDK.
            int before = ekranServer.requestCount();
            ekranServer.faults().resetNext();
            assertThat(ekran.sessions().list(EkranSessionQuery.all())).isEqualTo(ekranServer.sessions());
            assertThat(ekranServer.requestCount()).isEqualTo(before + 2);
            ekranServer.faults().resetNext().resetNext();
            assertThatThrownBy(() -> ekran.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.IO));
        }
        try (EkranClient ekran = ekranServer.clientBuilder().retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofMillis(300)).build()) {
            ekranServer.faults().failNext(500, "{\"message\":\"The database is not available.\"}");
            assertThatThrownBy(() -> ekran.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOfSatisfying(ServerException.class,
                            e -> assertThat(e.vendorMessage()).contains("The database is not available."));
            ekranServer.faults().failNext(403, "");
            assertThatThrownBy(() -> ekran.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOf(PermissionDeniedException.class);
            ekranServer.faults().rateLimitNext(7);
            assertThatThrownBy(() -> ekran.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOfSatisfying(RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
            ekranServer.faults().malformedNext();
            assertThatThrownBy(() -> ekran.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOf(ResponseFormatException.class);
            ekranServer.faults().stallNext();
            assertThatThrownBy(() -> ekran.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.READ_TIMEOUT));

            assertThat(ekran.sessions().list(EkranSessionQuery.all())).isEqualTo(ekranServer.sessions());
        }
    }

    @Test
    void generatesTheSameDataForTheSameSeed() {
        try (EkranSimulator a = EkranSimulator.start().withSeed(7).withSessions(1_000_000);
             EkranSimulator b = EkranSimulator.start().withSeed(7).withSessions(1_000_000);
             EkranSimulator c = EkranSimulator.start().withSeed(8).withSessions(1_000_000)) {
            assertThat(a.session(999_999)).isEqualTo(b.session(999_999));
            assertThat(a.session(123_456)).isNotEqualTo(c.session(123_456));
            assertThat(a.session(999_999).open()).isTrue();
            // a narrow window deep into a million sessions is answered without walking them
            Instant deep = a.session(900_000).loginDate().toInstant();
            List<EkranSession> w = a.sessions(deep, deep.plusSeconds(60));
            assertThat(w).extracting(EkranSession::sessionId).contains(900_001).doesNotHaveDuplicates();
        }
    }

    private static OffsetDateTime at(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
