package org.sessionsdk.core.config;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.observe.CallListener;
import org.sessionsdk.core.retry.RetryPolicy;

/**
 * Everything a client needs to reach a server: endpoint, the three timeouts, retry, proxy, TLS, user
 * agent, clock and (optionally) a custom transport. Immutable; each client holds its own, so two
 * clients in one JVM never share settings.
 *
 * <p>The timeouts are separate on purpose: {@code connectTimeout} for the TCP/TLS handshake,
 * {@code requestTimeout} per attempt until the response headers arrive, {@code readTimeout} for any
 * pause while a body streams, and the optional {@code callTimeout} bounds a whole call, retries and
 * waits included.
 */
public final class ClientConfig {
    private final URI endpoint;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retryPolicy;
    private final ProxySelector proxy;
    private final SSLContext sslContext;
    private final boolean trustAllCertificates;
    private final String userAgent;
    private final Clock clock;
    private final HttpTransport transport;
    private final Set<String> redactedHeaders;
    /** The size of the async pool every client shares unless given an executor or a pool of its own. */
    public static final int DEFAULT_ASYNC_THREADS = 4;
    private final boolean http2;
    private final java.util.concurrent.Executor asyncExecutor;
    private final int asyncThreads;
    private final List<CallListener> listeners;

    private ClientConfig(Builder b) {
        this.endpoint = withoutApiPrefix(requireEndpoint(b.endpoint), b.apiPrefixes);
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.requestTimeout = positive(b.requestTimeout, "requestTimeout");
        this.readTimeout = positive(b.readTimeout, "readTimeout");
        this.callTimeout = b.callTimeout == null ? null : positive(b.callTimeout, "callTimeout");
        this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
        this.proxy = b.proxy;
        this.sslContext = b.sslContext;
        this.trustAllCertificates = b.trustAllCertificates;
        this.userAgent = SdkVersion.userAgent() + (b.userAgentSuffix == null ? "" : " " + b.userAgentSuffix);
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.transport = b.transport;
        this.redactedHeaders = Collections.unmodifiableSet(new LinkedHashSet<>(b.redactedHeaders));
        this.http2 = b.http2;
        this.asyncExecutor = b.asyncExecutor;
        this.asyncThreads = b.asyncThreads;
        this.listeners = List.copyOf(b.listeners);
        if (sslContext != null && trustAllCertificates) {
            throw new IllegalArgumentException("choose either an SSLContext/trust store or insecureTrustAllCertificates(), not both");
        }
    }

    /** {@return a builder with the defaults; only the endpoint is required} */
    static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this configuration, to derive a changed copy} */
    Builder toBuilder() {
        Builder b = new Builder();
        b.endpoint = endpoint;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.readTimeout = readTimeout;
        b.callTimeout = callTimeout;
        b.retryPolicy = retryPolicy;
        b.proxy = proxy;
        b.sslContext = sslContext;
        b.trustAllCertificates = trustAllCertificates;
        String base = SdkVersion.userAgent();
        b.userAgentSuffix = userAgent.length() > base.length() ? userAgent.substring(base.length() + 1) : null;
        b.clock = clock;
        b.transport = transport;
        b.redactedHeaders.addAll(redactedHeaders);
        b.http2 = http2;
        b.asyncExecutor = asyncExecutor;
        b.asyncThreads = asyncThreads;
        b.listeners.addAll(listeners);
        return b;
    }

    /** {@return the server's base URI} */
    public URI endpoint() {
        return endpoint;
    }

    /** {@return the TCP and TLS handshake limit} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return the per-attempt limit until the response headers arrive} */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** {@return the longest pause allowed while a body streams} */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** {@return the limit on a whole call with its retries, or null for none} */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** {@return how failed calls are retried} */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** {@return the proxy for this client, or null to connect directly} */
    public ProxySelector proxy() {
        return proxy;
    }

    /** {@return the TLS context to use, or null for the JDK's default trust} */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** {@return whether certificate and host name verification are off} */
    public boolean trustAllCertificates() {
        return trustAllCertificates;
    }

    /** {@return {@code sessionsdk/<version> java/<version>}, plus the configured suffix} */
    public String userAgent() {
        return userAgent;
    }

    /** {@return the clock for token expiry and retry deadlines} */
    public Clock clock() {
        return clock;
    }

    /** {@return a transport the user supplied, or null for the default {@link org.sessionsdk.core.http.JdkHttpTransport}} */
    public HttpTransport transport() {
        return transport;
    }

    /** {@return extra header names to redact in logs, on top of the built-in allow-list} */
    public Set<String> redactedHeaders() {
        return redactedHeaders;
    }

    /** {@return whether HTTP/2 is preferred (false forces HTTP/1.1)} */
    public boolean http2() {
        return http2;
    }

    /** {@return the executor asynchronous calls parse and complete on, or null for the shared pool} */
    public java.util.concurrent.Executor asyncExecutor() {
        return asyncExecutor;
    }

    /** {@return how many threads the client's own async pool has at most, or 0: it shares the SDK's pool} */
    public int asyncThreads() {
        return asyncThreads;
    }

    /** {@return the call listeners, in the order they are called; empty for none} */
    public List<CallListener> listeners() {
        return listeners;
    }

    @Override
    public String toString() {
        return "ClientConfig[endpoint=" + endpoint.getScheme() + "://" + endpoint.getHost()
                + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort()) + endpoint.getRawPath()
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + ", retry=" + retryPolicy
                + ", trustAll=" + trustAllCertificates + "]";
    }

    private static URI requireEndpoint(URI uri) {
        Objects.requireNonNull(uri, "endpoint is required");
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("endpoint must be an http or https URI");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("endpoint must not carry credentials; use credentials(...)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("endpoint must not have a query or fragment");
        }
        return uri;
    }

    /**
     * The endpoint without a trailing vendor API prefix: users copy the documented URL with or
     * without it ({@code https://host/ekranapi}), and the calls add it themselves.
     */
    private static URI withoutApiPrefix(URI uri, List<String> prefixes) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (String prefix : prefixes) {
            if (path.endsWith(prefix)) {
                String base = path.substring(0, path.length() - prefix.length());
                return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + base);
            }
        }
        return uri;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /** Gathers a {@link ClientConfig} for {@link ClientBuilder}: users set these through their vendor's builder. */
    static final class Builder {
        /** Made by the enclosing type's {@code builder()}. */
        private Builder() {
        }

        private URI endpoint;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration callTimeout;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ProxySelector proxy;
        private SSLContext sslContext;
        private boolean trustAllCertificates;
        private String userAgentSuffix;
        private Clock clock = Clock.systemUTC();
        private HttpTransport transport;
        private final Set<String> redactedHeaders = new LinkedHashSet<>();
        private boolean http2 = true;
        private java.util.concurrent.Executor asyncExecutor;
        private int asyncThreads;
        private List<String> apiPrefixes = List.of();
        private final List<CallListener> listeners = new ArrayList<>();

        /**
         * The server's base URI. Required.
         *
         * @param endpoint an http or https URI, without credentials, query or fragment
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** {@return the endpoint set so far, or null} */
        public URI endpoint() {
            return endpoint;
        }

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
         * Per attempt, until the response headers arrive (default 30 s).
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = d;
            return this;
        }

        /** {@return the request timeout set so far} */
        public Duration requestTimeout() {
            return requestTimeout;
        }

        /**
         * The longest pause allowed while a body streams (default 60 s).
         *
         * @param d a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration d) {
            this.readTimeout = d;
            return this;
        }

        /**
         * Bound on a whole call including retries and their waits (default none).
         *
         * @param d a positive duration, or null for none
         * @return this builder
         */
        public Builder callTimeout(Duration d) {
            this.callTimeout = d;
            return this;
        }

        /**
         * How failed calls are retried (default {@link RetryPolicy#defaults()}).
         *
         * @param p the retry policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy p) {
            this.retryPolicy = p;
            return this;
        }

        /**
         * An HTTP proxy for this client only (never a JVM-wide setting).
         *
         * @param address the proxy's host and port
         * @return this builder
         */
        public Builder proxy(InetSocketAddress address) {
            this.proxy = ProxySelector.of(address);
            return this;
        }

        /**
         * A proxy selector for this client only.
         *
         * @param selector picks the proxy per request; null to connect directly
         * @return this builder
         */
        public Builder proxy(ProxySelector selector) {
            this.proxy = selector;
            return this;
        }

        /**
         * The TLS context to use, e.g. one that trusts a panel's self-signed certificate.
         *
         * @param ctx the TLS context
         * @return this builder
         */
        public Builder sslContext(SSLContext ctx) {
            this.sslContext = ctx;
            return this;
        }

        /**
         * Turns certificate and host name verification off. For throwaway test servers only: anybody on
         * the path can read and change the traffic. Logged at WARN when a client is built.
         *
         * @return this builder
         */
        public Builder insecureTrustAllCertificates() {
            this.trustAllCertificates = true;
            return this;
        }

        /**
         * Appended to {@code sessionsdk/<version> java/<version>}, e.g. your application's name.
         *
         * @param suffix the text to append, or null for none
         * @return this builder
         */
        public Builder userAgentSuffix(String suffix) {
            this.userAgentSuffix = suffix;
            return this;
        }

        /**
         * The clock for token expiry and retry deadlines (default the system UTC clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Send requests through this transport instead of the JDK client.
         *
         * @param transport the transport, or null for the default
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = transport;
            return this;
        }

        /**
         * A header to redact in logs even if it is on the allow-list.
         *
         * @param name the header name
         * @return this builder
         */
        public Builder redactHeader(String name) {
            this.redactedHeaders.add(name);
            return this;
        }

        /**
         * Prefer HTTP/2 (default true); false forces HTTP/1.1.
         *
         * @param on false to force HTTP/1.1
         * @return this builder
         */
        public Builder http2(boolean on) {
            this.http2 = on;
            return this;
        }

        /**
         * Parses the answers of asynchronous calls ({@code listAsync}, {@code pollAsync}) and completes
         * their futures on this executor instead of the SDK's shared pool; the client never shuts it
         * down. No thread of it waits for the server: the calls themselves hold no thread.
         *
         * @param executor the executor, or null for the shared pool
         * @return this builder
         */
        public Builder asyncExecutor(java.util.concurrent.Executor executor) {
            this.asyncExecutor = executor;
            return this;
        }

        /**
         * Gives the client an async pool of its own with at most this many threads, instead of the pool
         * of {@value #DEFAULT_ASYNC_THREADS} every client shares; they parse answers, never wait for the
         * server, so a few carry any number of calls in flight.
         *
         * @param threads 1 or more
         * @return this builder
         */
        public Builder asyncThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("asyncThreads must be at least 1: " + threads);
            }
            this.asyncThreads = threads;
            return this;
        }

        /**
         * Adds a listener that hears every call and attempt of the client; several may be added.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(CallListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Paths the vendor's calls start with ({@code /ekranapi}): an endpoint that ends in one of
         * them is trimmed to its base, so the documented URL works with or without its API prefix.
         * Set by each vendor's client builder.
         *
         * @param prefixes each starting with {@code /} and not ending with one
         * @return this builder
         */
        public Builder apiPrefixes(String... prefixes) {
            for (String p : prefixes) {
                if (!p.startsWith("/") || p.endsWith("/")) {
                    throw new IllegalArgumentException("an API prefix starts with / and does not end with one: " + p);
                }
            }
            this.apiPrefixes = List.of(prefixes);
            return this;
        }

        /**
         * {@return the configuration}
         * @throws IllegalArgumentException if the endpoint is missing or invalid, a timeout is not positive, or
         *         both an SSL context and {@code insecureTrustAllCertificates()} were set
         */
        public ClientConfig build() {
            return new ClientConfig(this);
        }
    }
}
