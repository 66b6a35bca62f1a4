package org.sessionsdk.senhasegura;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;

/**
 * Every error text the vendor documents, on its own status and inside an HTTP 200 envelope; plus the
 * bodies that are not envelopes. OAuth 1 credentials, so no token traffic gets in the way.
 */
class SenhaseguraErrorsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    private static final String LIST = "/api/session/remotesessions";

    private SenhaseguraClient client;

    @BeforeEach
    void setUp() {
        client = SenhaseguraClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(SenhaseguraCredentials.oauth1("ck", "cs", "tk", "ts"))
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static Stream<Arguments> documentedErrors() {
        return Stream.of(
                Arguments.of("Resource sub not found", 404, NotFoundException.class, "remoteSessionsPath"),
                Arguments.of("Unexpected error.", 500, ServerException.class, null),
                Arguments.of("You are not authorized to access this resource.", 500, PermissionDeniedException.class,
                        "Web Proxy"),
                Arguments.of("Client authentication failed.", 401, AuthenticationException.class, "client id"),
                Arguments.of("Invalid signature", 401, AuthenticationException.class, "OAuth 1 signature"),
                Arguments.of("No route matched with those values.", 404, AuthenticationException.class,
                        "Authorization header"),
                Arguments.of("Request timed out.", 408, ApiException.class, null));
    }

    @ParameterizedTest(name = "HTTP {1}: {0}")
    @MethodSource("documentedErrors")
    void onTheirOwnStatus(String text, int status, Class<? extends ApiException> type, String hint) {
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(Bodies.errorEnvelope(status, text, 9))));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.sessions().list());

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.vendorMessage()).contains(text);
        assertThat(e.vendorCode()).contains("9");
        assertThat(e.details().method()).isEqualTo("GET");
        assertThat(e.details().path()).isEqualTo(LIST);
        if (hint != null) {
            assertThat(e.getMessage()).contains(hint);
        }
    }

    @ParameterizedTest(name = "HTTP 200 carrying {1}: {0}")
    @MethodSource("documentedErrors")
    void insideAn200Envelope(String text, int status, Class<? extends ApiException> type, String hint) {
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.errorEnvelope(status, text, 9))));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.sessions().stream().close());

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.vendorMessage()).contains(text);
        assertThat(e.vendorCode()).contains("9");
        if (hint != null) {
            assertThat(e.getMessage()).contains(hint);
        }
    }

    @Test
    void theNoRouteAnswerOfTheGatewayIsNotAnEnvelope() {
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"no Route matched with those values\"}")));

        AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                () -> client.sessions().list());

        assertThat(e.vendorMessage()).contains("no Route matched with those values");
    }

    @Test
    void anErrorFlaggedInsideANestedEnvelopeFailsTheCall() {
        String nested = "{\"code\":200,\"response\":" + Bodies.OK_RESPONSE + ",\"remote_sessions\":["
                + Bodies.errorEnvelope(500, "You are not authorized to access this resource.", 3)
                        .replaceFirst("\\}$", ",\"remote_sessions\":[]}") + "]}";
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(nested)));

        assertThat(catchThrowableOfType(PermissionDeniedException.class, () -> client.sessions().list()))
                .isNotNull();
    }

    @Test
    void thePortugueseTwinsStandInWhenTheEnglishFieldsAreEmpty() {
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson("{\"code\":200,\"response\":{\"status\":200,\"message\":\"\","
                + "\"error\":false,\"error_code\":0,\"detail\":\"\",\"mensagem\":\"Erro inesperado.\",\"erro\":true,"
                + "\"cod_erro\":77}}")));

        ApiException e = catchThrowableOfType(ApiException.class, () -> client.sessions().list());

        assertThat(e.vendorMessage()).contains("Erro inesperado.");
        assertThat(e.vendorCode()).contains("77");
        assertThat(e.getMessage()).contains("HTTP 200").contains("Erro inesperado.");
    }

    @Test
    void getAndTerminateCheckTheEnvelopeToo() {
        wm.stubFor(get(urlEqualTo(LIST + "/3")).willReturn(okJson(Bodies.errorEnvelope(500, "Unexpected error.", 1))));
        wm.stubFor(delete(urlEqualTo("/api/pam/session/drop/abc")).willReturn(
                okJson(Bodies.errorEnvelope(500, "You are not authorized to access this resource.", 2))));

        assertThat(catchThrowableOfType(ServerException.class, () -> client.sessions().get("3"))).isNotNull();
        PermissionDeniedException e = catchThrowableOfType(PermissionDeniedException.class,
                () -> client.sessions().terminate("abc"));
        assertThat(e.details().method()).isEqualTo("DELETE");
        assertThat(e.details().path()).isEqualTo("/api/pam/session/drop/abc");
    }

    @Test
    void aBodyThatIsNotJsonFallsBackToTheStatus() {
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(aResponse().withStatus(502)
                .withBody("<html><body>Bad Gateway</body></html>")));

        ServerException e = catchThrowableOfType(ServerException.class, () -> client.sessions().list());

        assertThat(e.statusCode()).isEqualTo(502);
        assertThat(e.vendorMessage()).isEmpty();
        assertThat(e.retryable()).isTrue();
        wm.verify(1, getRequestedFor(urlEqualTo(LIST)));
    }
}
