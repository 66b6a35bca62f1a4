package org.sessionsdk.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.sessionsdk.core.config.TrustMaterial;

/**
 * Finds out, once per host and port, whether an {@code https://} endpoint speaks TLS at all. The JDK
 * client sends its ClientHello to a plain-HTTP port and then waits out the whole connect timeout,
 * because such a server waits for a request line that never comes; the user sees a timeout, not the
 * wrong scheme. Before the first request to a host, a short handshake on a connection of its own
 * tells: a TLS answer (or a TLS alert) and the host is remembered; a plain-text answer, or silence
 * followed by a plain {@code HTTP/} answer to a bare {@code HEAD}, fails at once with a message
 * naming TLS. Anything inconclusive lets the request go ahead as before.
 *
 * <p>The probe sends nothing of the request (no path, headers or credentials), verifies no
 * certificate (the real request does that) and is skipped whenever the proxy selector the JDK
 * client uses (the client's own, else the JVM-wide one that {@code -Dhttps.proxyHost} configures)
 * names a proxy for the URI: the request then never reaches the host directly, and the probe would.
 */
final class TlsPreflight {
    /** The longest a probe waits for an answer; a TLS server answers a ClientHello in milliseconds. */
    static final Duration MAX_ANSWER_WAIT = Duration.ofSeconds(3);

    private final Set<String> speaksTls = ConcurrentHashMap.newKeySet();
    /** One probe per host and port at a time: concurrent first calls wait for it instead of probing too. */
    private final ConcurrentHashMap<String, Object> probing = new ConcurrentHashMap<>();
    private final int waitMillis;
    /** The selector the JDK client asks; null when there is none (all connections direct). */
    private final ProxySelector proxies;

    TlsPreflight(Duration connectTimeout, ProxySelector proxies) {
        this.waitMillis = (int) Math.max(1, Math.min(connectTimeout.toMillis(), MAX_ANSWER_WAIT.toMillis()));
        this.proxies = proxies;
    }

    /** Returns when {@code uri} is not https, is known to speak TLS, or the probe cannot tell. */
    void check(URI uri) throws SSLException {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return;
        }
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        String key = uri.getHost() + ":" + port;
        if (speaksTls.contains(key) || throughProxy(uri)) {
            return;
        }
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), port);
        if (address.isUnresolved()) {
            return; // the request itself reports the unknown host
        }
        synchronized (probing.computeIfAbsent(key, k -> new Object())) {
            if (speaksTls.contains(key)) {
                return;
            }
            if (answersPlainHttp(address, uri.getHost())) {
                throw new SSLHandshakeException(key + " answers plain HTTP, not TLS");
            }
            speaksTls.add(key);
        }
    }

    /** Whether the request to {@code uri} goes through a proxy; a selector that fails counts as one. */
    private boolean throughProxy(URI uri) {
        if (proxies == null) {
            return false;
        }
        try {
            List<Proxy> chosen = proxies.select(uri);
            return chosen != null && chosen.stream().anyMatch(p -> p.type() != Proxy.Type.DIRECT);
        } catch (RuntimeException e) {
            return true; // the request itself reports the selector's failure
        }
    }

    private boolean answersPlainHttp(InetSocketAddress address, String host) {
        try (Socket raw = new Socket()) {
            raw.connect(address, waitMillis);
            raw.setSoTimeout(waitMillis);
            SSLSocket tls = (SSLSocket) PROBE_CONTEXT.getSocketFactory().createSocket(raw, host, address.getPort(), true);
            tls.startHandshake();
            return false;
        } catch (SSLException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("unrecognized ssl message") || m.contains("plaintext")) {
                return true;
            }
            // an alert means a TLS peer; an early close may be a plain server refusing the bytes
            return m.contains("terminated the handshake") && answersHead(address, host);
        } catch (SocketTimeoutException e) {
            return answersHead(address, host);
        } catch (IOException e) {
            return false; // cannot connect: the request itself reports why
        }
    }

    /** Whether a bare plain-text {@code HEAD /} gets an {@code HTTP/} status line back. */
    private boolean answersHead(InetSocketAddress address, String host) {
        try (Socket s = new Socket()) {
            s.connect(address, waitMillis);
            s.setSoTimeout(waitMillis);
            OutputStream out = s.getOutputStream();
            out.write(("HEAD / HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] start = in.readNBytes(5);
            return Arrays.equals(start, "HTTP/".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    /** Accepts any certificate: the probe only asks whether TLS is spoken; the request verifies. */
    private static final SSLContext PROBE_CONTEXT = TrustMaterial.trustAll();
}
