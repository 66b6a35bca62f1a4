package org.sessionsdk.senhasegura;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.CapturedLogs;
import org.sessionsdk.core.testing.Loopback;
import org.sessionsdk.core.testing.MutableClock;

/** OAuth 2 client credentials against a token endpoint on loopback: caching, expiry, refetch. */
class OAuth2TokenTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    private static final String TOKEN = "/iso/oauth2/token";
    private static final String LIST = "/api/session/remotesessions";

    private static SenhaseguraClient.Builder builder(SenhaseguraCredentials credentials) {
        return SenhaseguraClient.builder().endpoint(Loopback.endpoint(wm)).credentials(credentials)
                .retryPolicy(RetryPolicy.none());
    }

    /** tok-1 first, tok-2 for every request after. */
    private static void twoTokens() {
        wm.stubFor(post(urlEqualTo(TOKEN)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(Bodies.token("tok-1", 3600))).willSetStateTo("second"));
        wm.stubFor(post(urlEqualTo(TOKEN)).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(Bodies.token("tok-2", 3600))));
    }

    @Test
    void idAndSecretGoInTheFormBodyAndTheTokenIsSentAsBearer() {
        wm.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson(Bodies.token("tok-1", 3600))));
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.FLAT)));
        int mark = CapturedLogs.mark();

        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app id", "s3cr&t")).build()) {
            assertThat(c.sessions().list()).hasSize(2);
        }

        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=app+id&client_secret=s3cr%26t")));
        wm.verify(getRequestedFor(urlEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer tok-1")));
        String logs = CapturedLogs.textSince(mark);
        assertThat(logs).contains("GET " + LIST).doesNotContain("s3cr").doesNotContain("tok-1");
    }

    @Test
    void aWrongBasePathIsNotFoundNamingTheTokenUrlNotBadCredentials() {
        // https://pam/pam: the token request goes to /pam/iso/oauth2/token, which nothing answers
        wm.stubFor(post(urlEqualTo("/pam" + TOKEN)).willReturn(aResponse().withStatus(404)
                .withBody("{\"response\":{\"status\":404,\"message\":\"Resource sub not found\",\"error\":true}}")));
        try (SenhaseguraClient c = SenhaseguraClient.builder().endpoint(Loopback.endpoint(wm).resolve("/pam"))
                .credentials(SenhaseguraCredentials.oauth2("app", "s3cret")).retryPolicy(RetryPolicy.none()).build()) {
            NotFoundException e = catchThrowableOfType(() -> c.sessions().list(), NotFoundException.class);
            assertThat(e).isNotNull().isNotInstanceOf(AuthenticationException.class);
            assertThat(e.getMessage()).contains("no OAuth 2 token endpoint answers at " + Loopback.endpoint(wm) + "/pam" + TOKEN)
                    .doesNotContain("refused the client id").doesNotContain("remote sessions path").doesNotContain("s3cret");
        }
        wm.verify(0, getRequestedFor(urlEqualTo("/pam" + LIST)));
    }

    @Test
    void olderServersGetIdAndSecretInABasicHeader() {
        wm.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson(Bodies.token("tok-1", 3600))));
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.FLAT)));

        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "s3cret").withBasicAuthHeader()).build()) {
            c.sessions().list();
        }

        String basic = "Basic " + Base64.getEncoder().encodeToString("app:s3cret".getBytes(StandardCharsets.UTF_8));
        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)).withHeader("Authorization", equalTo(basic))
                .withRequestBody(equalTo("grant_type=client_credentials")));
    }

    @Test
    void fiftyConcurrentCallsShareOneTokenRequest() throws Exception {
        wm.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson(Bodies.token("tok-1", 3600))));
        wm.stubFor(get(urlEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(okJson(Bodies.FLAT)));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "s3cret")).build()) {
            CountDownLatch ready = new CountDownLatch(50);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<SenhaseguraSession>>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return c.sessions().list();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<List<SenhaseguraSession>> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).containsExactly(Bodies.EXPECTED_3, Bodies.EXPECTED_6);
            }
        } finally {
            pool.shutdownNow();
        }
        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)));
        wm.verify(50, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void anExpiredTokenIsReplaced() {
        twoTokens();
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.FLAT)));
        MutableClock clock = new MutableClock(Instant.parse("2024-05-06T12:00:00Z"));

        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "s3cret")).clock(clock).build()) {
            c.sessions().list();
            clock.advance(Duration.ofMinutes(30));
            c.sessions().list();
            wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)));

            clock.advance(Duration.ofMinutes(30)); // expires_in 3600 has now passed
            c.sessions().list();
        }

        wm.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        wm.verify(2, getRequestedFor(urlEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer tok-1")));
        wm.verify(1, getRequestedFor(urlEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void a401FetchesOneNewToken() {
        twoTokens();
        wm.stubFor(get(urlEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)
                        .withBody(Bodies.errorEnvelope(401, "Client authentication failed.", 1))));
        wm.stubFor(get(urlEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(okJson(Bodies.FLAT)));

        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "s3cret")).build()) {
            assertThat(c.sessions().list()).hasSize(2);
        }

        wm.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        wm.verify(2, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void clientAuthenticationFailedInsideA200FetchesOneNewTokenToo() {
        twoTokens();
        wm.stubFor(get(urlEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(okJson("{\"code\":200,\"response\":{\"status\":200,\"message\":\"Client authentication failed\","
                        + "\"error\":true,\"error_code\":1}}")));
        wm.stubFor(get(urlEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(okJson(Bodies.FLAT)));

        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "s3cret")).build()) {
            assertThat(c.sessions().stream().count()).isEqualTo(2);
        }

        wm.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        wm.verify(2, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void aTokenRejectedAgainAfterTheRefetchFails() {
        twoTokens();
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(aResponse().withStatus(401)
                .withBody(Bodies.errorEnvelope(401, "Client authentication failed.", 1))));

        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "s3cret")).build()) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> c.sessions().list());
            assertThat(e.statusCode()).isEqualTo(401);
        }

        wm.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        wm.verify(2, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void aRefusedClientFailsAtTheTokenEndpointWithoutRetrying() {
        wm.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(401).withBody(
                "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\","
                        + "\"message\":\"Client authentication failed\"}")));

        // the form fixed: the automatic choice would try the Basic header once more (OAuth2TokenFormTest)
        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "wrong").withFormBody()).build()) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> c.sessions().list());
            assertThat(e.details().path()).isEqualTo(TOKEN);
            assertThat(e.vendorMessage()).contains("Client authentication failed");
            assertThat(e.vendorCode()).contains("invalid_client");
            assertThat(e.getMessage()).doesNotContain("wrong");
        }

        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)));
        wm.verify(0, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        assertThat(SenhaseguraCredentials.oauth2("app", "s3cret").toString())
                .contains("app").contains("form-body").doesNotContain("s3cret");
        assertThat(SenhaseguraCredentials.oauth2("app", "s3cret").withBasicAuthHeader().toString())
                .contains("basic-header");
        assertThat(SenhaseguraCredentials.oauth1("ck", "csecret", "tkey", "tsecret").toString())
                .contains("ck").doesNotContain("csecret").doesNotContain("tkey").doesNotContain("tsecret");
    }
}
