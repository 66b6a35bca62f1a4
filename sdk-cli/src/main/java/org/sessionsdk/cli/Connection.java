package org.sessionsdk.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.sessionsdk.core.config.ClientBuilder;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;
import picocli.CommandLine.Option;

/**
 * The options that say which server to reach and how to sign in. The secret (password, API key,
 * secret key or client secret) is never an option's value: {@link SecretLookup} finds it in a file,
 * the environment, a pipe on stdin or a prompt.
 */
final class Connection {
    @Option(names = "--vendor", required = true, description = "plesk, ekran, saymon or senhasegura (any case)")
    Vendor vendor;

    @Option(names = "--endpoint", required = true, description = "the server, e.g. https://panel.example.com:8443")
    URI endpoint;

    @Option(names = "--user", description = "login (Plesk password auth, SAYMON); for senhasegura the OAuth 2 client id")
    String user;

    @Option(names = "--saymon-cookie-session", description = "SAYMON: log in once and use a session cookie instead of Basic auth")
    boolean cookieSession;

    @Option(names = "--zone", description = "the server's time zone for times it sends without one (default UTC)")
    ZoneId zone = ZoneId.of("UTC");

    @Option(names = "--timeout", description = "per-request timeout (ISO-8601, default PT30S)")
    Duration timeout = Duration.ofSeconds(30);

    @Option(names = "--insecure", description = "do not verify TLS certificates (test servers only)")
    boolean insecure;

    @Option(names = "--secret-file", paramLabel = "PATH",
            description = "read the secret from the first line of this file (also: $SESSIONS_SECRET_FILE)")
    Path secretFile;

    /**
     * Which vendor to talk to, and the attributes its sessions carry beyond the unified columns
     * (as each client's {@code toSessionRecord} fills them), in the order CSV prints them.
     */
    enum Vendor {
        plesk("type"),
        ekran("userId", "clientGuid"),
        saymon("userId", "expiredAt", org.sessionsdk.core.feed.FeedAttributes.END_EXPIRED),
        senhasegura("session_id", "credential", "proxy", "time", "prevent_purge", "request", "ITSM");

        private final List<String> attributes;

        Vendor(String... attributes) {
            this.attributes = List.of(attributes);
        }

        List<String> attributes() {
            return attributes;
        }
    }

    /** A client for the chosen vendor; every client is a session source and closeable. */
    SessionSource open(Terminal term) {
        // a missing --user is found before anyone is asked for a secret
        switch (vendor) {
            case saymon -> require(user, "--user");
            case senhasegura -> require(user, "--user (the OAuth 2 client id)");
            default -> { }
        }
        String secret = SecretLookup.find(secretFile, term, vendor.toString());
        return switch (vendor) {
            case plesk -> configure(term, PleskClient.builder().serverZone(zone)
                    .credentials(user == null ? PleskCredentials.secretKey(secret) : PleskCredentials.password(user, secret)))
                    .build();
            case ekran -> configure(term, EkranClient.builder().serverZone(zone).credentials(EkranCredentials.apiKey(secret))).build();
            case saymon -> configure(term, SaymonClient.builder().credentials(cookieSession
                    ? SaymonCredentials.session(require(user, "--user"), secret)
                    : SaymonCredentials.basic(require(user, "--user"), secret))).build();
            case senhasegura -> configure(term, SenhaseguraClient.builder().serverZone(zone)
                    .credentials(SenhaseguraCredentials.oauth2(require(user, "--user (the OAuth 2 client id)"), secret))).build();
        };
    }

    private <B extends ClientBuilder<B>> B configure(Terminal term, B b) {
        b.endpoint(endpoint).requestTimeout(timeout).userAgentSuffix("sessions-cli").clock(term.clock());
        if (insecure) {
            b.insecureTrustAllCertificates();
        }
        return b;
    }

    private static String require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is required for this vendor");
        }
        return value;
    }
}
