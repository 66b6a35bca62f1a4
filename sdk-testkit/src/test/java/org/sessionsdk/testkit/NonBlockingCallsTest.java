package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonSessionQuery;

/**
 * The asynchronous calls hold no thread while the server has not answered: 256 calls held at a gate
 * in front of a simulator are in flight together while the SDK's threads stay the few it always has;
 * and what the pipeline does (retry with backoff, a login refreshed after a 401, a feed's poll) works
 * the same way asynchronously.
 */
class NonBlockingCallsTest {

    /** The SDK's threads alive now: its HTTP and async pools (the JDK client's selector is not named so). */
    private static Set<String> sdkThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("sessionsdk-")).collect(Collectors.toSet());
    }

    @Test
    void twoHundredFiftySixCallsWaitingForTheServerHoldNoThreadOfTheSdk() throws Exception {
        try (EkranSimulator sim = EkranSimulator.start().withSessions(5);
             Gate gate = new Gate(sim.endpoint());
             EkranClient ekran = sim.clientBuilder().endpoint(gate.endpoint()).build()) {
            List<CompletableFuture<List<EkranSession>>> calls = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                calls.add(ekran.sessions().listAsync(EkranSessionQuery.all()));
            }
            assertThat(gate.arrived.await(60, TimeUnit.SECONDS)).as("all 256 requests reached the server").isTrue();
            Set<String> during = sdkThreads();
            assertThat(calls).noneMatch(CompletableFuture::isDone);
            gate.open.countDown();
            for (CompletableFuture<List<EkranSession>> c : calls) {
                assertThat(c.get(60, TimeUnit.SECONDS)).hasSize(5);
            }
            // the shared pools, whatever the number of calls: 4 HTTP threads, 4 async, 1 timer; 12 leaves room
            assertThat(during).as("SDK threads while 256 calls waited: %s", during).hasSizeLessThanOrEqualTo(12);
        }
    }

    @Test
    void aRetryAndALoginRefreshedAfterA401RunAsynchronously() {
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(4);
             SaymonClient saymon = sim.clientBuilder()
                     .credentials(org.sessionsdk.saymon.SaymonCredentials.session(SaymonSimulator.LOGIN,
                             SaymonSimulator.PASSWORD)).build()) {
            int all = saymon.sessions().list(SaymonSessionQuery.all()).size();
            int requests = sim.requestCount();
            sim.faults().failNext(503, "busy");
            assertThat(saymon.sessions().listAsync(SaymonSessionQuery.all()).join()).hasSize(all);
            assertThat(sim.requestCount() - requests).as("the 503, then the retry").isEqualTo(2);
            sim.expireSessions();
            assertThat(saymon.sessions().listAsync(SaymonSessionQuery.all()).join()).hasSize(all);
            assertThat(sim.logins()).as("the first login, then one after the session expired").isEqualTo(2);
        }
    }

    @Test
    void aFeedPollsAsynchronouslyAndItsCheckpointIsTheBlockingPollsOne() throws Exception {
        try (EkranSimulator sim = EkranSimulator.start().withSessions(6);
             EkranClient a = sim.client();
             EkranClient b = sim.client();
             Feed<SessionChange> async = a.sessionFeed(FeedOptions.builder().since(sim.anchor().minusSeconds(86_400 * 30)).build());
             Feed<SessionChange> blocking = b.sessionFeed(FeedOptions.builder().since(sim.anchor().minusSeconds(86_400 * 30)).build())) {
            FeedBatch<SessionChange> x = async.pollAsync().get(60, TimeUnit.SECONDS);
            FeedBatch<SessionChange> y = blocking.poll(java.time.Duration.ZERO);
            assertThat(x.items()).isNotEmpty();
            assertThat(x.items()).extracting(c -> c.type() + " " + c.session().id())
                    .containsExactlyElementsOf(y.items().stream().map(c -> c.type() + " " + c.session().id()).toList());
            // not due again: complete at once, empty, the checkpoint unchanged
            FeedBatch<SessionChange> early = async.pollAsync().getNow(null);
            assertThat(early).isNotNull();
            assertThat(early.items()).isEmpty();
            assertThat(early.checkpoint().toString()).isEqualTo(x.checkpoint().toString());
        }
    }

    /** A server in front of another that holds every request until opened, counting those that arrived. */
    private static final class Gate implements AutoCloseable {
        final CountDownLatch arrived = new CountDownLatch(256);
        final CountDownLatch open = new CountDownLatch(1);
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI target;

        Gate(URI target) throws IOException {
            this.target = target;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.setExecutor(threads);
            server.createContext("/", this::handle);
            server.start();
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target.getRawPath());
        }

        private void handle(HttpExchange ex) throws IOException {
            arrived.countDown();
            try (ex) {
                open.await(60, TimeUnit.SECONDS);
                String base = "http://" + target.getRawAuthority();
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + ex.getRequestURI()));
                ex.getRequestHeaders().forEach((name, values) -> {
                    if (!Set.of("host", "connection", "content-length", "upgrade", "http2-settings")
                            .contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        values.forEach(v -> b.header(name, v));
                    }
                });
                byte[] body;
                try (InputStream in = ex.getRequestBody()) {
                    body = in.readAllBytes();
                }
                b.method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                r.headers().map().forEach((name, values) -> {
                    if (!name.startsWith(":") && !name.equalsIgnoreCase("content-length")
                            && !name.equalsIgnoreCase("transfer-encoding")) {
                        ex.getResponseHeaders().put(name, values);
                    }
                });
                ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(r.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            open.countDown();
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
