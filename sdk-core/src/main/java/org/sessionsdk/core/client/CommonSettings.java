package org.sessionsdk.core.client;

import java.util.List;
import org.sessionsdk.core.config.ClientBuilder;

/**
 * The settings every vendor accepts (the server, timeouts, TLS trust), their keys, and how they reach a
 * vendor's builder, so each {@link VendorProvider} declares and applies them the same way.
 */
public final class CommonSettings {
    /** The server's base URL. */
    public static final String ENDPOINT = "endpoint";
    /**
     * How the client signs in, for a vendor that offers a choice of scheme (e.g. Basic, a cookie session
     * or an API token); declared by those vendors only, with their schemes as values.
     */
    public static final String AUTH = "auth";
    /** The zone the server writes offset-less times in (vendors whose times carry no offset). */
    public static final String SERVER_ZONE = "server.zone";
    /** TCP connect timeout. */
    public static final String CONNECT_TIMEOUT = "connect.timeout";
    /** Per-attempt time to the response headers. */
    public static final String REQUEST_TIMEOUT = "request.timeout";
    /** Longest silence while a body streams. */
    public static final String READ_TIMEOUT = "read.timeout";
    /** A PEM file of certificates to trust. */
    public static final String TLS_TRUST_PEM = "tls.trust.pem";
    /** A trust store file. */
    public static final String TLS_TRUSTSTORE_PATH = "tls.truststore.path";
    /** The trust store's type. */
    public static final String TLS_TRUSTSTORE_TYPE = "tls.truststore.type";
    /** The trust store's password. */
    public static final String TLS_TRUSTSTORE_PASSWORD = "tls.truststore.password";
    /** Trust every certificate (test servers only). */
    public static final String TLS_INSECURE = "tls.insecure";

    private static final List<Setting> CONNECTION = List.of(
            Setting.builder(ENDPOINT, Setting.Type.URI).required()
                    .description("the server's base URL, e.g. https://panel.example.com:8443").build(),
            Setting.builder(CONNECT_TIMEOUT, Setting.Type.DURATION).description("TCP connect timeout").build(),
            Setting.builder(REQUEST_TIMEOUT, Setting.Type.DURATION)
                    .description("per-attempt time to the response headers").build(),
            Setting.builder(READ_TIMEOUT, Setting.Type.DURATION)
                    .description("longest silence while a response body streams").build(),
            Setting.builder(TLS_TRUST_PEM, Setting.Type.PATH)
                    .description("a PEM file of certificates to trust besides the JDK's").build(),
            Setting.builder(TLS_TRUSTSTORE_PATH, Setting.Type.PATH).description("a trust store file").build(),
            Setting.builder(TLS_TRUSTSTORE_TYPE, Setting.Type.STRING).defaultValue("PKCS12")
                    .description("the trust store's type").build(),
            Setting.builder(TLS_TRUSTSTORE_PASSWORD, Setting.Type.STRING).secret()
                    .description("the trust store's password").build(),
            Setting.builder(TLS_INSECURE, Setting.Type.BOOLEAN)
                    .description("do not verify TLS certificates (test servers only)").build());

    private static final Setting ZONE = Setting.builder(SERVER_ZONE, Setting.Type.ZONE)
            .description("the zone the server writes times without an offset in (default UTC)").build();

    private CommonSettings() {
    }

    /** {@return the server and connection settings every vendor accepts, the endpoint first} */
    public static List<Setting> connection() {
        return CONNECTION;
    }

    /** {@return the server-zone setting, for vendors whose times may come without an offset} */
    public static Setting serverZone() {
        return ZONE;
    }

    /**
     * Applies the connection settings to a vendor's builder.
     *
     * @param settings checked settings
     * @param builder  the vendor's builder
     * @param <B>      the builder's type
     * @return the builder
     */
    public static <B extends ClientBuilder<B>> B apply(Settings settings, B builder) {
        builder.endpoint(settings.uri(ENDPOINT).orElseThrow());
        settings.duration(CONNECT_TIMEOUT).ifPresent(builder::connectTimeout);
        settings.duration(REQUEST_TIMEOUT).ifPresent(builder::requestTimeout);
        settings.duration(READ_TIMEOUT).ifPresent(builder::readTimeout);
        if (settings.has(TLS_TRUST_PEM)) {
            builder.trustPem(settings.path(TLS_TRUST_PEM).orElseThrow());
        } else if (settings.has(TLS_TRUSTSTORE_PATH)) {
            builder.trustStore(settings.path(TLS_TRUSTSTORE_PATH).orElseThrow(), settings.require(TLS_TRUSTSTORE_TYPE),
                    settings.text(TLS_TRUSTSTORE_PASSWORD).map(String::toCharArray).orElse(null));
        }
        if (settings.flag(TLS_INSECURE)) {
            builder.insecureTrustAllCertificates();
        }
        return builder;
    }
}
