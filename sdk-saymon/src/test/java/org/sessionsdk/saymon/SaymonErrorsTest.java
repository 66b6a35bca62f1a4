package org.sessionsdk.saymon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;

/** SAYMON's documented errors: {@code {code, message}}, with a JSON message inside for some. */
class SaymonErrorsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static ApiException fail(String path, int status, String body) {
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
        try (SaymonClient saymon = SaymonClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(SaymonCredentials.basic("admin", "hunter2")).retryPolicy(RetryPolicy.none()).build()) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> {
                if (path.endsWith("/current")) {
                    saymon.users().current();
                } else {
                    saymon.sessions().list(SaymonSessionQuery.builder().build());
                }
            });
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).doesNotContain("hunter2");
            return e;
        }
    }

    static ApiException failLog(int status, String body) {
        return fail("/node/api/users/session/log", status, body);
    }

    @Test
    void badRequestsCarryCodeAndMessage() {
        ApiException bad = failLog(400, "{\"code\":\"BadRequest\",\"message\":\"'from' must be a number\"}");
        assertThat(bad.getClass()).isEqualTo(ApiException.class);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.vendorCode()).contains("BadRequest");
        assertThat(bad.vendorMessage()).contains("'from' must be a number");

        ApiException content = failLog(400, "{\"code\":\"InvalidContent\",\"message\":\"limit is not valid\"}");
        assertThat(content.vendorCode()).contains("InvalidContent");
        assertThat(content.getMessage()).contains("InvalidContent: limit is not valid");
    }

    @Test
    void unauthorizedAndInvalidCredentialsAreAuthenticationErrors() {
        ApiException plain = failLog(401, "{\"code\":\"Unauthorized\",\"message\":\"Unauthorized\"}");
        assertThat(plain).isInstanceOf(AuthenticationException.class);
        assertThat(plain.vendorCode()).contains("Unauthorized");

        ApiException invalid = failLog(401, "{\"code\":\"InvalidCredentials\",\"message\":\"Wrong login or password\"}");
        assertThat(invalid).isInstanceOf(AuthenticationException.class);
        assertThat(invalid.vendorMessage()).contains("Wrong login or password");

        // the code decides even when the status does not say 401
        assertThat(failLog(400, "{\"code\":\"InvalidCredentials\",\"message\":\"x\"}"))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aMessageThatIsItselfJsonIsReadForItsInnerCodeAndMessage() {
        ApiException e = failLog(401,
                "{\"code\":\"Unauthorized\",\"message\":\"{\\\"errorCode\\\":3,\\\"message\\\":\\\"Session expired.\\\"}\"}");

        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.vendorCode()).contains("3");
        assertThat(e.vendorMessage()).contains("Session expired.");
        assertThat(e.getMessage()).contains("vendor error 3: Session expired.").doesNotContain("errorCode");
    }

    @Test
    void aForbiddenCallNamesTheMissingPermission() {
        ApiException e = failLog(403, "{\"code\":\"Forbidden\",\"message\":\"Access denied\"}");
        assertThat(e).isInstanceOf(PermissionDeniedException.class);
        assertThat(e.vendorMessage()).contains("Access denied");
        assertThat(e.getMessage()).contains("read-session-log");

        ApiException bare = failLog(403, "Forbidden");
        assertThat(bare).isInstanceOf(PermissionDeniedException.class).hasMessageContaining("read-session-log");

        // the current user needs no special permission: nothing is named
        ApiException current = fail("/node/api/users/current", 403, "{\"code\":\"Forbidden\",\"message\":\"no\"}");
        assertThat(current).isInstanceOf(PermissionDeniedException.class);
        assertThat(current.getMessage()).doesNotContain("read-session-log");
    }

    @Test
    void aServerErrorWithoutJsonIsStillTyped() {
        ApiException e = failLog(500, "<html>Internal Server Error</html>");
        assertThat(e).isInstanceOf(ServerException.class);
        assertThat(e.vendorCode()).isEmpty();
        assertThat(e.vendorMessage()).isEmpty();
    }
}
