package org.sessionsdk.saymon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.CapturedLogs;
import org.sessionsdk.core.testing.Loopback;

/** Basic on every request, or a cookie session: log in once, again once after a 401, log out on close. */
class SaymonAuthTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String LOG = "/node/api/users/session/log";
    static final String SESSION = "/node/api/users/session";
    static final String PASSWORD = "p\"ss{w}ord\\é";
    static final String ONE_RECORD = "[{\"id\":\"62725dc8bad91064e16e5910\",\"login\":\"admin\",\"startTime\":1651662280161}]";
    static final String EXPIRED = "{\"code\":\"Unauthorized\",\"message\":\"{\\\"errorCode\\\":3,\\\"message\\\":\\\"Session expired.\\\"}\"}";

    static SaymonClient client(SaymonCredentials credentials) {
        return SaymonClient.builder().endpoint(Loopback.endpoint(wm)).credentials(credentials)
                .retryPolicy(RetryPolicy.none()).build();
    }

    static void loginAnswers(String... ids) {
        String state = STARTED;
        for (int i = 0; i < ids.length; i++) {
            String next = "login " + (i + 1);
            wm.stubFor(post(urlPathEqualTo(SESSION)).inScenario("logins").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("\"" + ids[i] + "\""))
                    .willSetStateTo(next));
            state = next;
        }
        wm.stubFor(delete(urlPathEqualTo(SESSION)).willReturn(aResponse().withStatus(204)));
    }

    static void logAnswers(String cookie, int status, String body) {
        wm.stubFor(get(urlPathEqualTo(LOG)).withHeader("Cookie", equalTo(cookie))
                .willReturn(aResponse().withStatus(status).withBody(body)));
    }

    static List<SaymonSession> readLog(SaymonClient saymon) {
        return saymon.sessions().list(SaymonSessionQuery.builder().build());
    }

    @Test
    void basicNeedsNoLoginAndNoLogout() {
        wm.stubFor(get(urlPathEqualTo(LOG)).willReturn(aResponse().withBody(ONE_RECORD)));
        try (SaymonClient saymon = client(SaymonCredentials.basic("admin", PASSWORD))) {
            assertThat(readLog(saymon)).hasSize(1);
            assertThat(readLog(saymon)).hasSize(1);
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo(LOG)).withHeader("Authorization", equalTo(
                org.sessionsdk.core.auth.BasicAuth.headerValue("admin", org.sessionsdk.core.auth.Secret.of(PASSWORD)))));
        wm.verify(0, postRequestedFor(urlPathEqualTo(SESSION)));
        wm.verify(0, deleteRequestedFor(urlPathEqualTo(SESSION)));
    }

    @Test
    void aSessionLogsInOnceSendsTheCookieAndLogsOutOnClose() {
        loginAnswers("sid-1");
        logAnswers("sid=sid-1", 200, ONE_RECORD);
        wm.stubFor(get(urlPathEqualTo("/node/api/users/current")).withHeader("Cookie", equalTo("sid=sid-1"))
                .willReturn(aResponse().withBody("{\"id\":\"u1\",\"login\":\"admin\"}")));

        try (SaymonClient saymon = client(SaymonCredentials.session("admin", PASSWORD))) {
            assertThat(readLog(saymon)).hasSize(1);
            assertThat(saymon.users().current().login()).isEqualTo("admin");
            wm.verify(0, deleteRequestedFor(urlPathEqualTo(SESSION)));
        }

        wm.verify(1, postRequestedFor(urlPathEqualTo(SESSION))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"login\":\"admin\",\"password\":\"p\\\"ss{w}ord\\\\é\"}")));
        wm.verify(getRequestedFor(urlPathEqualTo(LOG)).withoutHeader("Authorization"));
        wm.verify(1, deleteRequestedFor(urlPathEqualTo(SESSION)).withHeader("Cookie", equalTo("sid=sid-1")));
    }

    @Test
    void anExpiredSessionLogsInAgainOnceAndTheCallSucceeds() {
        loginAnswers("sid-1", "sid-2");
        logAnswers("sid=sid-1", 401, EXPIRED);
        logAnswers("sid=sid-2", 200, ONE_RECORD);

        try (SaymonClient saymon = client(SaymonCredentials.session("admin", PASSWORD))) {
            assertThat(readLog(saymon)).extracting(SaymonSession::id).containsExactly("62725dc8bad91064e16e5910");
            assertThat(readLog(saymon)).hasSize(1); // the new session is kept
        }

        wm.verify(2, postRequestedFor(urlPathEqualTo(SESSION)));
        wm.verify(1, getRequestedFor(urlPathEqualTo(LOG)).withHeader("Cookie", equalTo("sid=sid-1")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(LOG)).withHeader("Cookie", equalTo("sid=sid-2")));
        wm.verify(1, deleteRequestedFor(urlPathEqualTo(SESSION)).withHeader("Cookie", equalTo("sid=sid-2")));
    }

    @Test
    void aSecond401FailsWithTheInnerCodeAndMessage() {
        loginAnswers("sid-1", "sid-2");
        logAnswers("sid=sid-1", 401, EXPIRED);
        logAnswers("sid=sid-2", 401, EXPIRED);

        try (SaymonClient saymon = client(SaymonCredentials.session("admin", PASSWORD))) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> readLog(saymon));

            assertThat(e.vendorCode()).contains("3");
            assertThat(e.vendorMessage()).contains("Session expired.");
            assertThat(e.getMessage()).doesNotContain("sid-").doesNotContain(PASSWORD);
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(SESSION)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(LOG)));
    }

    @Test
    void aWrongPasswordFailsAtLoginWithoutSendingTheCall() {
        wm.stubFor(post(urlPathEqualTo(SESSION)).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":\"InvalidCredentials\",\"message\":\"Invalid login or password\"}")));

        try (SaymonClient saymon = client(SaymonCredentials.session("admin", PASSWORD))) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> readLog(saymon));

            assertThat(e.vendorCode()).contains("InvalidCredentials");
            assertThat(e.getMessage()).contains("POST " + SESSION).doesNotContain(PASSWORD);
        }
        wm.verify(0, getRequestedFor(urlPathEqualTo(LOG)));
        wm.verify(0, deleteRequestedFor(urlPathEqualTo(SESSION)));
    }

    @Test
    void theSessionIdMayComeAsACookieOnly() {
        wm.stubFor(post(urlPathEqualTo(SESSION)).willReturn(aResponse().withStatus(200)
                .withHeader("Set-Cookie", "sid=from-cookie; Path=/; HttpOnly").withBody("{\"ok\":true}")));
        logAnswers("sid=from-cookie", 200, ONE_RECORD);

        try (SaymonClient saymon = client(SaymonCredentials.session("admin", PASSWORD))) {
            assertThat(readLog(saymon)).hasSize(1);
        }
    }

    @Test
    void aLoginAnswerWithoutASessionIdIsAResponseFormatException() {
        wm.stubFor(post(urlPathEqualTo(SESSION)).willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));

        try (SaymonClient saymon = client(SaymonCredentials.session("admin", PASSWORD))) {
            assertThat(catchThrowableOfType(ResponseFormatException.class, () -> readLog(saymon)))
                    .hasMessageContaining("session id");
        }
    }

    @Test
    void aFailedLogoutDoesNotFailClose() {
        loginAnswers("sid-1");
        logAnswers("sid=sid-1", 200, ONE_RECORD);
        wm.stubFor(delete(urlPathEqualTo(SESSION)).willReturn(aResponse().withStatus(500)));

        SaymonClient saymon = client(SaymonCredentials.session("admin", PASSWORD));
        assertThat(readLog(saymon)).hasSize(1);
        saymon.close();

        wm.verify(1, deleteRequestedFor(urlPathEqualTo(SESSION)));
    }

    @Test
    void neitherPasswordNorSessionIdReachesLogsOrToString() {
        loginAnswers("secret-sid-42");
        logAnswers("sid=secret-sid-42", 200, ONE_RECORD);
        int mark = CapturedLogs.mark();

        try (SaymonClient saymon = client(SaymonCredentials.session("admin", PASSWORD))) {
            readLog(saymon);
        }

        String logs = CapturedLogs.textSince(mark);
        assertThat(logs).contains("GET " + LOG).contains("Cookie: [redacted]")
                .doesNotContain("secret-sid-42").doesNotContain(PASSWORD);
        assertThat(SaymonCredentials.session("admin", PASSWORD).toString()).contains("admin").doesNotContain(PASSWORD);
        assertThat(SaymonCredentials.basic("admin", PASSWORD).toString()).doesNotContain(PASSWORD);
    }
}
