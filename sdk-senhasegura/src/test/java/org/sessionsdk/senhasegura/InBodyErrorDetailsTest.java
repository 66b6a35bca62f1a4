package org.sessionsdk.senhasegura;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.testing.Loopback;

/**
 * An error inside a 200 envelope goes through the same pipeline and table as an HTTP error: it
 * carries the attempt that got it and the server's request id.
 */
class InBodyErrorDetailsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    @Test
    void anEnvelopeErrorAfterARetryCarriesTheRealAttemptAndRequestId() {
        wm.stubFor(post(urlEqualTo("/iso/oauth2/token")).willReturn(okJson(Bodies.token("tok-1", 3600))));
        wm.stubFor(get(urlEqualTo("/api/session/remotesessions")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(get(urlEqualTo("/api/session/remotesessions")).inScenario("s").whenScenarioStateIs("up")
                .willReturn(okJson(Bodies.errorEnvelope(403, "You are not authorized to access this resource.", 7))
                        .withHeader("X-Request-Id", "req-42")));
        try (SenhaseguraClient c = SenhaseguraClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(SenhaseguraCredentials.oauth2("app", "secret"))
                .retryPolicy(Loopback.fastRetry(3, new Loopback.RecordingSleeper())).build()) {
            PermissionDeniedException e = catchThrowableOfType(() -> c.sessions().list(), PermissionDeniedException.class);
            assertThat(e.statusCode()).isEqualTo(200);
            assertThat(e.attempts()).isEqualTo(2);
            assertThat(e.requestId()).contains("req-42");
            assertThat(e.vendorCode()).contains("7");
        }
    }
}
