package org.sessionsdk.core.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.observe.CallListener;
import org.sessionsdk.core.retry.RetryPolicy;

/**
 * The settings every vendor client builder shares (endpoint, timeouts, retry, proxy, TLS, transport).
 * Each vendor's builder extends it and adds its credentials and vendor options.
 *
 * @param <B> the vendor builder, so chained calls keep its type
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
    /** The shared settings, gathered here and handed over as one {@link ClientConfig} by {@link #buildConfig()}. */
    private final ClientConfig.Builder config = ClientConfig.builder();

    /** For vendor builders; each client has its own static {@code builder()}. */
    protected ClientBuilder() {
    }

    /**
     * Checks a part a vendor builder requires, so every client's {@code build()} fails the same way:
     * an {@link IllegalStateException} whose message names the part and how to set it, e.g.
     * "{@code credentials are required: PleskCredentials.secretKey(...) or .password(...)}".
     *
     * @param part    the value given, or null when none was
     * @param message "{@code <part> is required: <how to set it>}"
     * @throws IllegalStateException if {@code part} is null
     */
    protected static void require(Object part, String message) {
        if (part == null) {
            throw new IllegalStateException(message);
        }
    }

    /**
     * The shared settings, checked: the endpoint is required.
     *
     * @return the settings
     * @throws IllegalStateException if no endpoint was given
     * @throws IllegalArgumentException if the endpoint is invalid, or another setting is
     */
    protected final ClientConfig buildConfig() {
        require(config.endpoint(), "endpoint is required: endpoint(URI.create(\"https://host\"))");
        return config.build();
    }

    /**
     * Paths the vendor's calls start with ({@code /ekranapi}): an endpoint that ends in one of them is
     * trimmed to its base, so the documented URL works with or without its API prefix. For vendor
     * builders, in their constructor.
     *
     * @param prefixes each starting with {@code /} and not ending with one
     */
    protected final void apiPrefixes(String... prefixes) {
        config.apiPrefixes(prefixes);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The server's base URI, e.g. {@code https://panel.example.com:8443}. Required.
     *
     * @param endpoint an http or https URI, without credentials, query or fragment
     * @return this builder
     */
    public B endpoint(URI endpoint) {
        config.endpoint(endpoint);
        return self();
    }

    /**
     * TCP and TLS handshake limit (default 10 s).
     *
     * @param d a positive duration
     * @return this builder
     */
    public B connectTimeout(Duration d) {
        config.connectTimeout(d);
        return self();
    }

    /**
     * Per attempt, until response headers arrive (default 30 s unless the vendor says otherwise).
     *
     * @param d a positive duration
     * @return this builder
     */
    public B requestTimeout(Duration d) {
        config.requestTimeout(d);
        return self();
    }

    /**
     * The longest pause allowed while a body streams (default 60 s).
     *
     * @param d a positive duration
     * @return this builder
     */
    public B readTimeout(Duration d) {
        config.readTimeout(d);
        return self();
    }

    /**
     * Bound on a whole call including retries (default none).
     *
     * @param d a positive duration
     * @return this builder
     */
    public B callTimeout(Duration d) {
        config.callTimeout(d);
        return self();
    }

    /**
     * How failed reads are retried (default {@link RetryPolicy#defaults()}); {@link RetryPolicy#none()} turns retries off.
     *
     * @param policy the retry policy
     * @return this builder
     */
    public B retryPolicy(RetryPolicy policy) {
        config.retryPolicy(policy);
        return self();
    }

    /**
     * An HTTP proxy for this client only.
     *
     * @param address the proxy's host and port
     * @return this builder
     */
    public B proxy(InetSocketAddress address) {
        config.proxy(address);
        return self();
    }

    /**
     * The TLS context to use, e.g. one that trusts a server's self-signed certificate.
     *
     * @param ctx the TLS context; not together with {@link #insecureTrustAllCertificates()}
     * @return this builder
     */
    public B sslContext(SSLContext ctx) {
        config.sslContext(ctx);
        return self();
    }

    /**
     * Trust the certificates in a PEM file (self-signed panels). Host names are still checked.
     *
     * @param pemFile a file with one or more {@code BEGIN CERTIFICATE} blocks
     * @return this builder
     * @throws IllegalArgumentException if the file cannot be read or holds no certificate
     */
    public B trustPem(Path pemFile) {
        config.sslContext(TrustMaterial.fromPem(pemFile));
        return self();
    }

    /**
     * Trust the certificates of a JKS or PKCS12 store.
     *
     * @param file     the trust store
     * @param type     {@code "JKS"} or {@code "PKCS12"}
     * @param password the store's password, or null
     * @return this builder
     * @throws IllegalArgumentException if the store cannot be read
     */
    public B trustStore(Path file, String type, char[] password) {
        config.sslContext(TrustMaterial.fromKeyStore(file, type, password));
        return self();
    }

    /**
     * Disables TLS verification. Test servers only; logged at WARN.
     *
     * @return this builder
     */
    public B insecureTrustAllCertificates() {
        config.insecureTrustAllCertificates();
        return self();
    }

    /**
     * Appended to the {@code User-Agent} header, after {@code sessionsdk/<version> java/<version>}.
     *
     * @param suffix e.g. your application's name and version
     * @return this builder
     */
    public B userAgentSuffix(String suffix) {
        config.userAgentSuffix(suffix);
        return self();
    }

    /**
     * The clock for token expiry and retry deadlines (default the system UTC clock); tests pass a fixed one.
     *
     * @param clock the clock
     * @return this builder
     */
    public B clock(Clock clock) {
        config.clock(clock);
        return self();
    }

    /**
     * Send requests through this transport instead of the JDK client. The client does not close it.
     *
     * @param transport the transport to use
     * @return this builder
     */
    public B transport(HttpTransport transport) {
        config.transport(transport);
        return self();
    }

    /**
     * Redact this header in logs too.
     *
     * @param name the header name
     * @return this builder
     */
    public B redactHeader(String name) {
        config.redactHeader(name);
        return self();
    }

    /**
     * Prefer HTTP/2 (default true); false forces HTTP/1.1.
     *
     * @param on false to force HTTP/1.1
     * @return this builder
     */
    public B http2(boolean on) {
        config.http2(on);
        return self();
    }

    /**
     * Parses the answers of asynchronous calls ({@code listAsync}, a feed's {@code pollAsync}) and
     * completes their futures on this executor (so do dependent stages that are not {@code ...Async})
     * instead of the SDK's shared pool; the client never shuts it down. No thread of it waits for the
     * server: the calls themselves hold no thread while the answer is on its way.
     *
     * @param executor the executor, or null for the shared pool
     * @return this builder
     */
    public B asyncExecutor(java.util.concurrent.Executor executor) {
        config.asyncExecutor(executor);
        return self();
    }

    /**
     * Gives the client an async pool of its own with at most this many threads, instead of the pool of
     * {@value ClientConfig#DEFAULT_ASYNC_THREADS} that every client in the JVM shares by default. Its
     * threads parse answers and never wait for the server, so 256 concurrent {@code listAsync} calls
     * need no more of them than 1 does.
     *
     * @param threads 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public B asyncThreads(int threads) {
        config.asyncThreads(threads);
        return self();
    }

    /**
     * Adds a listener that hears when each call and each HTTP attempt of the client starts and ends
     * (vendor, operation, method, host, status, durations, retries, bytes and records read); several
     * may be added. A listener that throws never breaks a call. {@code sdk-opentelemetry}'s
     * {@code OpenTelemetryListener} is one.
     *
     * @param listener the listener
     * @return this builder
     */
    public B listener(CallListener listener) {
        config.listener(listener);
        return self();
    }
}
