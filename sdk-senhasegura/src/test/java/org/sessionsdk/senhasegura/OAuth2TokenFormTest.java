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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;
import org.sessionsdk.core.testing.MutableClock;

/**
 * Issue 31: the token request's two forms. Newer servers take the id and secret in the form body, 3.25
 * only in a Basic header; by default the client tries the body, falls back to the header once on a
 * refusal of the client, remembers what worked, and names both forms when both are refused.
 */
class OAuth2TokenFormTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    private static final String TOKEN = "/iso/oauth2/token";
    private static final String LIST = "/api/session/remotesessions";
    private static final String FORM = "grant_type=client_credentials&client_id=app&client_secret=s3cret";
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("app:s3cret".getBytes(StandardCharsets.UTF_8));
    /** What an older server answers a token request without the Basic header (RFC 6749 5.2). */
    private static final String INVALID_CLIENT = "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\","
            + "\"message\":\"Client authentication failed\"}";

    private static SenhaseguraClient.Builder builder(SenhaseguraCredentials credentials) {
        return SenhaseguraClient.builder().endpoint(Loopback.endpoint(wm)).credentials(credentials)
                .retryPolicy(RetryPolicy.none());
    }

    /** A server of the 3.25 kind: a Basic header gets a token, the form body is refused. */
    private static void olderServer(int refusalStatus) {
        wm.stubFor(post(urlEqualTo(TOKEN)).withHeader("Authorization", absent())
                .willReturn(aResponse().withStatus(refusalStatus).withBody(INVALID_CLIENT)));
        wm.stubFor(post(urlEqualTo(TOKEN)).withHeader("Authorization", equalTo(BASIC))
                .willReturn(okJson(Bodies.token("tok-basic", 3600))));
        wm.stubFor(get(urlEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer tok-basic"))
                .willReturn(okJson(Bodies.FLAT)));
    }

    @Test
    void aNewerServerGetsTheFormBodyOnly() {
        wm.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson(Bodies.token("tok-1", 3600))));
        wm.stubFor(get(urlEqualTo(LIST)).willReturn(okJson(Bodies.FLAT)));

        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "s3cret")).build()) {
            assertThat(c.sessions().list()).hasSize(2);
        }

        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)).withHeader("Authorization", absent())
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo(FORM)));
        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void anOlderServerRefusingTheBodyGetsTheBasicHeaderOnceAndKeepsIt() {
        olderServer(401);
        MutableClock clock = new MutableClock(Instant.parse("2024-05-06T12:00:00Z"));

        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "s3cret")).clock(clock).build()) {
            assertThat(c.sessions().list()).hasSize(2);
            clock.advance(Duration.ofHours(2)); // the token expired: the next one is asked the way that worked
            assertThat(c.sessions().list()).hasSize(2);
        }

        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)).withHeader("Authorization", absent()).withRequestBody(equalTo(FORM)));
        wm.verify(2, postRequestedFor(urlEqualTo(TOKEN)).withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalTo("grant_type=client_credentials")));
        wm.verify(2, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void aRefusalAs400InvalidClientFallsBackToo() {
        olderServer(400);

        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "s3cret")).build()) {
            assertThat(c.sessions().list()).hasSize(2);
        }

        wm.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void whenBothFormsAreRefusedTheErrorSaysWhichWereTried() {
        wm.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(401).withBody(INVALID_CLIENT)));

        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "wrong-Zq81")).build()) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> c.sessions().list());
            assertThat(e.details().path()).isEqualTo(TOKEN);
            assertThat(e.vendorCode()).contains("invalid_client");
            assertThat(e.getMessage()).contains("form body").contains("Basic header")
                    .contains("check the client id and secret").doesNotContain("wrong-Zq81");
            assertThat(e.getSuppressed()).hasSize(1);
        }

        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)).withHeader("Authorization", absent()));
        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)).withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Basic .+")));
        wm.verify(0, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void aRefusalThatIsNotAboutTheClientIsNotTriedAgain() {
        wm.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"unsupported_grant_type\",\"error_description\":\"no\"}")));

        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "s3cret")).build()) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> c.sessions().list());
            assertThat(e.vendorCode()).contains("unsupported_grant_type");
        }

        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void aFixedFormIsTheOnlyOneSent() {
        olderServer(401);

        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "s3cret").withBasicAuthHeader()).build()) {
            assertThat(c.sessions().list()).hasSize(2);
        }
        try (SenhaseguraClient c = builder(SenhaseguraCredentials.oauth2("app", "s3cret").withFormBody()).build()) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> c.sessions().list());
            assertThat(e.getMessage()).doesNotContain("Basic header");
        }

        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)).withHeader("Authorization", equalTo(BASIC)));
        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)).withHeader("Authorization", absent()));
    }

    @Test
    void theCredentialsSayWhichFormTheyUse() {
        assertThat(SenhaseguraCredentials.oauth2("app", "s3cret").toString()).contains("clientAuth=auto")
                .doesNotContain("s3cret");
        assertThat(SenhaseguraCredentials.oauth2("app", "s3cret").withFormBody().toString()).contains("clientAuth=form-body");
        assertThat(SenhaseguraCredentials.oauth2("app", "s3cret").withBasicAuthHeader().withFormBody().toString())
                .contains("clientAuth=form-body");
    }
}
