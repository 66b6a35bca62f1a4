package org.sessionsdk.core.http;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.error.TransportException.Kind;

/**
 * The default {@link HttpTransport}, on {@code java.net.http.HttpClient}: HTTP/1.1 and HTTP/2,
 * connection reuse. Bodies are streamed with a read (idle) timeout.
 *
 * <p>Transports built with the same connect timeout, HTTP version, proxy and TLS context share one JDK
 * client (one selector thread, one connection pool), and every JDK client the SDK builds runs on the
 * same few executor threads: ten thousand SDK clients cost the threads of one. The shared JDK client is
 * dropped when the last transport using it is closed. Give a client a transport of its own
 * ({@code transport(...)} on its builder) to keep its connections apart.
 */
public final class JdkHttpTransport implements HttpTransport {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = caseInsensitive("connection", "content-length", "expect",
            "host", "upgrade");

    /** Null once closed: Java 17's HttpClient has no close(), it is released by becoming unreachable. */
    private volatile HttpClient client;
    private final SharedClients.Key key;
    private final Duration readTimeout;
    private final TlsPreflight tlsPreflight;

    private JdkHttpTransport(Builder b) {
        this.readTimeout = b.readTimeout;
        // the JDK client falls back to the JVM-wide selector when given none, as read when it is
        // built: the probe asks the same one, so it never connects directly where the request won't
        this.tlsPreflight = new TlsPreflight(b.connectTimeout, b.proxy != null ? b.proxy : ProxySelector.getDefault());
        this.key = new SharedClients.Key(b.connectTimeout, b.http2, b.proxy, b.sslContext);
        this.client = SharedClients.acquire(key);
    }

    /** {@return a builder with the defaults: 10 s connect, 60 s read, HTTP/2 preferred, no proxy} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SdkHttpResponse send(SdkHttpRequest request, Duration timeout) throws IOException, InterruptedException {
        HttpRequest jdkRequest = jdkRequest(request, timeout);
        HttpClient c = openClient();
        tlsPreflight.check(request.uri());
        HttpResponse<java.io.InputStream> response;
        try {
            response = c.send(jdkRequest, info -> new BodyInputStream(readTimeout));
        } catch (HttpTimeoutException e) {
            throw timeout(e);
        }
        return new SdkHttpResponse(response.statusCode(), response.headers().map(), response.body());
    }

    /**
     * Sends through the JDK client's own asynchronous send: no thread waits for the answer, and the
     * future completes on the SDK's shared HTTP executor. The body gathers without waiting
     * ({@link BufferingBody}).
     */
    @Override
    public CompletableFuture<SdkHttpResponse> sendAsync(SdkHttpRequest request, Duration timeout) {
        CommonPoolCheck.once();
        HttpRequest jdkRequest;
        HttpClient c;
        try {
            jdkRequest = jdkRequest(request, timeout);
            c = openClient();
            tlsPreflight.check(request.uri());
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return c.sendAsync(jdkRequest, info -> new BodyInputStream(readTimeout)).handle((response, failure) -> {
            if (failure != null) {
                Throwable t = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                throw new java.util.concurrent.CompletionException(t instanceof HttpTimeoutException h ? timeout(h) : t);
            }
            return new SdkHttpResponse(response.statusCode(), response.headers().map(), response.body());
        });
    }

    private HttpClient openClient() throws IOException {
        HttpClient c = client;
        if (c == null) {
            throw new IOException("the HTTP transport is closed");
        }
        return c;
    }

    private static HttpRequest jdkRequest(SdkHttpRequest request, Duration timeout) {
        byte[] body = request.body();
        HttpRequest.Builder rb = HttpRequest.newBuilder(request.uri())
                .timeout(timeout)
                .method(request.method(), body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            if (RESTRICTED.contains(h.getKey())) {
                continue;
            }
            for (String v : h.getValue()) {
                requireAscii(h.getKey(), v);
                rb.header(h.getKey(), v);
            }
        }
        return rb.build();
    }

    /** The SPI's own timeout type: nothing above the transport depends on java.net.http. */
    private static TransportTimeoutException timeout(HttpTimeoutException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new TransportTimeoutException(Kind.CONNECT_TIMEOUT, message(e, "connect timed out"), e);
        }
        return new TransportTimeoutException(Kind.RESPONSE_TIMEOUT, message(e, "request timed out"), e);
    }

    @Override
    public void close() {
        // The last transport of a shared JDK client drops it, which lets its selector thread end and its
        // pooled idle connections close as soon as it is collected, even while the application still
        // holds the SDK client.
        if (client != null) {
            client = null;
            SharedClients.release(key);
        }
    }

    /**
     * Refuses a header value the JDK client cannot send: it writes every char above U+007F as '?',
     * so a non-ASCII password would silently become another password. Names the header, never the
     * value.
     */
    static void requireAscii(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7e || (c < 0x20 && c != '\t')) {
                throw new SdkException("header " + name + " holds a character the JDK HTTP client cannot send "
                        + "(it would arrive as '?'); use credentials without it (e.g. a key instead of a password) or "
                        + "plug in an HttpTransport that writes raw header octets");
            }
        }
    }

    private static String message(Exception e, String fallback) {
        return e.getMessage() == null || e.getMessage().isBlank() ? fallback : e.getMessage();
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        s.addAll(List.of(names));
        return s;
    }

    /** Settings of the JDK transport; the client builder fills these from its config. */
    public static final class Builder {
        /** Made by the enclosing type's {@code builder()}. */
        private Builder() {
        }

        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private ProxySelector proxy;
        private SSLContext sslContext;
        private boolean http2 = true;

        /**
         * TCP and TLS handshake limit (default 10 s).
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        /**
         * How long a body read may wait for the next bytes (default 60 s).
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration d) {
            this.readTimeout = d;
            return this;
        }

        /**
         * The proxy to connect through.
         *
         * @param proxy the selector, or null for the JVM-wide one ({@link ProxySelector#getDefault()}, direct
         *              unless e.g. {@code -Dhttps.proxyHost} is set)
         * @return this builder
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * The TLS context, e.g. one that trusts a self-signed certificate.
         *
         * @param ctx the TLS context, or null for the JDK's default
         * @return this builder
         */
        public Builder sslContext(SSLContext ctx) {
            this.sslContext = ctx;
            return this;
        }

        /**
         * Prefer HTTP/2 where the server offers it (default true); false forces HTTP/1.1.
         *
         * @param on false to force HTTP/1.1
         * @return this builder
         */
        public Builder http2(boolean on) {
            this.http2 = on;
            return this;
        }

        /** {@return the transport; close it when done} */
        public JdkHttpTransport build() {
            return new JdkHttpTransport(this);
        }
    }

}
