package org.sessionsdk.core.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.retry.RetryPolicy;

/**
 * The settings every vendor client builder shares (endpoint, timeouts, retry, proxy, TLS, transport).
 * Each vendor's builder extends it and adds its credentials and vendor options.
 *
 * @param <B> the vendor builder, so chained calls keep its type
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
    protected final ClientConfig.Builder config = ClientConfig.builder();

    protected ClientBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The server's base URI, e.g. {@code https://panel.example.com:8443}. Required. */
    public B endpoint(URI endpoint) {
        config.endpoint(endpoint);
        return self();
    }

    /** TCP and TLS handshake limit (default 10 s). */
    public B connectTimeout(Duration d) {
        config.connectTimeout(d);
        return self();
    }

    /** Per attempt, until response headers arrive (default 30 s unless the vendor says otherwise). */
    public B requestTimeout(Duration d) {
        config.requestTimeout(d);
        return self();
    }

    /** The longest pause allowed while a body streams (default 60 s). */
    public B readTimeout(Duration d) {
        config.readTimeout(d);
        return self();
    }

    /** Bound on a whole call including retries (default none). */
    public B callTimeout(Duration d) {
        config.callTimeout(d);
        return self();
    }

    public B retryPolicy(RetryPolicy policy) {
        config.retryPolicy(policy);
        return self();
    }

    /** An HTTP proxy for this client only. */
    public B proxy(InetSocketAddress address) {
        config.proxy(address);
        return self();
    }

    public B sslContext(SSLContext ctx) {
        config.sslContext(ctx);
        return self();
    }

    /** Trust the certificates in a PEM file (self-signed panels). Host names are still checked. */
    public B trustPem(Path pemFile) {
        config.sslContext(TrustMaterial.fromPem(pemFile));
        return self();
    }

    /** Trust the certificates of a JKS or PKCS12 store. */
    public B trustStore(Path file, String type, char[] password) {
        config.sslContext(TrustMaterial.fromKeyStore(file, type, password));
        return self();
    }

    /** Disables TLS verification. Test servers only; logged at WARN. */
    public B insecureTrustAllCertificates() {
        config.insecureTrustAllCertificates();
        return self();
    }

    public B userAgentSuffix(String suffix) {
        config.userAgentSuffix(suffix);
        return self();
    }

    public B clock(Clock clock) {
        config.clock(clock);
        return self();
    }

    /** Send requests through this transport instead of the JDK client. The client does not close it. */
    public B transport(HttpTransport transport) {
        config.transport(transport);
        return self();
    }

    /** Redact this header in logs too. */
    public B redactHeader(String name) {
        config.redactHeader(name);
        return self();
    }

    public B http2(boolean on) {
        config.http2(on);
        return self();
    }
}
