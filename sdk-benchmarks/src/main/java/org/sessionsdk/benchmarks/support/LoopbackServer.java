package org.sessionsdk.benchmarks.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sessionsdk.benchmarks.vendor.WireFormat;

/**
 * A JDK HTTP server on 127.0.0.1 (ephemeral port) that answers a vendor's list call on any path:
 * either a fixed body (sent with Content-Length) or {@code records} generated on the fly (chunked,
 * never held). Also answers an OAuth 2 token request (senhasegura's), and {@code skip}/{@code limit} pages
 * where the list pages so (SAYMON's).
 */
public final class LoopbackServer implements AutoCloseable {
    static {
        // The JDK server leaves Nagle on: a response written as headers then body would wait for the
        // client's delayed ACK (~40 ms per call on Linux). A real server sets TCP_NODELAY; so do we.
        // Must be set before the first HttpServer is created (read once by sun.net.httpserver.ServerConfig).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final byte[] TOKEN = "{\"access_token\":\"bench-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
            .getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final ExecutorService executor;
    private final WireFormat wire;
    private final byte[] fixed;
    private final int records;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();

    private LoopbackServer(WireFormat wire, byte[] fixed, int records, int threads) {
        this.wire = wire;
        this.fixed = fixed;
        this.records = records;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "loopback-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Answers with the same bytes every time. */
    public static LoopbackServer fixed(WireFormat wire, byte[] body, int threads) {
        return new LoopbackServer(wire, body, 0, threads);
    }

    /** Answers with {@code records} records generated as they are sent. */
    public static LoopbackServer generating(WireFormat wire, int records) {
        return new LoopbackServer(wire, null, records, 2);
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

    private void handle(HttpExchange ex) {
        requests.incrementAndGet();
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getRawPath();
            if (path.endsWith("/oauth2/token")) {
                sendFixed(ex, "application/json", TOKEN);
                return;
            }
            if (fixed != null) {
                sendFixed(ex, wire.contentType(), fixed);
                return;
            }
            int from = 0;
            int to = records;
            if (wire.pagedBySkipAndLimit()) {
                long skip = param(ex.getRequestURI().getRawQuery(), "skip", 0);
                long limit = param(ex.getRequestURI().getRawQuery(), "limit", records);
                from = (int) Math.min(skip, records);
                to = (int) Math.min(skip + limit, records);
            }
            ex.getResponseHeaders().add("Content-Type", wire.contentType());
            ex.sendResponseHeaders(200, 0);
            try (InputStream in = new GeneratedBody(wire, from, to); OutputStream out = ex.getResponseBody()) {
                byte[] buf = new byte[32 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    bytesSent.addAndGet(n);
                }
            }
        } catch (IOException clientWentAway) {
            // the client closed early; nothing to do
        }
    }

    private void sendFixed(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
        bytesSent.addAndGet(body.length);
    }

    private static long param(String query, String name, long dflt) {
        if (query == null) {
            return dflt;
        }
        for (String kv : query.split("&")) {
            if (kv.startsWith(name + "=")) {
                return Long.parseLong(kv.substring(name.length() + 1));
            }
        }
        return dflt;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
