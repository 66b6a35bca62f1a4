package org.sessionsdk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.retry.RetryPolicy;

/**
 * A connection that cannot be made says to which host and port, and why, over real sockets on
 * loopback: refused, TLS spoken to a plain-HTTP port (at once, not after the connect timeout), an
 * untrusted certificate; and a trusted TLS server still answers.
 */
class ConnectFailureTest {
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private String get(URI endpoint, org.sessionsdk.core.testing.TestConfig config) {
        ClientRuntime runtime = new ClientRuntime(config.endpoint(endpoint).retryPolicy(RetryPolicy.none()).build(), "t");
        open.add(runtime::close);
        ApiCaller caller = runtime.caller(RequestAuth.none(), ErrorDecoder.byStatus());
        return caller.execute(Call.get("/x").build(), r -> new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
    }

    private TransportException failure(URI endpoint, org.sessionsdk.core.testing.TestConfig config) {
        return catchThrowableOfType(() -> get(endpoint, config), TransportException.class);
    }

    private int plainServer() throws Exception {
        return serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "plain");
    }

    /** Answers every request with {@code body}; stopped after the test. */
    private int serve(HttpServer s, String body) {
        s.createContext("/", ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.start();
        open.add(() -> s.stop(0));
        return s.getAddress().getPort();
    }

    private int tlsServer() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("/tls/server.p12")) {
            ks.load(in, "testkit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "testkit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx));
        return serve(s, "secure");
    }

    @Test
    void refusedNamesTheHostAndPort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TransportException e = failure(URI.create("http://127.0.0.1:" + port), new org.sessionsdk.core.testing.TestConfig());

        assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT);
        assertThat(e.getMessage()).contains("GET /x").contains("cannot connect to 127.0.0.1:" + port)
                .contains("connection refused");
    }

    @Test
    @Timeout(120) // without the probe this waits out the hour-long connect timeout: fail, don't hang
    void httpsToAPlainHttpPortFailsNamingTlsBeforeTheConnectTimeout() throws Exception {
        int port = plainServer();
        // the connect timeout is far longer than the test could wait: only the probe can end this
        TransportException e = failure(URI.create("https://127.0.0.1:" + port),
                new org.sessionsdk.core.testing.TestConfig().connectTimeout(Duration.ofHours(1)).requestTimeout(Duration.ofHours(1)));

        assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT);
        assertThat(e.getMessage()).contains("TLS handshake with 127.0.0.1:" + port + " failed")
                .contains("plain HTTP, not TLS").contains("use http://127.0.0.1:" + port);
        // and the same port over http works
        assertThat(get(URI.create("http://127.0.0.1:" + port), new org.sessionsdk.core.testing.TestConfig())).isEqualTo("plain");
    }

    @Test
    void anUntrustedCertificateSaysSoAndHowToTrustIt() throws Exception {
        int port = tlsServer();
        TransportException e = failure(URI.create("https://127.0.0.1:" + port), new org.sessionsdk.core.testing.TestConfig());

        assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT);
        assertThat(e.getMessage()).contains("TLS handshake with 127.0.0.1:" + port + " failed")
                .contains("certificate is not trusted").contains("trustPem");
    }

    @Test
    void aTrustedTlsServerAnswersThroughTheProbe() throws Exception {
        int port = tlsServer();
        Path pem = Path.of(getClass().getResource("/tls/server.pem").toURI());
        org.sessionsdk.core.testing.TestConfig config = new org.sessionsdk.core.testing.TestConfig().sslContext(org.sessionsdk.core.config.TrustMaterial.fromPem(pem));

        assertThat(get(URI.create("https://127.0.0.1:" + port), config)).isEqualTo("secure");
        assertThat(get(URI.create("https://localhost:" + port), config)).isEqualTo("secure");
    }

    @Test
    void aSilentServerStillEndsWithTheConnectTimeoutNamingTheHost() throws Exception {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(silent);
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket s = silent.accept(); // accepted, never answered
                    synchronized (accepted) {
                        accepted.add(s);
                    }
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        int port = silent.getLocalPort();

        TransportException e = failure(URI.create("https://127.0.0.1:" + port),
                new org.sessionsdk.core.testing.TestConfig().connectTimeout(Duration.ofMillis(300)));

        assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT_TIMEOUT);
        assertThat(e.getMessage()).contains("no connection to 127.0.0.1:" + port + " within the connect timeout");
        synchronized (accepted) {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void aJvmWideProxySelectorMeansNoDirectProbeOfTheTarget() throws Exception {
        // the target answers plain HTTP: a direct probe would fail the call naming TLS, and count here
        AtomicInteger targetConnections = new AtomicInteger();
        int target = rawServer(socket -> {
            targetConnections.incrementAndGet();
            socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        CompletableFuture<String> proxyRequestLine = new CompletableFuture<>();
        int proxy = rawServer(socket -> {
            proxyRequestLine.complete(new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), StandardCharsets.US_ASCII)).readLine());
            socket.getOutputStream().write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        });
        ProxySelector before = ProxySelector.getDefault();
        // what -Dhttps.proxyHost gives: no proxy in the SDK's config, one for the whole JVM
        ProxySelector.setDefault(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy)));
        try {
            TransportException e = failure(URI.create("https://127.0.0.1:" + target), new org.sessionsdk.core.testing.TestConfig());

            assertThat(e.getMessage()).doesNotContain("plain HTTP");
            assertThat(proxyRequestLine.get(30, TimeUnit.SECONDS)).startsWith("CONNECT 127.0.0.1:" + target + " ");
            assertThat(targetConnections).hasValue(0);
        } finally {
            ProxySelector.setDefault(before);
        }
    }

    /** A loopback server handing each accepted socket to {@code answer}, then closing it; stopped after the test. */
    private int rawServer(SocketAnswer answer) throws Exception {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(server);
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    try (Socket s = server.accept()) {
                        answer.answer(s);
                    } catch (java.io.IOException oneConnection) {
                        if (server.isClosed()) {
                            return;
                        }
                    }
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    @FunctionalInterface
    private interface SocketAnswer {
        void answer(Socket s) throws java.io.IOException;
    }
}
