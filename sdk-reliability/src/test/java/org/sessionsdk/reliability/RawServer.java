package org.sessionsdk.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An HTTP/1.1 server on 127.0.0.1 written on raw sockets, so a test can answer with bytes no real server
 * library would send: a reset, nothing at all, random data, a broken chunk, a stall before or after the
 * headers. It counts requests per path and the connections it accepted and saw closed, so tests can
 * assert that a write was sent exactly once and that no connection is left open.
 */
final class RawServer implements AutoCloseable {
    /** One request as received. */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {
    }

    /** What to do with one request. */
    sealed interface Action permits Respond, Reset, CloseSilently, Garbage, Stall {
    }

    /** Write these bytes (a whole HTTP response, or a part of one), then keep the connection or close it. */
    record Respond(byte[] bytes, boolean close, boolean stallAfter) implements Action {
    }

    /** Close with an RST (SO_LINGER 0). */
    record Reset() implements Action {
    }

    /** Close without sending a byte. */
    record CloseSilently() implements Action {
    }

    /** Random bytes, then close. */
    record Garbage(byte[] bytes) implements Action {
    }

    /** Read the request and never answer, until the client hangs up or the server closes. */
    record Stall() implements Action {
    }

    private final ServerSocket socket;
    private final ExecutorService pool;
    private final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closedConnections = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Function<Request, Action> behaviour;

    RawServer(Function<Request, Action> behaviour) throws IOException {
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "raw-server-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.execute(this::acceptLoop);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    void behaviour(Function<Request, Action> b) {
        this.behaviour = b;
    }

    /** Requests received for this path (exact match, without the query). */
    int requests(String path) {
        AtomicInteger c = perPath.get(path);
        return c == null ? 0 : c.get();
    }

    int requestsTotal() {
        return perPath.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Connections accepted and not yet closed (by either side). */
    int openConnections() {
        return accepted.get() - closedConnections.get();
    }

    /**
     * Waits (at most {@code max}) until {@code path} has seen at least {@code n} requests: a client can
     * give up on an attempt before a loaded server thread has read it.
     *
     * @return the requests seen on the path then
     */
    synchronized int awaitRequests(String path, int n, java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (requests(path) < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return requests(path);
    }

    /** Waits (at most {@code max}) until no more than {@code n} connections are open; true if reached. */
    synchronized boolean awaitOpenAtMost(int n, java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (openConnections() > n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    int acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                accepted.incrementAndGet();
                pool.execute(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                Request r = read(in);
                if (r == null) {
                    return; // the client closed the connection
                }
                perPath.computeIfAbsent(r.path(), p -> new AtomicInteger()).incrementAndGet();
                synchronized (this) {
                    notifyAll(); // for awaitRequests
                }
                Action a = behaviour.apply(r);
                if (a instanceof Respond resp) {
                    out.write(resp.bytes());
                    out.flush();
                    if (resp.stallAfter()) {
                        stallUntilGone(in);
                        return;
                    }
                    if (resp.close()) {
                        s.shutdownOutput();
                        return;
                    }
                } else if (a instanceof Reset) {
                    s.setSoLinger(true, 0);
                    return;
                } else if (a instanceof CloseSilently) {
                    return;
                } else if (a instanceof Garbage g) {
                    out.write(g.bytes());
                    out.flush();
                    return;
                } else {
                    stallUntilGone(in);
                    return;
                }
            }
        } catch (IOException gone) {
            // the client hung up: that ends the connection either way
        } finally {
            synchronized (this) {
                closedConnections.incrementAndGet();
                notifyAll();
            }
        }
    }

    /** Holds the connection: returns when the client closes it (read sees EOF) or the server stops. */
    private void stallUntilGone(InputStream in) throws IOException {
        pool.execute(() -> {
            try {
                stopped.await(5, TimeUnit.MINUTES);
                in.close();
            } catch (InterruptedException | IOException e) {
                // stopping anyway
            }
        });
        byte[] buf = new byte[1024];
        try {
            while (in.read(buf) >= 0) {
                // discard: a stalled server still reads, it only never answers
            }
        } catch (SocketException closed) {
            // closed under us by close()
        }
    }

    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] start = lines[0].split(" ");
        Map<String, String> headers = new ConcurrentHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) {
                headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        String target = start.length > 1 ? start[1] : "/";
        int q = target.indexOf('?');
        return new Request(start[0], q < 0 ? target : target.substring(0, q), headers, body);
    }

    /** A whole response with a Content-Length; the connection stays open. */
    static Respond response(int status, String contentType, String body, String... extraHeaders) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(b.length).append("\r\n");
        for (String h : extraHeaders) {
            sb.append(h).append("\r\n");
        }
        sb.append("\r\n");
        byte[] h = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + b.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return new Respond(all, false, false);
    }

    /** Headers and the start of a body, as raw text; then close or stall. */
    static Respond partial(String raw, boolean stall) {
        return new Respond(raw.getBytes(StandardCharsets.ISO_8859_1), !stall, stall);
    }

    @Override
    public void close() {
        stopped.countDown();
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pool.shutdownNow();
    }
}
