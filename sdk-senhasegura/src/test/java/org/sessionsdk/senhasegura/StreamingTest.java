package org.sessionsdk.senhasegura;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.GeneratedBody;
import org.sessionsdk.core.testing.StreamingServer;

/** Long and stalling lists on a real loopback server (OAuth 1, so no token endpoint is needed). */
class StreamingTest {
    private static final String LIST = "/api/session/remotesessions";
    private static final String PREFIX = "{\"code\":200,\"response\":" + Bodies.OK_RESPONSE + ",\"remote_sessions\":[";

    private static SenhaseguraClient.Builder builder(URI endpoint) {
        return SenhaseguraClient.builder().endpoint(endpoint).retryPolicy(RetryPolicy.none()).http2(false)
                .credentials(SenhaseguraCredentials.oauth1("ck", "cs", "tk", "ts"));
    }

    private static String session(int i) {
        return "{\"id\":\"" + i + "\",\"user\":\"user" + (i % 97) + "\",\"origin_ip\":\"10.1." + (i % 250) + ".7\","
                + "\"credential\":\"svc-account\",\"device\":\"host" + i + ":22\",\"protocol\":\"ssh\","
                + "\"proxy\":\"SSH Proxy\",\"session_id\":\"" + String.format("%040x", i) + "\","
                + "\"start\":\"2024-05-06 16:05:07\",\"end\":\"2024-05-06 17:05:07\",\"time\":\"01:00:00\","
                + "\"prevent_purge\":\"No\",\"request\":null,\"ITSM\":null}";
    }

    @Test
    void twoHundredThousandSessionsStreamOneAtATime() {
        int n = 200_000;
        try (StreamingServer server = StreamingServer.start(LIST, "application/json",
                () -> GeneratedBody.of(PREFIX, n, StreamingTest::session, ",", "]}"));
             SenhaseguraClient client = builder(server.endpoint()).build();
             Stream<SenhaseguraSession> sessions = client.sessions().stream()) {

            Iterator<SenhaseguraSession> it = sessions.iterator();
            SenhaseguraSession first = it.next();
            long sentWhenFirstArrived = server.bytesSent();
            long count = 1;
            SenhaseguraSession last = first;
            while (it.hasNext()) {
                SenhaseguraSession s = it.next();
                assertThat(s.id()).isEqualTo(Long.toString(count));
                count++;
                last = s;
            }

            assertThat(first.id()).isEqualTo("0");
            assertThat(count).isEqualTo(n);
            assertThat(last.sessionId()).isEqualTo(String.format("%040x", n - 1));
            assertThat(last.duration()).isEqualTo(Duration.ofHours(1));
            // The first record was handed out while most of the body was still unsent: nothing buffered it.
            assertThat(server.bytesSent()).isGreaterThan(50L * 1024 * 1024);
            assertThat(sentWhenFirstArrived).isLessThan(server.bytesSent() / 4);
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void aBodyThatStallsMidwayTimesOutAndTheConnectionIsClosed() throws Exception {
        CountDownLatch clientGaveUp = new CountDownLatch(1);
        CompletableFuture<IOException> serverSaw = new CompletableFuture<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(LIST, exchange -> {
            try {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write((PREFIX + session(1) + "," + session(2) + ",").getBytes(StandardCharsets.UTF_8));
                out.flush();
                // Stall without closing until the client has given up, then show it hung up on us.
                clientGaveUp.await(30, TimeUnit.SECONDS);
                byte[] more = (session(3) + ",").repeat(200).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 10_000; i++) {
                    out.write(more);
                    out.flush();
                }
                serverSaw.complete(null);
            } catch (IOException e) {
                serverSaw.complete(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                serverSaw.completeExceptionally(e);
            } finally {
                exchange.close();
            }
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (SenhaseguraClient client = builder(endpoint).readTimeout(Duration.ofMillis(300)).build()) {
            List<SenhaseguraSession> got = new ArrayList<>();
            TransportException e;
            try (Stream<SenhaseguraSession> s = client.sessions().stream()) {
                e = catchThrowableOfType(TransportException.class, () -> s.forEach(got::add));
            }
            clientGaveUp.countDown();

            assertThat(e.kind()).isEqualTo(TransportException.Kind.READ_TIMEOUT);
            assertThat(e.isTimeout()).isTrue();
            assertThat(got).extracting(SenhaseguraSession::id).containsExactly("1", "2");
            assertThat(serverSaw.get(30, TimeUnit.SECONDS)).as("the server's writes fail: connection closed")
                    .isInstanceOf(IOException.class);
        } finally {
            clientGaveUp.countDown();
            server.stop(0);
        }
    }
}
