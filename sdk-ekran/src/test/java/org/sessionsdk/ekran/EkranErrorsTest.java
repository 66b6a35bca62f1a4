package org.sessionsdk.ekran;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;

class EkranErrorsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String KEY = "secret-api-key-123";

    static ApiException fail(int status, String body, RetryPolicy retry) {
        wm.stubFor(get(urlPathEqualTo("/ekranapi/sessions")).willReturn(aResponse().withStatus(status).withBody(body)));
        try (EkranClient ekran = EkranClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(EkranCredentials.apiKey(KEY)).retryPolicy(retry).build()) {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> ekran.sessions().list(EkranSessionQuery.all()));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).doesNotContain(KEY);
            return e;
        }
    }

    static ApiException fail(int status, String body) {
        return fail(status, body, RetryPolicy.none());
    }

    @Test
    void a400CarriesTheServersMessageInAnyOfItsForms() {
        ApiException json = fail(400, "{\"message\":\"The start parameter is not a date\"}");
        assertThat(json.getClass()).isEqualTo(ApiException.class);
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.vendorMessage()).contains("The start parameter is not a date");

        assertThat(fail(400, "{\"Message\":\"The request is invalid.\"}").vendorMessage()).contains("The request is invalid.");
        assertThat(fail(400, "{\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\"end\":[\"bad\"]}}")
                .vendorMessage()).contains("One or more validation errors occurred.");
        assertThat(fail(400, "Bad date format").vendorMessage()).contains("Bad date format");
        assertThat(fail(400, "").vendorMessage()).isEmpty();
    }

    @Test
    void aRejectedKeyIsAnAuthenticationOrPermissionError() {
        ApiException unauthorized = fail(401, "");
        assertThat(unauthorized).isInstanceOf(AuthenticationException.class);
        assertThat(unauthorized.getMessage()).contains("HTTP 401").contains("ApiKey");

        assertThat(fail(403, "{\"message\":\"Forbidden\"}")).isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("Forbidden");
    }

    @Test
    void anHtmlErrorPageIsNotEchoed() {
        ApiException e = fail(404, "<html><body><h1>Not Found</h1></body></html>");
        assertThat(e).isInstanceOf(NotFoundException.class);
        assertThat(e.vendorMessage()).isEmpty();
        assertThat(e.getMessage()).doesNotContain("<html>");
    }

    @Test
    void serverErrorsAreRetriedForThisReadThenReported() {
        Loopback.RecordingSleeper sleeper = new Loopback.RecordingSleeper();
        ApiException e = fail(503, "Service Unavailable", Loopback.fastRetry(3, sleeper));

        assertThat(e).isInstanceOf(ServerException.class);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(sleeper.delays()).hasSize(2);
        wm.verify(3, getRequestedFor(urlPathEqualTo("/ekranapi/sessions")));
        assertThat(fail(500, "{\"message\":\"Internal error\"}")).isInstanceOf(ServerException.class)
                .hasMessageContaining("Internal error");
    }
}
