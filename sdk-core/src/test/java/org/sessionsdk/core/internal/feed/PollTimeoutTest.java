package org.sessionsdk.core.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.retry.RetryPolicy;

/**
 * A poll is bounded as a whole: a server that sends a few bytes and then nothing for a long time
 * (shorter than the read timeout each time) fails the poll at its timeout, with a typed timeout,
 * and the feed's checkpoint does not move. The client's own timeouts are an hour here: only the
 * poll timeout can end these polls.
 */
class PollTimeoutTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private ServerSocket server;
    private ClientRuntime runtime;

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        if (runtime != null) {
            runtime.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Answers every connection with {@code head}, then holds it open until the test ends. */
    private URI trickling(String head) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    int matched = 0;
                    while (matched < 4) { // the request's headers
                        int c = in.read();
                        if (c < 0) {
                            break;
                        }
                        matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    release.await();
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "trickling-server");
        t.setDaemon(true);
        t.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Reads {@code /events} whole; moves its checkpoint only when that worked. */
    private static final class ReadAll implements PollingFeed.Strategy<String> {
        private final ApiCaller caller;
        private Checkpoint cp = CheckpointState.checkpoint("test/feed", Map.of("polls", 0L));

        ReadAll(ApiCaller caller) {
            this.caller = caller;
        }

        @Override
        public List<String> poll(Instant now) {
            String body = caller.execute(Call.get("/events").build(),
                    r -> new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
            cp = CheckpointState.checkpoint("test/feed", Map.of("polls", 1L));
            return List.of(body);
        }

        @Override
        public Checkpoint checkpoint() {
            return cp;
        }

        @Override
        public void seek(Checkpoint to, Instant firstPoll) {
            cp = to;
        }
    }

    private TransportException pollOnce(URI endpoint) {
        runtime = new ClientRuntime(new org.sessionsdk.core.testing.TestConfig().endpoint(endpoint).retryPolicy(RetryPolicy.none())
                .requestTimeout(Duration.ofHours(1)).readTimeout(Duration.ofHours(1)).build(), "t");
        ReadAll strategy = new ReadAll(runtime.caller(RequestAuth.none(), ErrorDecoder.byStatus()));
        PollingFeed<String> feed = new PollingFeed<>(strategy,
                FeedOptions.builder().pollTimeout(Duration.ofMillis(300)).build());
        Checkpoint before = feed.checkpoint();

        TransportException e = catchThrowableOfType(() -> feed.poll(Duration.ZERO), TransportException.class);

        assertThat(feed.checkpoint()).isEqualTo(before);
        return e;
    }

    @Test
    @Timeout(60) // without the poll timeout this waits for the hour-long read timeout
    void aBodyThatTricklesFailsThePollAtItsTimeout() throws Exception {
        URI endpoint = trickling("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nx");

        TransportException e = pollOnce(endpoint);

        assertThat(e.kind()).isEqualTo(TransportException.Kind.CALL_TIMEOUT);
        assertThat(e.getMessage()).contains("GET /events").contains("poll timeout of PT0.3S");
    }

    @Test
    @Timeout(60)
    void headersThatTrickleFailThePollAtItsTimeout() throws Exception {
        URI endpoint = trickling("HTTP/1.1 2");

        TransportException e = pollOnce(endpoint);

        assertThat(e.isTimeout()).isTrue();
        assertThat(e.getMessage()).contains("GET /events").contains("poll timeout of PT0.3S");
    }
}
