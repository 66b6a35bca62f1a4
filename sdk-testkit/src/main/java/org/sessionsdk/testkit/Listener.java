package org.sessionsdk.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulator's port: the JDK's HTTP server on an address (127.0.0.1 and an ephemeral port unless
 * told otherwise), its daemon threads, and every request handed to one dispatcher as a
 * {@link SimExchange}. A client that goes away early is nobody's error.
 */
final class Listener {
    /** Takes every request that reaches the port. */
    @FunctionalInterface
    interface Dispatcher {
        void dispatch(SimExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String host;

    Listener(String vendor, InetSocketAddress address, Dispatcher dispatcher) {
        InetSocketAddress bind = address != null ? address : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        this.host = address == null ? "127.0.0.1" : uriHost(bind.getHostString());
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, vendor + "-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HttpServer.create(bind, 64);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot open " + (address == null ? "a loopback port" : host + ":" + bind.getPort())
                    + " for the " + vendor + " simulator", e);
        }
        server.createContext("/", raw -> {
            try (raw) {
                dispatcher.dispatch(new SimExchange(raw));
            } catch (IOException clientGone) {
                // the client closed early (a test that stops reading): nothing to answer
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** {@return the host for a URI: the address it listens on, an IPv6 one in brackets} */
    String host() {
        return host;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static String uriHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
