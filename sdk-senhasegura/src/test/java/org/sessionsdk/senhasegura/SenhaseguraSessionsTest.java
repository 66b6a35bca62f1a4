package org.sessionsdk.senhasegura;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.testing.Loopback;

/** The remote-sessions resource over real HTTP: what the server receives and what the user gets. */
class SenhaseguraSessionsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    private static final String LIST = "/api/session/remotesessions";

    private SenhaseguraClient client;

    @BeforeEach
    void setUp() {
        wm.stubFor(post(urlEqualTo("/iso/oauth2/token")).willReturn(okJson(Bodies.token("tok-1", 3600))));
        client = builder().build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static SenhaseguraClient.Builder builder() {
        return SenhaseguraClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(SenhaseguraCredentials.oauth2("app", "s3cret"))
                .retryPolicy(RetryPolicy.none());
    }

    @Test
    void listsTheDocumentedSampleWithItsNestedEnvelope() {
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.SEED_SAMPLE)));

        assertThat(client.sessions().list()).containsExactly(Bodies.EXPECTED_3, Bodies.EXPECTED_6);

        wm.verify(getRequestedFor(urlEqualTo(LIST))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void listsTheFlatEnvelopeToo() {
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.FLAT)));

        assertThat(client.sessions().list()).containsExactly(Bodies.EXPECTED_3, Bodies.EXPECTED_6);
    }

    @Test
    void streamsTheSampleAndListsAsync() throws Exception {
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.SEED_SAMPLE)));

        try (Stream<SenhaseguraSession> s = client.sessions().stream()) {
            assertThat(s.map(SenhaseguraSession::sessionId)).containsExactly(
                    "e7acacb6aedbab70073456da5744166939b77527", "c819cbc5f2fad2065f1d132a22d0e2dfacccb228");
        }
        assertThat(client.sessions().listAsync().get(10, TimeUnit.SECONDS))
                .containsExactly(Bodies.EXPECTED_3, Bodies.EXPECTED_6);
    }

    @Test
    void theSampleAsPublishedIsTruncatedAndSaysSoAfterItsSessions() {
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.SEED_SAMPLE_AS_PUBLISHED)));

        List<SenhaseguraSession> seen = new ArrayList<>();
        try (Stream<SenhaseguraSession> s = client.sessions().stream()) {
            Iterator<SenhaseguraSession> it = s.iterator();
            assertThatThrownBy(() -> it.forEachRemaining(seen::add))
                    .isInstanceOf(ResponseFormatException.class)
                    .hasMessageContaining("end of body (truncated?)");
        }
        assertThat(seen).containsExactly(Bodies.EXPECTED_3, Bodies.EXPECTED_6);
        assertThatThrownBy(() -> client.sessions().list()).isInstanceOf(ResponseFormatException.class);
    }

    @Test
    void readsTheWireQuirks() {
        String live = """
                {"id": 7, "user": "ana", "origin_ip": "10.0.0.9", "credential": "root", "device": "db01:22",
                 "protocol": "ssh", "proxy": "SSH Proxy", "session_id": "aa11", "start": "2024-05-01 08:00:00",
                 "end": "", "time": "123:04:05", "prevent_purge": "Yes", "request": "maintenance",
                 "ITSM": "INC-42", "extra": {"nested": [1, 2, {"x": null}]}, "tags": ["a"]}""";
        String nullEnd = """
                {"id": "8", "start": "2024-05-01 08:00:00", "end": null, "time": null, "prevent_purge": null}""";
        String zeroEnd = """
                {"id": "9", "start": "2024-05-01 08:00:00", "end": "0000-00-00 00:00:00", "time": "0:00:01"}""";
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(
                Bodies.envelope("remote_sessions", live + "," + nullEnd + "," + zeroEnd))));

        List<SenhaseguraSession> got = client.sessions().list();

        assertThat(got).hasSize(3);
        SenhaseguraSession a = got.get(0);
        assertThat(a.id()).isEqualTo("7");
        assertThat(a.duration()).isEqualTo(Duration.ofHours(123).plusMinutes(4).plusSeconds(5));
        assertThat(a.end()).isNull();
        assertThat(a.open()).isTrue();
        assertThat(a.preventPurge()).isTrue();
        assertThat(a.request()).isEqualTo("maintenance");
        assertThat(a.itsm()).isEqualTo("INC-42");
        assertThat(got.get(1).end()).isNull();
        assertThat(got.get(1).duration()).isNull();
        assertThat(got.get(1).preventPurge()).isFalse();
        assertThat(got.get(2).end()).isNull();
        assertThat(got.get(2).duration()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aMalformedTimeNamesTheFieldAndTheElement() {
        String bad = "{\"id\":\"1\",\"start\":\"06/05/2024 16:05\"}";
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.envelope("remote_sessions", Bodies.SESSION_3 + "," + bad))));

        assertThatThrownBy(() -> client.sessions().list())
                .isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("'start'")
                .hasMessageContaining("remote_sessions[1]");
    }

    @Test
    void anEmptyListIsEmpty() {
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.envelope("remote_sessions", ""))));

        assertThat(client.sessions().list()).isEmpty();
    }

    @Test
    void getsOneById() {
        wm.stubFor(get(urlEqualTo(LIST + "/3")).willReturn(okJson(Bodies.envelope("remote_session", Bodies.SESSION_3))));

        assertThat(client.sessions().get("3")).isEqualTo(Bodies.EXPECTED_3);
    }

    @Test
    void anAbsentIdIsNotFoundWhetherAnsweredEmptyOr404() {
        wm.stubFor(get(urlEqualTo(LIST + "/404")).willReturn(okJson(Bodies.envelope("remote_session", ""))));
        wm.stubFor(get(urlEqualTo(LIST + "/405")).willReturn(aResponse().withStatus(404)
                .withBody(Bodies.errorEnvelope(404, "Resource sub not found", 1))));

        assertThatThrownBy(() -> client.sessions().get("404"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no remote session has id 404");
        assertThatThrownBy(() -> client.sessions().get("405"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no remote session has this id")
                .hasMessageContaining("remoteSessionsPath");
    }

    @Test
    void terminatesBySessionHash() {
        String hash = "e7acacb6aedbab70073456da5744166939b77527";
        wm.stubFor(delete(urlEqualTo("/api/pam/session/drop/" + hash))
                .willReturn(okJson("{\"code\":200,\"response\":" + Bodies.OK_RESPONSE + "}")));

        client.sessions().terminate(hash);

        wm.verify(1, deleteRequestedFor(urlEqualTo("/api/pam/session/drop/" + hash))
                .withHeader("Authorization", equalTo("Bearer tok-1")));
    }

    @Test
    void terminatesByNumericIdThroughItsSessionHash() {
        String hash = "e7acacb6aedbab70073456da5744166939b77527";
        wm.stubFor(get(urlEqualTo(LIST + "/3")).willReturn(okJson(Bodies.envelope("remote_session", Bodies.SESSION_3))));
        wm.stubFor(delete(urlEqualTo("/api/pam/session/drop/" + hash))
                .willReturn(okJson("{\"code\":200,\"response\":" + Bodies.OK_RESPONSE + "}")));

        assertThat(client.sessions().terminateById("3")).isEqualTo(Bodies.EXPECTED_3);

        wm.verify(1, getRequestedFor(urlEqualTo(LIST + "/3")));
        wm.verify(1, deleteRequestedFor(urlEqualTo("/api/pam/session/drop/" + hash)));
        wm.verify(0, deleteRequestedFor(urlEqualTo("/api/pam/session/drop/3")));
    }

    @Test
    void terminateByIdSendsNoDeleteForAnUnknownIdOrASessionWithoutHash() {
        wm.stubFor(get(urlEqualTo(LIST + "/404")).willReturn(okJson(Bodies.envelope("remote_session", ""))));
        wm.stubFor(get(urlEqualTo(LIST + "/8")).willReturn(okJson(Bodies.envelope("remote_session",
                "{\"id\": \"8\", \"start\": \"2024-05-01 08:00:00\", \"end\": \"\"}"))));

        assertThatThrownBy(() -> client.sessions().terminateById("404")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.sessions().terminateById("8"))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("session_id");
        assertThat(wm.findAll(deleteRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void terminateIsNeverRetriedWhileTheListIs() {
        Loopback.RecordingSleeper sleeper = new Loopback.RecordingSleeper();
        wm.stubFor(delete(urlPathEqualTo("/api/pam/session/drop/abc")).willReturn(aResponse().withStatus(503)));
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(aResponse().withStatus(503)));
        try (SenhaseguraClient retrying = builder().retryPolicy(Loopback.fastRetry(3, sleeper)).build()) {
            assertThatThrownBy(() -> retrying.sessions().terminate("abc")).isInstanceOf(ServerException.class);
            wm.verify(1, deleteRequestedFor(urlPathEqualTo("/api/pam/session/drop/abc")));
            assertThat(sleeper.delays()).isEmpty();

            assertThatThrownBy(() -> retrying.sessions().list()).isInstanceOf(ServerException.class);
            wm.verify(3, getRequestedFor(urlEqualTo(LIST)));
        }
    }

    @Test
    void olderServersPathsAreConfigurable() {
        wm.stubFor(get(urlEqualTo("/iso/session/remotesessions")).willReturn(okJson(Bodies.FLAT)));
        wm.stubFor(delete(urlEqualTo("/iso/session/drop/abc%20def")).willReturn(okJson("{}")));
        try (SenhaseguraClient old = builder().remoteSessionsPath("/iso/session/remotesessions/")
                .terminatePath("/iso/session/drop").build()) {
            assertThat(old.sessions().list()).hasSize(2);
            old.sessions().terminate("abc def");
        }
        wm.verify(1, deleteRequestedFor(urlEqualTo("/iso/session/drop/abc%20def")));
    }

    @Test
    void theListWaitsLongerForItsFirstBytesThanOtherCalls() {
        // the delays stay well above the timeouts and the timeouts well above a token request on a
        // loaded machine (the token call has the ordinary request timeout too)
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.FLAT).withFixedDelay(3_000)));
        wm.stubFor(get(urlEqualTo(LIST + "/3")).willReturn(
                okJson(Bodies.envelope("remote_session", Bodies.SESSION_3)).withFixedDelay(3_000)));
        try (SenhaseguraClient c = builder().requestTimeout(Duration.ofMillis(1_000)).build()) {
            assertThat(c.sessions().list()).hasSize(2); // default remoteSessionsTimeout: minutes
            assertThatThrownBy(() -> c.sessions().get("3"))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RESPONSE_TIMEOUT));
        }
        try (SenhaseguraClient c = builder().remoteSessionsTimeout(Duration.ofMillis(1_000)).build()) {
            assertThatThrownBy(() -> c.sessions().list())
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RESPONSE_TIMEOUT));
        }
    }

    @Test
    void serverTimesBecomeInstantsInTheServerZone() {
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.FLAT)));
        try (SenhaseguraClient c = builder().serverZone(ZoneId.of("America/Sao_Paulo")).build()) {
            SenhaseguraSession s = c.sessions().list().get(0);
            SessionRecord r = s.toSessionRecord(c.serverZone());

            assertThat(s.start()).isEqualTo(LocalDateTime.of(2024, 5, 6, 16, 5, 7));
            assertThat(r.start()).isEqualTo(Instant.parse("2024-05-06T19:05:07Z"));
            assertThat(r.end()).isEqualTo(Instant.parse("2024-05-06T19:07:59Z"));
            assertThat(r.vendor()).isEqualTo("senhasegura");
            assertThat(r.target()).isEqualTo("10.66.33.15:3389");
            assertThat(r.attributes()).containsEntry("session_id", "e7acacb6aedbab70073456da5744166939b77527");
        }
        assertThat(client.serverZone()).isEqualTo(java.time.ZoneOffset.UTC);
    }

    @Test
    void theBuilderRefusesWhatCannotWork() {
        assertThatThrownBy(() -> SenhaseguraClient.builder().endpoint(Loopback.endpoint(wm)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials");
        assertThatThrownBy(() -> SenhaseguraClient.builder().remoteSessionsPath("api/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.sessions().get(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.sessions().terminate(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
