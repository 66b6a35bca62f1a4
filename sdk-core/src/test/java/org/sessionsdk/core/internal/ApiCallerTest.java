package org.sessionsdk.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.RateLimitedException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;
import org.sessionsdk.core.testing.Loopback.RecordingSleeper;

class ApiCallerTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private ClientRuntime runtime;

    @AfterEach
    void tearDown() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private ApiCaller caller(org.sessionsdk.core.testing.TestConfig b, RequestAuth auth) {
        runtime = new ClientRuntime(b.build(), "test");
        return runtime.caller(auth, ErrorDecoder.byStatus());
    }

    private org.sessionsdk.core.testing.TestConfig config() {
        return new org.sessionsdk.core.testing.TestConfig().endpoint(Loopback.endpoint(wm)).retryPolicy(Loopback.fastRetry(3, sleeper));
    }

    private static String text(ApiCaller c, Call call) {
        return c.execute(call, r -> new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
        "400, org.sessionsdk.core.error.ApiException",
        "401, org.sessionsdk.core.error.AuthenticationException",
        "403, org.sessionsdk.core.error.PermissionDeniedException",
        "404, org.sessionsdk.core.error.NotFoundException",
        "409, org.sessionsdk.core.error.ApiException",
        "429, org.sessionsdk.core.error.RateLimitedException",
        "500, org.sessionsdk.core.error.ServerException",
        "502, org.sessionsdk.core.error.ServerException",
        "503, org.sessionsdk.core.error.ServerException",
        "504, org.sessionsdk.core.error.ServerException"
    })
    void mapsEveryStatusToItsType(int status, String type) throws Exception {
        wm.stubFor(any(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(status).withBody("nope")));
        ApiCaller c = caller(config(), RequestAuth.none());

        ApiException e = catchThrowableOfType(ApiException.class, () -> text(c, Call.post("/x").build()));

        assertThat(e).isExactlyInstanceOf(Class.forName(type));
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.getMessage()).contains("POST /x").contains("HTTP " + status);
        assertThat(e.attempts()).isEqualTo(1); // a non-idempotent POST is never retried
        wm.verify(1, postRequestedFor(urlPathEqualTo("/x")));
    }

    @Test
    void retriesIdempotentReadsOn503UpToMaxAttemptsWithBoundedBackoff() {
        wm.stubFor(get(urlPathEqualTo("/r")).willReturn(aResponse().withStatus(503)));
        ApiCaller c = caller(config(), RequestAuth.none());

        ServerException e = catchThrowableOfType(ServerException.class, () -> text(c, Call.get("/r").build()));

        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.retryable()).isTrue();
        wm.verify(3, getRequestedFor(urlPathEqualTo("/r")));
        assertThat(sleeper.delays()).hasSize(2);
        // full jitter: attempt n waits in [0, base * 2^(n-1)]
        assertThat(sleeper.delays().get(0)).isBetween(Duration.ZERO, Duration.ofMillis(200));
        assertThat(sleeper.delays().get(1)).isBetween(Duration.ZERO, Duration.ofMillis(400));
    }

    @Test
    void succeedsWhenARetryDoes() {
        wm.stubFor(get(urlPathEqualTo("/flaky")).inScenario("f").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/flaky")).inScenario("f").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("fine")));
        ApiCaller c = caller(config(), RequestAuth.none());

        assertThat(text(c, Call.get("/flaky").build())).isEqualTo("fine");
        wm.verify(2, getRequestedFor(urlPathEqualTo("/flaky")));
    }

    @Test
    void retriesIdempotentPostButNeverANonIdempotentOne() {
        wm.stubFor(post(urlPathEqualTo("/read")).willReturn(aResponse().withStatus(504)));
        wm.stubFor(post(urlPathEqualTo("/write")).willReturn(aResponse().withStatus(504)));
        ApiCaller c = caller(config(), RequestAuth.none());

        assertThatThrownBy(() -> text(c, Call.post("/read").idempotent(true).build())).isInstanceOf(ServerException.class);
        assertThatThrownBy(() -> text(c, Call.post("/write").build())).isInstanceOf(ServerException.class);

        wm.verify(3, postRequestedFor(urlPathEqualTo("/read")));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/write")));
    }

    @Test
    void honoursRetryAfterSecondsExactly() {
        wm.stubFor(get(urlPathEqualTo("/slow")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/slow")).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        ApiCaller c = caller(config(), RequestAuth.none());

        assertThat(text(c, Call.get("/slow").build())).isEqualTo("ok");
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void honoursRetryAfterAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(30), ZoneOffset.UTC));
        wm.stubFor(get(urlPathEqualTo("/d")).inScenario("d").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", in30s)).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/d")).inScenario("d").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        ApiCaller c = caller(config().clock(Clock.fixed(now, ZoneOffset.UTC)), RequestAuth.none());

        assertThat(text(c, Call.get("/d").build())).isEqualTo("ok");
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void aRetryAfterBeyondTheCapFailsAtOnceWithTheServersAnswer() {
        wm.stubFor(get(urlPathEqualTo("/busy")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        ApiCaller c = caller(config(), RequestAuth.none());

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> text(c, Call.get("/busy").build()));

        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
        assertThat(sleeper.delays()).isEmpty();
        wm.verify(1, getRequestedFor(urlPathEqualTo("/busy")));
    }

    @Test
    void refreshesCredentialsOnceOn401AndResends() {
        wm.stubFor(any(urlPathEqualTo("/a")).willReturn(aResponse().withStatus(401)));
        AtomicInteger refreshes = new AtomicInteger();
        RequestAuth auth = new RequestAuth() {
            @Override
            public void authorize(SdkHttpRequest.Builder request) {
                request.header("X-Gen", String.valueOf(refreshes.get()));
            }

            @Override
            public boolean refreshAfterRejection(SdkHttpRequest rejected, ApiException rejection) {
                refreshes.incrementAndGet();
                return true;
            }
        };
        ApiCaller c = caller(config(), auth);

        ApiException e = catchThrowableOfType(ApiException.class, () -> text(c, Call.post("/a").build()));

        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(refreshes).hasValue(1);
        wm.verify(2, postRequestedFor(urlPathEqualTo("/a")));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/a")).withHeader("X-Gen", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1")));
    }

    @Test
    void connectionRefusedIsATransportErrorOfKindConnect() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ApiCaller c = caller(new org.sessionsdk.core.testing.TestConfig().endpoint(URI.create("http://127.0.0.1:" + port))
                .retryPolicy(Loopback.fastRetry(2, sleeper)), RequestAuth.none());

        TransportException e = catchThrowableOfType(TransportException.class, () -> text(c, Call.post("/w").build()));

        assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT);
        // nothing was sent, so even a write may be tried again
        assertThat(sleeper.delays()).hasSize(1);
    }

    @Test
    void aResetConnectionIsAnIoErrorAndAWriteIsNotResent() {
        wm.stubFor(post(urlPathEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ApiCaller c = caller(config(), RequestAuth.none());

        TransportException e = catchThrowableOfType(TransportException.class, () -> text(c, Call.post("/reset").build()));

        assertThat(e.kind()).isEqualTo(TransportException.Kind.IO);
        wm.verify(1, postRequestedFor(urlPathEqualTo("/reset")));
    }

    @Test
    void slowHeadersHitTheRequestTimeout() {
        wm.stubFor(get(urlPathEqualTo("/late")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        ApiCaller c = caller(config().requestTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.none()),
                RequestAuth.none());

        TransportException e = catchThrowableOfType(TransportException.class, () -> text(c, Call.get("/late").build()));

        assertThat(e.kind()).isEqualTo(TransportException.Kind.RESPONSE_TIMEOUT);
        assertThat(e.isTimeout()).isTrue();
    }

    @Test
    void aBodyThatStallsHitsTheReadTimeout() {
        wm.stubFor(get(urlPathEqualTo("/stall")).willReturn(aResponse().withStatus(200)
                .withBody("[1,2,3,4,5,6,7,8,9,10]").withChunkedDribbleDelay(2, 10_000)));
        ApiCaller c = caller(config().readTimeout(Duration.ofMillis(300)), RequestAuth.none());

        TransportException e = catchThrowableOfType(TransportException.class, () -> text(c, Call.get("/stall").build()));

        assertThat(e.kind()).isEqualTo(TransportException.Kind.READ_TIMEOUT);
    }

    @Test
    void theCallTimeoutBoundsRetries() {
        wm.stubFor(get(urlPathEqualTo("/never")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "50")));
        ApiCaller c = caller(config().callTimeout(Duration.ofSeconds(5)), RequestAuth.none());

        ServerException e = catchThrowableOfType(ServerException.class, () -> text(c, Call.get("/never").build()));

        // waiting 50 s would pass the 5 s call timeout, so the first answer is final
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void hasAVendorDecoderReadTheCappedErrorBody() {
        String huge = "{\"code\":\"E42\",\"message\":\"bad thing\"}" + " ".repeat(200_000);
        wm.stubFor(get(urlPathEqualTo("/err")).willReturn(aResponse().withStatus(400).withBody(huge)));
        runtime = new ClientRuntime(config().build(), "test");
        int[] seen = new int[1];
        ApiCaller c = runtime.caller(RequestAuth.none(), ctx -> {
            seen[0] = ctx.body().length;
            String[] cm = JsonSupport.twoStrings(ctx.body(), "code", "message");
            return ctx.byStatus(cm[0], cm[1]);
        });

        ApiException e = catchThrowableOfType(ApiException.class, () -> text(c, Call.get("/err").build()));

        assertThat(seen[0]).isEqualTo(ApiCaller.ERROR_BODY_LIMIT);
        assertThat(e.vendorCode()).contains("E42");
        assertThat(e.vendorMessage()).contains("bad thing");
        assertThat(e.getMessage()).contains("vendor error E42: bad thing");
    }

    @Test
    void joinsAnEndpointPathPrefixAndEncodesTheQuery() {
        runtime = new ClientRuntime(new org.sessionsdk.core.testing.TestConfig().endpoint(URI.create("https://h.example:8443/base/")).build(), "t");
        ApiCaller c = runtime.caller(RequestAuth.none(), ErrorDecoder.byStatus());

        URI u = c.resolve(Call.get("/node/api").query("q", "a b&c=d").query("n", 5).build());

        assertThat(u.toString()).isEqualTo("https://h.example:8443/base/node/api?q=a%20b%26c%3Dd&n=5");
    }
}
