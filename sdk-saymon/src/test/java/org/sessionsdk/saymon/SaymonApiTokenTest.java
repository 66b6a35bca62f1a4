package org.sessionsdk.saymon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.client.InvalidSettingsException;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.observe.AttemptEnded;
import org.sessionsdk.core.observe.AttemptStarted;
import org.sessionsdk.core.observe.CallEnded;
import org.sessionsdk.core.observe.CallListener;
import org.sessionsdk.core.observe.CallStarted;
import org.sessionsdk.core.observe.HeaderSetter;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.CapturedLogs;
import org.sessionsdk.core.testing.Loopback;

/**
 * Issue 31: SAYMON's third auth scheme, an API token in a query parameter ({@code api-token} by default,
 * the name configurable); a refused token is an {@link AuthenticationException} that says so; the
 * token surfaces nowhere.
 */
class SaymonApiTokenTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String LOG = "/node/api/users/session/log";
    static final String CURRENT = "/node/api/users/current";
    /** Characters a query string must encode. */
    static final String TOKEN = "tOk+en/&=%Zq81 x";
    static final String ENCODED = "tOk%2Ben%2F%26%3D%25Zq81%20x";
    static final String INVALID = "{\"code\":\"Unauthorized\",\"message\":\"{\\\"errorCode\\\":3,\\\"message\\\":\\\"Invalid API token.\\\"}\"}";

    static SaymonClient.Builder builder(SaymonCredentials credentials) {
        return SaymonClient.builder().endpoint(Loopback.endpoint(wm)).credentials(credentials)
                .retryPolicy(RetryPolicy.none());
    }

    @Test
    void theTokenGoesInTheApiTokenQueryParameterOfEveryRequestAndNowhereElse() {
        wm.stubFor(get(urlPathEqualTo(LOG)).willReturn(aResponse().withBody("[]")));
        wm.stubFor(get(urlPathEqualTo(CURRENT)).willReturn(aResponse().withBody("{\"id\":\"u1\",\"login\":\"ops\"}")));

        try (SaymonClient saymon = builder(SaymonCredentials.apiToken(TOKEN)).build()) {
            saymon.sessions().list(SaymonSessionQuery.builder().pageSize(10).build());
            assertThat(saymon.users().current().login()).isEqualTo("ops");
        }

        LoggedRequest log = wm.findAll(getRequestedFor(urlPathEqualTo(LOG))).get(0);
        assertThat(log.getUrl()).contains("api-token=" + ENCODED).contains("limit=10").contains("skip=0");
        assertThat(log.queryParameter("api-token").firstValue()).isEqualTo(TOKEN);
        assertThat(log.queryParameter("limit").firstValue()).isEqualTo("10");
        wm.verify(getRequestedFor(urlPathEqualTo(CURRENT)).withQueryParam("api-token", equalTo(TOKEN))
                .withHeader("Authorization", absent()).withHeader("Cookie", absent()));
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(CURRENT))).get(0).getUrl()).isEqualTo(CURRENT + "?api-token=" + ENCODED);
        wm.verify(0, postRequestedFor(urlPathEqualTo("/node/api/users/session")));
    }

    @Test
    void theParameterNameIsConfigurable() {
        wm.stubFor(get(urlPathEqualTo(CURRENT)).willReturn(aResponse().withBody("{\"id\":\"u1\",\"login\":\"ops\"}")));
        try (SaymonClient saymon = builder(SaymonCredentials.apiToken(TOKEN, "token")).build()) {
            saymon.users().current();
        }
        wm.verify(getRequestedFor(urlPathEqualTo(CURRENT)).withQueryParam("token", equalTo(TOKEN))
                .withQueryParam("api-token", absent()));
    }

    @Test
    void aRefusedTokenSaysTheTokenWasRefusedOnceWithoutRetrying() {
        wm.stubFor(get(urlPathEqualTo(CURRENT)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(INVALID)));

        try (SaymonClient saymon = SaymonClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(SaymonCredentials.apiToken(TOKEN)).build()) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> saymon.users().current());
            assertThat(e.statusCode()).isEqualTo(401);
            assertThat(e.vendorCode()).contains("3");
            assertThat(e.vendorMessage()).contains("Invalid API token.");
            assertThat(e.getMessage()).contains("refused the API token").contains("auth-token")
                    .doesNotContain(TOKEN).doesNotContain(ENCODED).doesNotContain("api-token=");
            assertThat(e.details().path()).isEqualTo(CURRENT);
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(CURRENT)));
    }

    @Test
    void a401WithoutSaymonsBodySaysTheTokenWasRefusedToo() {
        wm.stubFor(get(urlPathEqualTo(CURRENT)).willReturn(aResponse().withStatus(401).withBody("<html>no</html>")));
        try (SaymonClient saymon = builder(SaymonCredentials.apiToken(TOKEN)).build()) {
            assertThatThrownBy(() -> saymon.users().current()).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("refused the API token");
        }
    }

    @Test
    void aForbiddenCallStillNamesThePermissionNotTheToken() {
        wm.stubFor(get(urlPathEqualTo(LOG)).willReturn(aResponse().withStatus(403)
                .withBody("{\"code\":\"Forbidden\",\"message\":\"read-session-log\"}")));
        try (SaymonClient saymon = builder(SaymonCredentials.apiToken(TOKEN)).build()) {
            assertThatThrownBy(() -> saymon.sessions().list(SaymonSessionQuery.builder().build()))
                    .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("read-session-log")
                    .hasMessageNotContaining("refused the API token");
        }
    }

    @Test
    void theTokenIsInNoLogLineMessageListenerEventOrToString() {
        wm.stubFor(get(urlPathEqualTo(LOG)).willReturn(aResponse().withBody("[]")));
        wm.stubFor(get(urlPathEqualTo(CURRENT)).willReturn(aResponse().withStatus(401).withBody(INVALID)));
        List<String> seen = new ArrayList<>();
        CallListener listener = new CallListener() {
            @Override
            public void callStarted(CallStarted event) {
                seen.add(event.toString());
            }

            @Override
            public void attemptStarted(AttemptStarted event, HeaderSetter headers) {
                seen.add(event.toString());
            }

            @Override
            public void attemptEnded(AttemptEnded event) {
                seen.add(event.toString());
            }

            @Override
            public void callEnded(CallEnded event) {
                seen.add(event.toString());
            }
        };
        int mark = CapturedLogs.mark();
        SaymonCredentials credentials = SaymonCredentials.apiToken(TOKEN);
        try (SaymonClient saymon = builder(credentials).listener(listener).build()) {
            saymon.sessions().list(SaymonSessionQuery.builder().build());
            try {
                saymon.users().current();
            } catch (SdkException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    seen.add(t.toString());
                }
            }
            seen.add(saymon.toString());
        }
        seen.add(credentials.toString());
        String all = CapturedLogs.textSince(mark) + "\n" + String.join("\n", seen);
        assertThat(all).contains("org.sessionsdk.http").contains("/node/api/users/current")
                .doesNotContain(TOKEN).doesNotContain(ENCODED).doesNotContain("api-token=");
        assertThat(credentials.toString()).contains("apiToken").contains("****");
    }

    @Test
    void aBlankTokenOrParameterIsRefusedAtOnce() {
        assertThatThrownBy(() -> SaymonCredentials.apiToken(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SaymonCredentials.apiToken("t", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SaymonCredentials.apiToken(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theVendorNeutralSettingsOpenATokenClient() {
        wm.stubFor(get(urlPathEqualTo(CURRENT)).willReturn(aResponse().withBody("{\"id\":\"u1\",\"login\":\"ops\"}")));
        wm.stubFor(get(urlPathEqualTo(LOG)).willReturn(aResponse().withBody("[]")));
        SaymonProvider p = new SaymonProvider();
        assertThat(p.secretSetting(false)).isEqualTo(SaymonProvider.API_TOKEN);
        assertThat(p.secretSetting(true)).isEqualTo(SaymonProvider.PASSWORD);
        try (SessionClient c = SessionClients.open("saymon", Map.of("endpoint", Loopback.endpoint(wm).toString(),
                "auth", "token", "api.token", TOKEN, "api.token.parameter", "tok"))) {
            try (java.util.stream.Stream<?> s = c.sessionRecords(org.sessionsdk.core.session.TimeRange.last(
                    java.time.Duration.ofHours(1)))) {
                assertThat(s.count()).isZero();
            }
        }
        wm.verify(getRequestedFor(urlPathEqualTo(LOG)).withQueryParam("tok", equalTo(TOKEN)));
        // a token client needs no login; a login client still does; a token client needs its token
        InvalidSettingsException noToken = catchThrowableOfType(InvalidSettingsException.class,
                () -> p.check(Map.of("endpoint", "https://saymon.example.com", "auth", "token")));
        assertThat(noToken.problems()).containsOnlyKeys(SaymonProvider.API_TOKEN);
        InvalidSettingsException noLogin = catchThrowableOfType(InvalidSettingsException.class,
                () -> p.check(Map.of("endpoint", "https://saymon.example.com", "auth", "session")));
        assertThat(noLogin.problems()).containsOnlyKeys(SaymonProvider.USERNAME, SaymonProvider.PASSWORD);
        assertThat(p.check(Map.of("endpoint", "https://saymon.example.com", "api.token", "x", "auth", "token")).toString())
                .doesNotContain("=x,").contains("[redacted]");
    }
}
