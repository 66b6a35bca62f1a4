package org.sessionsdk.senhasegura;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;

/**
 * Issue 31: the single-session answer's example masks {@code session_id} ({@code df06257a1****...9104dc43}).
 * Terminating by the numeric id takes the full one from the list; a masked id is never sent.
 */
class MaskedSessionIdTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String LIST = "/api/session/remotesessions";
    static final String DROP = "/api/pam/session/drop/";
    static final String FULL = "e7acacb6aedbab70073456da5744166939b77527";
    static final String MASKED = "df06257a1****...9104dc43";
    static final String DROPPED = "{\"code\":200,\"response\":{\"status\":200,\"message\":\"Session dropped successfully\","
            + "\"error\":false}}";

    private SenhaseguraClient client;

    @BeforeEach
    void setUp() {
        wm.stubFor(post(urlEqualTo("/iso/oauth2/token")).willReturn(okJson(Bodies.token("tok-1", 3600))));
        wm.stubFor(delete(urlMatching(DROP + ".*")).willReturn(okJson(DROPPED)));
        client = SenhaseguraClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(SenhaseguraCredentials.oauth2("app", "s3cret")).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static void single(String sessionId) {
        wm.stubFor(get(urlEqualTo(LIST + "/3")).willReturn(okJson(Bodies.envelope("remote_session",
                Bodies.SESSION_3.replace(FULL, sessionId)))));
    }

    @Test
    void aMaskedIdIsDetected() {
        single(MASKED);
        assertThat(client.sessions().get("3").sessionIdMasked()).isTrue();
        assertThat(Bodies.EXPECTED_3.sessionIdMasked()).isFalse();
    }

    @Test
    void terminateByIdTakesTheFullIdFromTheList() {
        single(MASKED);
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.FLAT)));

        SenhaseguraSession ended = client.sessions().terminateById("3");

        assertThat(ended.sessionId()).isEqualTo(FULL);
        wm.verify(1, deleteRequestedFor(urlEqualTo(DROP + FULL)));
        wm.verify(1, deleteRequestedFor(anyUrl()));
        assertThat(client.terminate("3")).isEqualTo("session_id " + FULL);
    }

    @Test
    void aFullIdInTheSingleAnswerNeedsNoList() {
        single(FULL);
        client.sessions().terminateById("3");
        wm.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(LIST)));
        wm.verify(1, deleteRequestedFor(urlEqualTo(DROP + FULL)));
    }

    @Test
    void maskedInTheListTooFailsWithoutSendingIt() {
        single(MASKED);
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.envelope("remote_sessions",
                Bodies.SESSION_3.replace(FULL, MASKED)))));

        assertThatThrownBy(() -> client.sessions().terminateById("3")).isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("masked").hasMessageContaining("full session_id");
        wm.verify(0, deleteRequestedFor(anyUrl()));
    }

    @Test
    void aSessionGoneFromTheListFailsWithoutSending() {
        single(MASKED);
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.envelope("remote_sessions", Bodies.SESSION_6))));

        assertThatThrownBy(() -> client.sessions().terminateById("3")).isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("no such session in the list");
        wm.verify(0, deleteRequestedFor(anyUrl()));
    }

    @Test
    void aMaskedIdGivenDirectlyIsRefusedBeforeSending() {
        assertThatThrownBy(() -> client.sessions().terminate(MASKED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("masked");
        assertThatThrownBy(() -> client.terminate("df06257a1\u2026104dc43")).isInstanceOf(IllegalArgumentException.class);
        wm.verify(0, deleteRequestedFor(anyUrl()));
    }
}
