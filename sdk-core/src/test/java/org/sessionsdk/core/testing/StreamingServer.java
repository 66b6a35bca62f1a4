package org.sessionsdk.core.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A real HTTP server on 127.0.0.1 that answers every request to a path with a body produced on the
 * fly (chunked), so tests can stream huge responses in constant memory. WireMock keeps bodies in
 * memory; this does not.
 */
public final class StreamingServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "streaming-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();

    private StreamingServer(String path, String contentType, Supplier<InputStream> body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            try (exchange; InputStream in = body.get()) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", contentType);
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                byte[] buf = new byte[16 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    bytesSent.addAndGet(n);
                }
            } catch (IOException clientWentAway) {
                // the client closed its stream early; that is what some tests do on purpose
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a server that answers {@code path} (and below) with a fresh body per request. */
    public static StreamingServer start(String path, String contentType, Supplier<InputStream> body) {
        try {
            return new StreamingServer(path, contentType, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int requests() {
        return requests.get();
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
