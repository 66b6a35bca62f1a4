package org.sessionsdk.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.feed.CheckpointState;
import org.sessionsdk.core.internal.feed.PollingFeed;
import org.sessionsdk.core.internal.json.JsonArrayStream;
import org.sessionsdk.core.internal.pipeline.HttpPipeline;
import org.sessionsdk.core.observe.AttemptEnded;
import org.sessionsdk.core.observe.AttemptStarted;
import org.sessionsdk.core.observe.CallEnded;
import org.sessionsdk.core.observe.CallInfo;
import org.sessionsdk.core.observe.CallListener;
import org.sessionsdk.core.observe.CallStarted;
import org.sessionsdk.core.observe.FeedPolled;
import org.sessionsdk.core.observe.HeaderSetter;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.CapturedLogs;
import org.sessionsdk.core.testing.Loopback;
import org.sessionsdk.core.testing.Loopback.RecordingSleeper;

class CallListenerTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    private static final JsonArrayStream<Integer> IDS = JsonArrayStream.of("items", o -> o.int32("id")).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final Recorder events = new Recorder();
    private ClientRuntime runtime;

    @AfterEach
    void tearDown() {
        if (runtime != null) {
            runtime.close();
        }
    }

    /** Keeps every event in order. */
    static final class Recorder implements CallListener {
        final List<Object> all = new ArrayList<>();
        final Map<String, String> addHeaders;

        Recorder() {
            this(Map.of());
        }

        Recorder(Map<String, String> addHeaders) {
            this.addHeaders = addHeaders;
        }

        @Override
        public synchronized void callStarted(CallStarted event) {
            all.add(event);
        }

        @Override
        public synchronized void attemptStarted(AttemptStarted event, HeaderSetter headers) {
            all.add(event);
            addHeaders.forEach(headers::set);
        }

        @Override
        public synchronized void attemptEnded(AttemptEnded event) {
            all.add(event);
        }

        @Override
        public synchronized void callEnded(CallEnded event) {
            all.add(event);
        }

        @Override
        public synchronized void feedPolled(FeedPolled event) {
            all.add(event);
        }

        synchronized <T> List<T> of(Class<T> type) {
            return all.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
        }

        synchronized List<String> kinds() {
            return all.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toList());
        }
    }

    private ApiCaller caller(CallListener... listeners) {
        return caller(Loopback.fastRetry(3, sleeper), listeners);
    }

    private ApiCaller caller(RetryPolicy retry, CallListener... listeners) {
        org.sessionsdk.core.testing.TestConfig b = new org.sessionsdk.core.testing.TestConfig().endpoint(Loopback.endpoint(wm)).retryPolicy(retry);
        for (CallListener l : listeners) {
            b.listener(l);
        }
        runtime = new ClientRuntime(b.build(), "testvendor");
        return runtime.caller(RequestAuth.none(), ErrorDecoder.byStatus());
    }

    private static Call item() {
        return Call.get("/api/items/42").operation("GET /api/items/{id}").query("apikey", "s3cret").build();
    }

    private static String array(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "{\"id\":" + i + ",\"pad\":\"" + "x".repeat(40) + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static List<Integer> readAll(ApiCaller c, Call call) {
        CallResponse r = c.execute(call);
        try (Stream<Integer> s = IDS.stream(r.body(), r)) {
            return s.toList();
        }
    }

    @Test
    void aStreamedSuccessReportsEveryField() {
        String body = array(3);
        wm.stubFor(get(urlPathEqualTo("/api/items/42")).willReturn(aResponse().withStatus(200)
                .withHeader("X-Request-Id", "req-1").withBody(body)));
        ApiCaller c = caller(events);

        assertThat(readAll(c, item())).containsExactly(1, 2, 3);

        assertThat(events.kinds()).containsExactly("CallStarted", "AttemptStarted", "AttemptEnded", "CallEnded");
        CallInfo info = events.of(CallStarted.class).get(0).call();
        assertThat(info.vendor()).isEqualTo("testvendor");
        assertThat(info.operation()).isEqualTo("GET /api/items/{id}");
        assertThat(info.method()).isEqualTo("GET");
        assertThat(info.serverAddress()).isEqualTo("127.0.0.1");
        assertThat(info.serverPort()).isEqualTo(wm.getPort());
        assertThat(info.callId()).isPositive();

        AttemptStarted as = events.of(AttemptStarted.class).get(0);
        assertThat(as.call()).isSameAs(info);
        assertThat(as.attempt()).isEqualTo(1);
        assertThat(as.resendCount()).isZero();
        assertThat(as.retryReason()).isNull();
        assertThat(as.retryDelay()).isNull();

        AttemptEnded ae = events.of(AttemptEnded.class).get(0);
        assertThat(ae.call()).isSameAs(info);
        assertThat(ae.attempt()).isEqualTo(1);
        assertThat(ae.statusCode()).isEqualTo(200);
        assertThat(ae.requestId()).isEqualTo("req-1");
        assertThat(ae.exceptionType()).isNull();
        assertThat(ae.failed()).isFalse();
        assertThat(ae.duration().isNegative()).isFalse();

        CallEnded ce = events.of(CallEnded.class).get(0);
        assertThat(ce.call()).isSameAs(info);
        assertThat(ce.attempts()).isEqualTo(1);
        assertThat(ce.statusCode()).isEqualTo(200);
        assertThat(ce.bytesRead()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        assertThat(ce.recordsParsed()).isEqualTo(3);
        assertThat(ce.requestId()).isEqualTo("req-1");
        assertThat(ce.exceptionType()).isNull();
        assertThat(ce.failed()).isFalse();
        assertThat(ce.duration()).isGreaterThanOrEqualTo(ae.duration());
        assertThat(events.all.toString()).doesNotContain("s3cret").doesNotContain("/42");
    }

    @Test
    void anOperationWithoutANameIsItsMethodNotItsPath() {
        wm.stubFor(get(urlPathEqualTo("/api/items/42")).willReturn(aResponse().withStatus(200).withBody("[]")));
        readAll(caller(events), Call.get("/api/items/42").build());
        assertThat(events.of(CallStarted.class).get(0).call().operation()).isEqualTo("GET");
    }

    @Test
    void anHttpErrorEndsTheAttemptWithItsStatusAndTheCallWithItsException() {
        wm.stubFor(get(urlPathEqualTo("/api/items/42")).willReturn(aResponse().withStatus(404)
                .withHeader("Request-Id", "req-404").withBody("{\"error\":\"no\"}")));
        ApiCaller c = caller(events);

        assertThatThrownBy(() -> readAll(c, item())).isInstanceOf(NotFoundException.class);

        assertThat(events.kinds()).containsExactly("CallStarted", "AttemptStarted", "AttemptEnded", "CallEnded");
        AttemptEnded ae = events.of(AttemptEnded.class).get(0);
        assertThat(ae.statusCode()).isEqualTo(404);
        assertThat(ae.exceptionType()).isNull();
        assertThat(ae.requestId()).isEqualTo("req-404");
        assertThat(ae.failed()).isTrue();
        CallEnded ce = events.of(CallEnded.class).get(0);
        assertThat(ce.statusCode()).isEqualTo(404);
        assertThat(ce.attempts()).isEqualTo(1);
        assertThat(ce.exceptionType()).isEqualTo(NotFoundException.class.getName());
        assertThat(ce.bytesRead()).isZero();
        assertThat(ce.recordsParsed()).isZero();
    }

    @Test
    void aTransportErrorEndsTheAttemptWithoutStatusAndTheCallWithTheException() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        runtime = new ClientRuntime(new org.sessionsdk.core.testing.TestConfig().endpoint(URI.create("http://127.0.0.1:" + closedPort))
                .retryPolicy(RetryPolicy.none()).listener(events).build(), "testvendor");
        ApiCaller c = runtime.caller(RequestAuth.none(), ErrorDecoder.byStatus());

        assertThatThrownBy(() -> readAll(c, item())).isInstanceOf(TransportException.class);

        assertThat(events.kinds()).containsExactly("CallStarted", "AttemptStarted", "AttemptEnded", "CallEnded");
        AttemptEnded ae = events.of(AttemptEnded.class).get(0);
        assertThat(ae.statusCode()).isZero();
        assertThat(ae.exceptionType()).isEqualTo(TransportException.class.getName());
        assertThat(ae.requestId()).isNull();
        assertThat(ae.failed()).isTrue();
        CallEnded ce = events.of(CallEnded.class).get(0);
        assertThat(ce.statusCode()).isZero();
        assertThat(ce.exceptionType()).isEqualTo(TransportException.class.getName());
        assertThat(events.of(CallStarted.class).get(0).call().serverPort()).isEqualTo(closedPort);
    }

    @Test
    void retriesShowAsAttemptsWithTheirReasonAndDelay() {
        wm.stubFor(get(urlPathEqualTo("/api/items/42")).inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")).willSetStateTo("reset"));
        wm.stubFor(get(urlPathEqualTo("/api/items/42")).inScenario("r").whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/api/items/42")).inScenario("r").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(array(2))));
        ApiCaller c = caller(events);

        assertThat(readAll(c, item())).containsExactly(1, 2);

        assertThat(events.kinds()).containsExactly("CallStarted", "AttemptStarted", "AttemptEnded",
                "AttemptStarted", "AttemptEnded", "AttemptStarted", "AttemptEnded", "CallEnded");
        List<AttemptStarted> starts = events.of(AttemptStarted.class);
        assertThat(starts).extracting(AttemptStarted::attempt).containsExactly(1, 2, 3);
        assertThat(starts).extracting(AttemptStarted::resendCount).containsExactly(0, 1, 2);
        assertThat(starts).extracting(AttemptStarted::retryReason).containsExactly(null, "503", "io");
        assertThat(starts.get(0).retryDelay()).isNull();
        assertThat(List.of(starts.get(1).retryDelay(), starts.get(2).retryDelay())).isEqualTo(sleeper.delays());
        assertThat(starts.get(1).retryDelay()).isEqualTo(Duration.ofSeconds(2));

        List<AttemptEnded> ends = events.of(AttemptEnded.class);
        assertThat(ends).extracting(AttemptEnded::statusCode).containsExactly(503, 0, 200);
        assertThat(ends).extracting(AttemptEnded::exceptionType)
                .containsExactly(null, TransportException.class.getName(), null);
        CallEnded ce = events.of(CallEnded.class).get(0);
        assertThat(ce.attempts()).isEqualTo(3);
        assertThat(ce.statusCode()).isEqualTo(200);
        assertThat(ce.recordsParsed()).isEqualTo(2);
        assertThat(ce.exceptionType()).isNull();
    }

    @Test
    void aStreamClosedEarlyReportsWhatWasReadWhenItCloses() {
        String body = array(5_000);
        wm.stubFor(get(urlPathEqualTo("/api/items/42")).willReturn(aResponse().withStatus(200).withBody(body)));
        ApiCaller c = caller(events);

        CallResponse r = c.execute(item());
        Stream<Integer> s = IDS.stream(r.body(), r);
        Iterator<Integer> it = s.iterator();
        assertThat(it.next()).isEqualTo(1);
        assertThat(it.next()).isEqualTo(2);
        assertThat(events.of(CallEnded.class)).isEmpty();
        s.close();

        CallEnded ce = events.of(CallEnded.class).get(0);
        assertThat(ce.recordsParsed()).isEqualTo(2);
        assertThat(ce.bytesRead()).isPositive().isLessThan(body.length());
        assertThat(ce.exceptionType()).isNull();
        s.close();
        assertThat(events.of(CallEnded.class)).hasSize(1);
    }

    @Test
    void aBodyThatFailsToParseEndsTheCallWithTheParseError() {
        wm.stubFor(get(urlPathEqualTo("/api/items/42")).willReturn(aResponse().withStatus(200)
                .withBody("[{\"id\":1},{\"id\":")));
        ApiCaller c = caller(events);

        assertThatThrownBy(() -> readAll(c, item())).isInstanceOf(ResponseFormatException.class);

        CallEnded ce = events.of(CallEnded.class).get(0);
        assertThat(events.of(CallEnded.class)).hasSize(1);
        assertThat(ce.statusCode()).isEqualTo(200);
        assertThat(ce.recordsParsed()).isEqualTo(1);
        assertThat(ce.exceptionType()).isEqualTo(ResponseFormatException.class.getName());
    }

    @Test
    void aBodyHandlerThatThrowsEndsTheCallWithItsException() {
        wm.stubFor(get(urlPathEqualTo("/api/items/42")).willReturn(aResponse().withStatus(200).withBody("oops")));
        ApiCaller c = caller(events);

        assertThatThrownBy(() -> c.execute(item(), r -> {
            r.body().readAllBytes();
            throw new ResponseFormatException("JSON", "text", "test");
        })).isInstanceOf(ResponseFormatException.class);

        CallEnded ce = events.of(CallEnded.class).get(0);
        assertThat(ce.bytesRead()).isEqualTo(4);
        assertThat(ce.exceptionType()).isEqualTo(ResponseFormatException.class.getName());
    }

    @Test
    void aThrowingListenerNeverBreaksACallAndIsLoggedOnce() {
        wm.stubFor(get(urlPathEqualTo("/api/items/42")).willReturn(aResponse().withStatus(200).withBody(array(2))));
        CallListener broken = new CallListener() {
            @Override
            public void callStarted(CallStarted event) {
                throw new IllegalStateException("boom in callStarted");
            }

            @Override
            public void attemptStarted(AttemptStarted event, HeaderSetter headers) {
                throw new IllegalStateException("boom in attemptStarted");
            }

            @Override
            public void attemptEnded(AttemptEnded event) {
                throw new IllegalStateException("boom in attemptEnded");
            }

            @Override
            public void callEnded(CallEnded event) {
                throw new IllegalStateException("boom in callEnded");
            }
        };
        ApiCaller c = caller(broken, events);
        int mark = CapturedLogs.mark();

        assertThat(readAll(c, item())).containsExactly(1, 2);
        assertThat(readAll(c, item())).containsExactly(1, 2);

        assertThat(events.of(CallEnded.class)).hasSize(2);
        List<CapturedLogs.Line> warned = CapturedLogs.since(mark).stream()
                .filter(l -> l.message().contains("call listener")).toList();
        assertThat(warned).hasSize(1);
        assertThat(warned.get(0).level()).isEqualTo("WARN");
        assertThat(warned.get(0).message()).contains(broken.getClass().getName()).contains("boom in callStarted");
    }

    @Test
    void aListenerAddsHeadersButCannotChangeTheRequestsOwn() {
        wm.stubFor(get(urlPathEqualTo("/api/items/42")).willReturn(aResponse().withStatus(200).withBody("[]")));
        Recorder adding = new Recorder(Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "User-Agent", "evil"));
        ApiCaller c = caller(adding);

        readAll(c, item());

        wm.verify(getRequestedFor(urlPathEqualTo("/api/items/42"))
                .withHeader("traceparent", equalTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
                .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.matching("sessionsdk/.*")));
    }

    @Test
    void withoutListenersThePipelineHasNoListenerStep() {
        ApiCaller c = caller();
        assertThat(c.pipeline().policies()).extracting(p -> p.getClass().getSimpleName())
                .doesNotContain("CallListenerPolicy");
        HttpPipeline with = caller(events).pipeline();
        assertThat(with.policies()).extracting(p -> p.getClass().getSimpleName())
                .containsSubsequence("ErrorMappingPolicy", "CallListenerPolicy", "LoggingPolicy");
    }

    @Test
    void aFeedReportsEachPoll() throws InterruptedException {
        List<List<String>> polls = new ArrayList<>(List.of(List.of("a", "b"), List.of()));
        PollingFeed.Strategy<String> strategy = new PollingFeed.Strategy<>() {
            private Checkpoint cp = CheckpointState.checkpoint("test/feed", Map.of("n", 0L));

            @Override
            public List<String> poll(Instant now) {
                if (polls.isEmpty()) {
                    throw new IllegalStateException("server down");
                }
                List<String> got = polls.remove(0);
                cp = CheckpointState.checkpoint("test/feed", Map.of("n", (long) got.size(), "at", now.toString()));
                return got;
            }

            @Override
            public Checkpoint checkpoint() {
                return cp;
            }

            @Override
            public void seek(Checkpoint to, Instant firstPoll) {
                cp = to;
            }
        };
        org.sessionsdk.core.testing.MutableClock clock = new org.sessionsdk.core.testing.MutableClock(
                Instant.parse("2026-01-01T00:00:00Z"));
        PollingFeed<String> feed = new PollingFeed<>(strategy,
                FeedOptions.builder().clock(clock).pollInterval(Duration.ofSeconds(10)).listener(events).build());

        assertThat(feed.poll(Duration.ZERO).items()).containsExactly("a", "b");
        assertThat(feed.poll(Duration.ZERO).items()).isEmpty(); // too early: no poll, no event
        clock.advance(Duration.ofSeconds(10));
        assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> feed.poll(Duration.ZERO)).hasMessageContaining("server down");

        List<FeedPolled> got = events.of(FeedPolled.class);
        assertThat(got).extracting(FeedPolled::feed).containsOnly("test/feed");
        assertThat(got).extracting(FeedPolled::items).containsExactly(2, 0, 0);
        assertThat(got).extracting(FeedPolled::exceptionType)
                .containsExactly(null, null, IllegalStateException.class.getName());
        assertThat(got.get(2).checkpointSize()).isEqualTo(strategy.checkpoint().toString().length());
        assertThat(got).allSatisfy(p -> assertThat(p.duration().isNegative()).isFalse());
        assertThat(got).allSatisfy(p -> assertThat(p.checkpointSize()).isPositive());
    }
}
