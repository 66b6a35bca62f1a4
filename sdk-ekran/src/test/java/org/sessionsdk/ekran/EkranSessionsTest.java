package org.sessionsdk.ekran;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

class EkranSessionsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String KEY = "k3y+/=&%:;\"x";
    static final String PATH = "/ekranapi/sessions";

    /** The example response of the vendor's "Sessions (Get) Endpoint" page. */
    static final String SEED = """
            [ {
              "clientGuid" : "1d4fegdr-g3ff-4114-a814-f3aeee14dgdg",
              "logoutDate" : "2000-01-23T04:56:07.000+00:00",
              "loginDate" : "2000-01-23T04:56:07.000+00:00",
              "sessionId" : 124,
              "userId" : 61
            }, {
              "clientGuid" : "dd4lwdr-xxff-4ss4-a814-f3aeee14dgdsg",
              "logoutDate" : "2000-01-23T04:56:07.000+00:00",
              "loginDate" : "2000-01-23T04:56:07.000+00:00",
              "sessionId" : 142,
              "userId" : 16
            } ]
            """;

    static EkranClient client(ZoneId zone) {
        return EkranClient.builder().endpoint(Loopback.endpoint(wm)).credentials(EkranCredentials.apiKey(KEY))
                .serverZone(zone).retryPolicy(RetryPolicy.none()).build();
    }

    static void answer(String body) {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void readsTheSeedSampleWithTheKeyVerbatimAndNoBounds() {
        answer(SEED);
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            List<EkranSession> got = ekran.sessions().list(EkranSessionQuery.all());

            OffsetDateTime t = OffsetDateTime.parse("2000-01-23T04:56:07Z");
            assertThat(got).containsExactly(
                    new EkranSession(124, 61, "1d4fegdr-g3ff-4114-a814-f3aeee14dgdg", t, t),
                    new EkranSession(142, 16, "dd4lwdr-xxff-4ss4-a814-f3aeee14dgdsg", t, t));
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH))
                .withHeader("ApiKey", equalTo(KEY))
                .withoutHeader("Authorization")
                .withoutQueryParam("start").withoutQueryParam("end"));
    }

    @Test
    void sendsBoundsAsLocalTimesOfTheServerZoneRoundedOutward() {
        answer("[]");
        try (EkranClient ekran = client(ZoneId.of("Europe/Berlin"))) {
            ekran.sessions().list(EkranSessionQuery.between(Instant.parse("2021-04-01T10:00:00.250Z"),
                    Instant.parse("2021-04-01T22:00:00.001Z")));
            ekran.sessions().list(EkranSessionQuery.between(Instant.parse("2021-01-15T10:00:00Z"),
                    Instant.parse("2021-01-15T11:00:00Z")));
        }
        // summer time (+02:00): start rounded down, end rounded up to whole seconds
        wm.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("start", equalTo("2021-04-01T12:00:00"))
                .withQueryParam("end", equalTo("2021-04-02T00:00:01")));
        // winter time (+01:00)
        wm.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("start", equalTo("2021-01-15T11:00:00"))
                .withQueryParam("end", equalTo("2021-01-15T12:00:00")));
    }

    @Test
    void defaultsToUtcAndSendsOnlyTheBoundGiven() {
        answer("[]");
        try (EkranClient ekran = EkranClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(EkranCredentials.apiKey(KEY)).build()) {
            ekran.sessions().list(EkranSessionQuery.since(Instant.parse("2021-04-01T10:00:00Z")));
            ekran.sessions().list(EkranSessionQuery.until(Instant.parse("2021-05-01T10:00:00Z")));
        }
        wm.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("start", equalTo("2021-04-01T10:00:00")).withoutQueryParam("end"));
        wm.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withQueryParam("end", equalTo("2021-05-01T10:00:00")).withoutQueryParam("start"));
    }

    @Test
    void anOpenSessionHasNoLogoutDateWhetherNullOrAbsent() {
        answer("""
                [{"sessionId":1,"userId":2,"clientGuid":"g","loginDate":"2021-04-01T09:00:00.000+02:00","logoutDate":null},
                 {"sessionId":3,"userId":4,"loginDate":"2021-04-01T09:00:00Z"}]""");
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            List<EkranSession> got = ekran.sessions().list(EkranSessionQuery.all());

            assertThat(got).extracting(EkranSession::logoutDate).containsOnlyNulls();
            assertThat(got).allMatch(EkranSession::open);
            assertThat(got.get(0).loginDate()).isEqualTo(OffsetDateTime.parse("2021-04-01T09:00:00+02:00"));
            assertThat(got.get(1).clientGuid()).isNull();
        }
    }

    @Test
    void readsADateWithoutOffsetInTheServerZone() {
        answer("[{\"sessionId\":1,\"userId\":2,\"loginDate\":\"2021-04-01T12:00:00\"}]");
        try (EkranClient ekran = client(ZoneId.of("Europe/Berlin"))) {
            EkranSession s = ekran.sessions().list(EkranSessionQuery.all()).get(0);

            assertThat(s.loginDate()).isEqualTo(OffsetDateTime.parse("2021-04-01T12:00:00+02:00"));
        }
    }

    @Test
    void anEmptyArrayIsAnEmptyResult() {
        answer("[ ]");
        try (EkranClient ekran = client(ZoneOffset.UTC); Stream<EkranSession> s = ekran.sessions().stream(EkranSessionQuery.all())) {
            assertThat(s.iterator().hasNext()).isFalse();
        }
    }

    @Test
    void ignoresUnknownFieldsOfAnyShape() {
        answer("""
                [{"sessionId":7,"extra":{"a":[1,{"b":2}]},"userId":"8","tags":["x"],"clientGuid":"g",
                  "loginDate":"2021-04-01T09:00:00Z","logoutDate":"2021-04-01T10:00:00Z","score":1.5,"flag":true}]""");
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.sessions().list(EkranSessionQuery.all())).containsExactly(new EkranSession(7, 8, "g",
                    OffsetDateTime.parse("2021-04-01T09:00:00Z"), OffsetDateTime.parse("2021-04-01T10:00:00Z")));
        }
    }

    @Test
    void listAsyncAndTheVendorNeutralViewAgreeWithList() throws Exception {
        answer(SEED);
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            List<EkranSession> async = ekran.sessions().listAsync(EkranSessionQuery.all()).get(10, TimeUnit.SECONDS);
            List<SessionRecord> records;
            try (Stream<SessionRecord> s = ekran.sessionRecords(TimeRange.since(Instant.parse("2000-01-01T00:00:00Z")))) {
                records = s.toList();
            }

            assertThat(async).extracting(EkranSession::sessionId).containsExactly(124, 142);
            assertThat(ekran.vendor()).isEqualTo("ekran");
            assertThat(records).extracting(SessionRecord::id).containsExactly("124", "142");
            assertThat(records.get(0).user()).isEqualTo("61");
            assertThat(records.get(0).target()).isEqualTo("1d4fegdr-g3ff-4114-a814-f3aeee14dgdg");
            assertThat(records.get(0).start()).isEqualTo(Instant.parse("2000-01-23T04:56:07Z"));
        }
        wm.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("start", equalTo("2000-01-01T00:00:00")));
    }

    @Test
    void truncatedJsonIsAResponseFormatException() {
        answer("[{\"sessionId\":1,\"userId\":2},{\"sessionId\":3,\"us");
        try (EkranClient ekran = client(ZoneOffset.UTC); Stream<EkranSession> s = ekran.sessions().stream(EkranSessionQuery.all())) {
            var it = s.iterator();
            assertThat(it.next().sessionId()).isEqualTo(1);
            assertThatThrownBy(it::hasNext).isInstanceOf(ResponseFormatException.class)
                    .hasMessageContaining("Ekran sessions");
        }
    }

    @Test
    void malformedJsonIsAResponseFormatException() {
        answer("[{\"sessionId\":1 \"userId\":2}]");
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThatThrownBy(() -> ekran.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOf(ResponseFormatException.class);
        }
    }

    @Test
    void anObjectInsteadOfAnArrayOrAnEmptyBodyIsAResponseFormatException() {
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            answer("{\"sessions\":[]}");
            assertThatThrownBy(() -> ekran.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("JSON array");
            answer("");
            assertThatThrownBy(() -> ekran.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("empty body");
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            answer("[{\"sessionId\":\"abc\",\"userId\":2}]");
            assertThatThrownBy(() -> ekran.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("sessionId");
            answer("[{\"sessionId\":1,\"userId\":2,\"loginDate\":\"yesterday\"}]");
            assertThatThrownBy(() -> ekran.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("loginDate")
                    .hasMessageContaining("\"yesterday\"");
            answer("[{\"userId\":2}]");
            assertThatThrownBy(() -> ekran.sessions().list(EkranSessionQuery.all()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("sessionId");
        }
    }

    @Test
    void theKeyNeverShowsInToString() {
        EkranCredentials c = EkranCredentials.apiKey(KEY);
        assertThat(c.toString()).doesNotContain(KEY).contains("****");
        assertThatThrownBy(() -> EkranCredentials.apiKey(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EkranClient.builder().endpoint(Loopback.endpoint(wm)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials");
    }
}
