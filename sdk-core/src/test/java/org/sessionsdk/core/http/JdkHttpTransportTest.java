package org.sessionsdk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.error.TransportException;

class JdkHttpTransportTest {
    /** Reads one request head byte for byte (WireMock's Jetty masks non-ASCII octets) and answers 200. */
    private static CompletableFuture<byte[]> captureOneRequest(ServerSocket server) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    head.write(b);
                    byte[] h = head.toByteArray();
                    int n = h.length;
                    if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                        break;
                    }
                }
                OutputStream out = s.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return head.toByteArray();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void sendsPunctuationInHeaderValuesVerbatim() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             JdkHttpTransport t = JdkHttpTransport.builder().http2(false).build()) {
            CompletableFuture<byte[]> seen = captureOneRequest(server);
            SdkHttpRequest r = SdkHttpRequest.builder().method("GET")
                    .uri(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/x"))
                    .header("HTTP_AUTH_PASSWD", "p&<>\"'%;=+/ ss").build();
            try (SdkHttpResponse resp = t.send(r, Duration.ofSeconds(10))) {
                assertThat(resp.statusCode()).isEqualTo(200);
            }
            String head = new String(seen.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            assertThat(head).containsIgnoringCase("HTTP_AUTH_PASSWD: p&<>\"'%;=+/ ss\r\n");
        }
    }

    @Test
    void refusesNonAsciiHeaderValuesInsteadOfSendingQuestionMarks() {
        try (JdkHttpTransport t = JdkHttpTransport.builder().build()) {
            SdkHttpRequest r = SdkHttpRequest.builder().method("GET").uri(URI.create("http://127.0.0.1:9/x"))
                    .header("HTTP_AUTH_PASSWD", "pässwörd").build();
            assertThatThrownBy(() -> t.send(r, Duration.ofSeconds(1))).isInstanceOf(SdkException.class)
                    .hasMessageContaining("HTTP_AUTH_PASSWD").hasMessageNotContaining("pässwörd");
        }
    }

    /**
     * Accepts one connection and answers with {@code answer} (possibly nothing), then holds it open
     * until the returned latch is released (the test is over) or ten seconds pass.
     */
    private static CountDownLatch answerAndStall(ServerSocket server, String answer) {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> {
            try (Socket s = server.accept()) {
                if (!answer.isEmpty()) {
                    s.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                }
                s.getInputStream().read(new byte[8192]);
                release.await(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the client gave up, as the test wants
            }
        });
        return release;
    }

    /** The SPI's timeout is the SDK's own type: nothing above the transport needs java.net.http. */
    @Test
    void noResponseHeadersInTimeIsAResponseTimeoutInSdkTerms() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             JdkHttpTransport t = JdkHttpTransport.builder().http2(false).build()) {
            CountDownLatch stalled = answerAndStall(server, "");
            SdkHttpRequest r = SdkHttpRequest.builder().method("GET")
                    .uri(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/x")).build();
            try {
                assertThatThrownBy(() -> t.send(r, Duration.ofMillis(300)))
                        .isInstanceOfSatisfying(TransportTimeoutException.class,
                                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.RESPONSE_TIMEOUT));
            } finally {
                stalled.countDown();
            }
        }
    }

    @Test
    void aStalledBodyIsAReadTimeoutInSdkTerms() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             JdkHttpTransport t = JdkHttpTransport.builder().http2(false).readTimeout(Duration.ofMillis(300)).build()) {
            CountDownLatch stalled = answerAndStall(server, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n[");
            SdkHttpRequest r = SdkHttpRequest.builder().method("GET")
                    .uri(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/x")).build();
            try (SdkHttpResponse resp = t.send(r, Duration.ofSeconds(10))) {
                InputStream body = resp.body();
                assertThat(body.read()).isEqualTo('[');
                assertThatThrownBy(body::read)
                        .isInstanceOfSatisfying(TransportTimeoutException.class,
                                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.READ_TIMEOUT));
            } finally {
                stalled.countDown();
            }
        }
    }
}
