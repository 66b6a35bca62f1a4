package org.sessionsdk.core.internal.auth;

import org.sessionsdk.core.auth.BasicAuth;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.testing.Loopback;
import org.sessionsdk.core.testing.MutableClock;

class OAuth2ClientCredentialsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private ClientRuntime runtime;

    @BeforeEach
    void stubs() {
        wm.stubFor(post(urlPathEqualTo("/iso/oauth2/token")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"tok-1\"}"))
                .willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo("/iso/oauth2/token")).inScenario("t").whenScenarioStateIs("second")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"token_type\":\"Bearer\",\"expires_in\":\"3600\",\"access_token\":\"tok-2\"}")));
        wm.stubFor(get(urlPathEqualTo("/api/data")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withBody("one")));
        wm.stubFor(get(urlPathEqualTo("/api/data")).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(aResponse().withBody("two")));
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private OAuth2ClientCredentials oauth(boolean basic) {
        runtime = new ClientRuntime(new org.sessionsdk.core.testing.TestConfig().endpoint(Loopback.endpoint(wm)).clock(clock).build(), "t");
        ApiCaller tokenCaller = runtime.caller(RequestAuth.none(),
                OAuth2ClientCredentials.tokenErrors(OAuth2ClientCredentials::rfcError));
        return OAuth2ClientCredentials.builder().tokenCaller(tokenCaller).tokenPath("/iso/oauth2/token")
                .clientId("client-1").clientSecret(Secret.of("s3cr&t")).basicHeader(basic).build();
    }

    private String data(ApiCaller c) {
        return c.execute(Call.get("/api/data").build(), r -> new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void fetchesOnceAndReusesTheTokenUntilShortlyBeforeExpiry() {
        OAuth2ClientCredentials auth = oauth(false);
        ApiCaller c = runtime.caller(auth, ErrorDecoder.byStatus());

        assertThat(data(c)).isEqualTo("one");
        clock.advance(Duration.ofSeconds(3500)); // 100 s before expiry: still outside the 60 s margin
        assertThat(data(c)).isEqualTo("one");
        assertThat(auth.tokenRequests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(50)); // within the margin: refreshed before it can fail
        assertThat(data(c)).isEqualTo("two");
        assertThat(auth.tokenRequests()).isEqualTo(2);
        wm.verify(2, postRequestedFor(urlPathEqualTo("/iso/oauth2/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=client-1&client_secret=s3cr%26t")));
    }

    @Test
    void canSendTheClientInABasicHeader() {
        OAuth2ClientCredentials auth = oauth(true);
        ApiCaller c = runtime.caller(auth, ErrorDecoder.byStatus());

        assertThat(data(c)).isEqualTo("one");
        // RFC 6749 2.3.1: id and secret are form-urlencoded before they are joined by ':'
        wm.verify(postRequestedFor(urlPathEqualTo("/iso/oauth2/token"))
                .withHeader("Authorization", equalTo(BasicAuth.headerValue("client-1", Secret.of("s3cr%26t"))))
                .withRequestBody(equalTo("grant_type=client_credentials")));
    }

    @Test
    void theBasicHeaderFormEncodesIdAndSecretSoAServerDecodingPerTheRfcGetsThemBack() {
        String id = "app:1 é";
        String secret = "p%a+s:s&w rd=";
        // the exact value RFC 6749 2.3.1 and Appendix B give: form-urlencode each, join by ':', Base64
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "app%3A1+%C3%A9:p%25a%2Bs%3As%26w+rd%3D".getBytes(StandardCharsets.UTF_8));
        wm.stubFor(post(urlPathEqualTo("/iso/oauth2/token")).atPriority(1)
                .withHeader("Authorization", equalTo(expected))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"expires_in\":3600,\"access_token\":\"tok-1\"}")));
        wm.stubFor(post(urlPathEqualTo("/iso/oauth2/token")).atPriority(2)
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));
        runtime = new ClientRuntime(new org.sessionsdk.core.testing.TestConfig().endpoint(Loopback.endpoint(wm)).clock(clock).build(), "t");
        ApiCaller tokenCaller = runtime.caller(RequestAuth.none(),
                OAuth2ClientCredentials.tokenErrors(OAuth2ClientCredentials::rfcError));
        OAuth2ClientCredentials auth = OAuth2ClientCredentials.builder().tokenCaller(tokenCaller)
                .tokenPath("/iso/oauth2/token").clientId(id).clientSecret(Secret.of(secret)).basicHeader(true).build();

        assertThat(data(runtime.caller(auth, ErrorDecoder.byStatus()))).isEqualTo("one");

        String sent = wm.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/iso/oauth2/token"))
                .findFirst().orElseThrow().getRequest().getHeader("Authorization");
        assertThat(sent).isEqualTo(expected);
        // what a server decoding as the RFC says reads back
        String pair = new String(java.util.Base64.getDecoder().decode(sent.substring("Basic ".length())),
                StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        assertThat(java.net.URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8)).isEqualTo(id);
        assertThat(java.net.URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)).isEqualTo(secret);
    }

    @Test
    void fiftyConcurrentCallersShareOneTokenRequest() throws Exception {
        OAuth2ClientCredentials auth = oauth(false);
        ApiCaller c = runtime.caller(auth, ErrorDecoder.byStatus());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return data(c);
                }));
            }
            start.countDown();
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo("one");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(auth.tokenRequests()).isEqualTo(1);
        wm.verify(1, postRequestedFor(urlPathEqualTo("/iso/oauth2/token")));
        wm.verify(50, getRequestedFor(urlPathEqualTo("/api/data")));
    }

    @Test
    void aRejectedTokenIsRefetchedOnceForManyConcurrentCallers() throws Exception {
        OAuth2ClientCredentials auth = oauth(false);
        ApiCaller c = runtime.caller(auth, ErrorDecoder.byStatus());
        assertThat(data(c)).isEqualTo("one");
        // the server revokes tok-1 early
        wm.stubFor(get(urlPathEqualTo("/api/data")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return data(c);
                }));
            }
            start.countDown();
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo("two");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(auth.tokenRequests()).isEqualTo(2);
    }

    @Test
    void aRefusedClientIsAnAuthenticationErrorWithTheRfcCode() {
        wm.stubFor(post(urlPathEqualTo("/iso/oauth2/token")).atPriority(1).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));
        OAuth2ClientCredentials auth = oauth(false);
        ApiCaller c = runtime.caller(auth, ErrorDecoder.byStatus());

        assertThatThrownBy(() -> data(c)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("invalid_client").hasMessageContaining("Client authentication failed")
                .hasMessageNotContaining("s3cr");
    }

    @Test
    void noTokenEndpointAtThatPathIsNotFoundNamingTheUrlNotBadCredentials() {
        for (int status : new int[] {404, 405, 410}) {
            wm.stubFor(post(urlPathEqualTo("/iso/oauth2/token")).atPriority(1).willReturn(aResponse().withStatus(status)
                    .withBody("<html>Not Found</html>")));
            OAuth2ClientCredentials auth = oauth(false);
            ApiCaller c = runtime.caller(auth, ErrorDecoder.byStatus());

            assertThatThrownBy(() -> data(c)).isInstanceOf(NotFoundException.class)
                    .isNotInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("HTTP " + status)
                    .hasMessageContaining("no OAuth 2 token endpoint answers at " + Loopback.endpoint(wm) + "/iso/oauth2/token")
                    .hasMessageNotContaining("s3cr");
            runtime.close();
        }
    }

    @Test
    void aTokenResponseWithoutATokenIsAFormatError() {
        wm.stubFor(post(urlPathEqualTo("/iso/oauth2/token")).atPriority(1)
                .willReturn(aResponse().withBody("{\"token_type\":\"Bearer\"}")));
        OAuth2ClientCredentials auth = oauth(false);
        ApiCaller c = runtime.caller(auth, ErrorDecoder.byStatus());

        assertThatThrownBy(() -> data(c)).isInstanceOf(ResponseFormatException.class).hasMessageContaining("access_token");
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(oauth(false).toString()).contains("client-1").doesNotContain("s3cr");
        runtime.close();
        runtime = new ClientRuntime(new org.sessionsdk.core.testing.TestConfig().endpoint(Loopback.endpoint(wm)).build(), "t");
    }
}
