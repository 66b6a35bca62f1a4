package org.sessionsdk.cli;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
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
 * secret key or client secret) is never an option: it comes from {@code SESSIONS_SECRET} or a prompt.
 */
final class Connection {
    static final String SECRET_ENV = "SESSIONS_SECRET";

    @Option(names = "--vendor", required = true, description = "plesk, ekran, saymon or senhasegura")
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

    /** Which vendor to talk to. */
    enum Vendor { plesk, ekran, saymon, senhasegura }

    /** A client for the chosen vendor; every client is a session source and closeable. */
    SessionSource open(Terminal term) {
        String secret = secret(term);
        return switch (vendor) {
            case plesk -> configure(PleskClient.builder().serverZone(zone)
                    .credentials(user == null ? PleskCredentials.secretKey(secret) : PleskCredentials.password(user, secret)))
                    .build();
            case ekran -> configure(EkranClient.builder().serverZone(zone).credentials(EkranCredentials.apiKey(secret))).build();
            case saymon -> configure(SaymonClient.builder().credentials(cookieSession
                    ? SaymonCredentials.session(require(user, "--user"), secret)
                    : SaymonCredentials.basic(require(user, "--user"), secret))).build();
            case senhasegura -> configure(SenhaseguraClient.builder().serverZone(zone)
                    .credentials(SenhaseguraCredentials.oauth2(require(user, "--user (the OAuth 2 client id)"), secret))).build();
        };
    }

    private <B extends ClientBuilder<B>> B configure(B b) {
        b.endpoint(endpoint).requestTimeout(timeout).userAgentSuffix("sessions-cli");
        if (insecure) {
            b.insecureTrustAllCertificates();
        }
        return b;
    }

    private String secret(Terminal term) {
        String s = term.env().apply(SECRET_ENV);
        if (s != null && !s.isEmpty()) {
            return s;
        }
        String asked = term.prompt() == null ? null : term.prompt().apply(vendor + " secret (password, API key or client secret): ");
        if (asked == null || asked.isEmpty()) {
            throw new IllegalArgumentException("no secret: set " + SECRET_ENV + " or run where the command can ask for it");
        }
        return asked;
    }

    private static String require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is required for this vendor");
        }
        return value;
    }
}
