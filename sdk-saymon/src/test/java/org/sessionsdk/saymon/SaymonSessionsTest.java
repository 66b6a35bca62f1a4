package org.sessionsdk.saymon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.core.testing.Loopback;

class SaymonSessionsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String PATH = "/node/api/users/session/log";
    static final Instant NOW = Instant.parse("2022-05-04T12:00:00Z");

    /** The example response of the vendor's "Get Users' Sessions Log" page. */
    static final String SEED = """
            [
                {
                    "startTime": 1651662280161,
                    "endTime": null,
                    "expiredAt": 1651671819978,
                    "userId": "5f5f420005a91e683e101ca7",
                    "login": "admin",
                    "id": "62725dc8bad91064e16e5910"
                }
            ]
            """;

    static SaymonClient client() {
        return SaymonClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(SaymonCredentials.basic("admin", "pa:ss word"))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).retryPolicy(RetryPolicy.none()).build();
    }

    static void answer(String body) {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void readsTheSeedSampleWithBasicAuthAndMillisecondBounds() {
        answer(SEED);
        Instant from = Instant.parse("2022-05-01T00:00:00Z");
        try (SaymonClient saymon = client()) {
            List<SaymonSession> got = saymon.sessions().list(SaymonSessionQuery.builder().from(from).build());

            assertThat(got).containsExactly(new SaymonSession("62725dc8bad91064e16e5910", "5f5f420005a91e683e101ca7",
                    "admin", Instant.ofEpochMilli(1651662280161L), null, Instant.ofEpochMilli(1651671819978L)));
            assertThat(got.get(0).open()).isTrue();
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:pa:ss word".getBytes(StandardCharsets.UTF_8));
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo(basic))
                .withoutHeader("Cookie")
                .withQueryParam("from", equalTo(Long.toString(from.toEpochMilli())))
                .withQueryParam("to", equalTo(Long.toString(NOW.toEpochMilli())))
                .withQueryParam("limit", equalTo("500"))
                .withQueryParam("skip", equalTo("0")));
    }

    @Test
    void sendsTheGivenUpperBoundAndNoLowerBoundWhenNoneIsGiven() {
        answer("[]");
        Instant to = Instant.parse("2022-05-03T00:00:00.123Z");
        try (SaymonClient saymon = client()) {
            assertThat(saymon.sessions().list(SaymonSessionQuery.builder().to(to).pageSize(50).build())).isEmpty();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)).withoutQueryParam("from")
                .withQueryParam("to", equalTo("1651536000123")).withQueryParam("limit", equalTo("50")));
    }

    @Test
    void theLimitCapsTheTotalAndTrimsTheLastPage() {
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("skip", equalTo("0")).withQueryParam("limit", equalTo("5"))
                .willReturn(aResponse().withBody(records(10, 6))));
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("skip", equalTo("5")).withQueryParam("limit", equalTo("2"))
                .willReturn(aResponse().withBody(records(5, 4))));
        try (SaymonClient saymon = client()) {
            List<SaymonSession> got = saymon.sessions().list(SaymonSessionQuery.builder().limit(7).pageSize(5).build());

            assertThat(got).extracting(SaymonSession::id).containsExactly(ids(10, 4));
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void ignoresUnknownFieldsAndReadsEndedSessions() {
        answer("""
                [{"id":"a1","startTime":1000,"endTime":"2000","expiredAt":null,"login":"ops","meta":{"ip":"10.0.0.1"},
                  "roles":["x"],"userId":"u1","active":false}]""");
        try (SaymonClient saymon = client()) {
            SaymonSession s = saymon.sessions().list(SaymonSessionQuery.builder().build()).get(0);

            assertThat(s).isEqualTo(new SaymonSession("a1", "u1", "ops", Instant.ofEpochMilli(1000),
                    Instant.ofEpochMilli(2000), null));
            assertThat(s.open()).isFalse();
        }
    }

    @Test
    void listAsyncAndTheVendorNeutralViewAgreeWithList() throws Exception {
        answer(SEED);
        try (SaymonClient saymon = client()) {
            List<SaymonSession> async = saymon.sessions().listAsync(SaymonSessionQuery.builder().build())
                    .get(10, TimeUnit.SECONDS);
            List<SessionRecord> records;
            try (Stream<SessionRecord> s = saymon.sessionRecords(TimeRange.until(NOW))) {
                records = s.toList();
            }

            assertThat(async).extracting(SaymonSession::id).containsExactly("62725dc8bad91064e16e5910");
            assertThat(saymon.vendor()).isEqualTo("saymon");
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.vendor()).isEqualTo("saymon");
                assertThat(r.user()).isEqualTo("admin");
                assertThat(r.open()).isTrue();
                assertThat(r.attributes()).containsEntry("userId", "5f5f420005a91e683e101ca7");
            });
        }
    }

    @Test
    void truncatedOrMalformedJsonIsAResponseFormatException() {
        try (SaymonClient saymon = client()) {
            answer("[{\"id\":\"a1\",\"startTime\":1000},{\"id\":\"a2\",\"start");
            assertThatThrownBy(() -> saymon.sessions().list(SaymonSessionQuery.builder().build()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("SAYMON session log");
            answer("[{\"id\":\"a1\" \"startTime\":1000}]");
            assertThatThrownBy(() -> saymon.sessions().list(SaymonSessionQuery.builder().build()))
                    .isInstanceOf(ResponseFormatException.class);
            answer("{\"code\":\"ok\"}");
            assertThatThrownBy(() -> saymon.sessions().list(SaymonSessionQuery.builder().build()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("JSON array");
        }
    }

    @Test
    void aFieldOfTheWrongTypeOrAMissingIdIsNamed() {
        try (SaymonClient saymon = client()) {
            answer("[{\"id\":\"a1\",\"startTime\":\"soon\"}]");
            assertThatThrownBy(() -> saymon.sessions().list(SaymonSessionQuery.builder().build()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("startTime");
            answer("[{\"login\":\"admin\",\"startTime\":1}]");
            assertThatThrownBy(() -> saymon.sessions().list(SaymonSessionQuery.builder().build()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("'id'");
        }
    }

    @Test
    void queriesAreValidated() {
        assertThatThrownBy(() -> SaymonSessionQuery.builder().pageSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SaymonSessionQuery.builder().limit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SaymonSessionQuery.builder().from(NOW).to(NOW.minusMillis(1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SaymonSessionQuery.builder().build().pageSize()).isEqualTo(500);
    }

    /** Records newest first: ids {@code r<newest>} down to {@code r<oldest>}. */
    static String records(int newest, int oldest) {
        StringBuilder sb = new StringBuilder("[");
        for (int n = newest; n >= oldest; n--) {
            sb.append(sb.length() > 1 ? "," : "").append("{\"id\":\"r").append(n).append("\",\"login\":\"u\",\"startTime\":")
                    .append(1651662280000L + n).append(",\"endTime\":null}");
        }
        return sb.append(']').toString();
    }

    static String[] ids(int newest, int oldest) {
        String[] out = new String[newest - oldest + 1];
        for (int n = newest; n >= oldest; n--) {
            out[newest - n] = "r" + n;
        }
        return out;
    }
}
