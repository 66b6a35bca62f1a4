package org.sessionsdk.senhasegura;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.stream.Stream;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.config.ClientBuilder;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.JsonSupport;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.client.AbstractSessionClient;
import org.sessionsdk.core.audit.AuditSource;
import java.util.Optional;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.senhasegura.internal.SenhaseguraErrors;
import org.sessionsdk.senhasegura.internal.EnvelopePolicy;

/**
 * A client for senhasegura (Segura) PAM's A2A REST API: the remote (proxy) sessions it records.
 *
 * <pre>{@code
 * try (SenhaseguraClient pam = SenhaseguraClient.builder()
 *         .endpoint(URI.create("https://pam.example.com"))
 *         .credentials(SenhaseguraCredentials.oauth2(clientId, clientSecret))
 *         .serverZone(ZoneId.of("America/Sao_Paulo"))
 *         .build();
 *      Stream<SenhaseguraSession> sessions = pam.sessions().stream()) {
 *     sessions.filter(SenhaseguraSession::open).forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Thread-safe; share one per server. Closing it releases its connections and threads.
 */
public final class SenhaseguraClient extends AbstractSessionClient {
    /** A {@code session_id}: 40 hex digits; anything else made of digits only is a numeric id. */
    private static final java.util.regex.Pattern SESSION_ID = java.util.regex.Pattern.compile("[0-9a-fA-F]{40}");
    private static final java.util.regex.Pattern NUMERIC_ID = java.util.regex.Pattern.compile("[0-9]+");
    static final String TOKEN_PATH = SenhaseguraCredentials.TOKEN_PATH;
    static final String DEFAULT_REMOTE_SESSIONS_PATH = "/api/session/remotesessions";
    static final String DEFAULT_TERMINATE_PATH = "/api/pam/session/drop";
    /** Where versions of senhasegura list remote sessions, newest first. */
    static final java.util.List<String> REMOTE_SESSIONS_PATHS = java.util.List.of(DEFAULT_REMOTE_SESSIONS_PATH,
            "/api/pam/session/remotesessions", "/iso/session/remotesessions");
    /** Where versions of senhasegura end sessions, newest first. */
    static final java.util.List<String> TERMINATE_PATHS = java.util.List.of(DEFAULT_TERMINATE_PATH, "/iso/session/drop");
    static final Duration DEFAULT_REMOTE_SESSIONS_TIMEOUT = Duration.ofMinutes(10);

    private final ClientRuntime runtime;
    private final ZoneId serverZone;
    private final SenhaseguraSessions sessions;

    private SenhaseguraClient(Builder b, ClientRuntime runtime) {
        super("senhasegura", runtime.config().endpoint(), b.serverZone, runtime::close);
        this.runtime = runtime;
        this.serverZone = b.serverZone;
        SenhaseguraErrors errors = new SenhaseguraErrors(
                b.remoteSessionsPath != null ? b.remoteSessionsPath : DEFAULT_REMOTE_SESSIONS_PATH,
                b.terminatePath != null ? b.terminatePath : DEFAULT_TERMINATE_PATH);
        RequestAuth auth = b.credentials.auth(runtime, errors);
        this.sessions = new SenhaseguraSessions(runtime, runtime.caller(auth, errors, new EnvelopePolicy(errors)), errors,
                new VersionPaths("remote sessions", "remoteSessionsPath", b.remoteSessionsPath, REMOTE_SESSIONS_PATHS),
                new VersionPaths("terminate", "terminatePath", b.terminatePath, TERMINATE_PATHS),
                b.remoteSessionsTimeout);
    }

    /** {@return a builder; endpoint and credentials are required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Remote sessions overlapping {@code range}, in the unified view. The API has no time filter, so
     * the whole list is streamed and the range applied here; close the stream.
     */
    @Override
    public Stream<SessionRecord> sessionRecords(TimeRange range) {
        return sessions().stream().map(r -> r.toSessionRecord(serverZone()))
                .filter(r -> range.overlaps(r.start(), r.end()));
    }

    /** {@link #sessionRecords} through {@link SenhaseguraSessions#listAsync}. */
    @Override
    public CompletableFuture<List<SessionRecord>> sessionRecordsAsync(TimeRange range) {
        return sessions().listAsync().thenApply(all -> all.stream().map(r -> r.toSessionRecord(serverZone()))
                .filter(r -> range.overlaps(r.start(), r.end())).toList());
    }

    /** {@return remote (proxy) sessions: list, stream, get one, terminate} */
    public SenhaseguraSessions sessions() {
        return sessions;
    }

    /**
     * Ends a remote session given either the numeric id a listing shows (looked up for its
     * {@code session_id}) or the 40-hex {@code session_id} itself (or whatever else the server calls one:
     * it decides).
     *
     * @return {@code session_id <hash>} when a numeric id was looked up, else null
     */
    @Override
    public String terminate(String sessionId) {
        String trimmed = sessionId.trim();
        if (NUMERIC_ID.matcher(trimmed).matches() && !SESSION_ID.matcher(trimmed).matches()) {
            return "session_id " + sessions.terminateById(trimmed).sessionId();
        }
        sessions.terminate(trimmed);
        return null;
    }

    /** {@return empty: senhasegura documents no audit log} */
    @Override
    public Optional<AuditSource> audit() {
        return Optional.empty();
    }

    /** Builds a {@link SenhaseguraClient}; endpoint and credentials are required. */
    public static final class Builder extends ClientBuilder<Builder> {
        private SenhaseguraCredentials credentials;
        private ZoneId serverZone = ZoneOffset.UTC;
        private String remoteSessionsPath;
        private String terminatePath;
        private Duration remoteSessionsTimeout = DEFAULT_REMOTE_SESSIONS_TIMEOUT;

        private Builder() {
            // calls live under /api and /iso at the server's root, so https://pam/api names the same server
            apiPrefixes("/api", "/iso");
        }

        /**
         * {@link SenhaseguraCredentials#oauth2} or {@link SenhaseguraCredentials#oauth1}. Required.
         *
         * @param c the credentials
         * @return this builder
         */
        public Builder credentials(SenhaseguraCredentials c) {
            this.credentials = Objects.requireNonNull(c, "credentials");
            return this;
        }

        /**
         * The zone of the server's {@code start}/{@code end} times, which carry none (default UTC).
         *
         * @param zone the server's zone
         * @return this builder
         */
        public Builder serverZone(ZoneId zone) {
            this.serverZone = Objects.requireNonNull(zone, "serverZone");
            return this;
        }

        /**
         * Where the list lives, fixed. Without it the client finds out: it asks the newest documented
         * path ({@code /api/session/remotesessions}) and, once when that answers "not found", the older
         * ones ({@code /api/pam/session/remotesessions}, {@code /iso/session/remotesessions}), and keeps the
         * one that answered. One session is read from {@code {path}/{id}}.
         *
         * @param path an absolute path, without query or fragment
         * @return this builder
         * @throws IllegalArgumentException if the path is not absolute or has a query or fragment
         */
        public Builder remoteSessionsPath(String path) {
            this.remoteSessionsPath = cleanPath(path, "remoteSessionsPath");
            return this;
        }

        /**
         * Where sessions are ended, fixed: {@code DELETE {path}/{session_id}}. Without it the client asks
         * {@code /api/pam/session/drop} and, once when that answers "not found", {@code /iso/session/drop}
         * (the one of the remote-sessions path's family first), and keeps the one that answered.
         *
         * @param path an absolute path, without query or fragment
         * @return this builder
         * @throws IllegalArgumentException if the path is not absolute or has a query or fragment
         */
        public Builder terminatePath(String path) {
            this.terminatePath = cleanPath(path, "terminatePath");
            return this;
        }

        /**
         * How long the list call waits for the response to start, per attempt (default 10 minutes:
         * the vendor warns the list may take minutes). Pauses while it streams are bounded by
         * {@code readTimeout}.
         *
         * @param d a positive duration
         * @return this builder
         * @throws IllegalArgumentException if {@code d} is not positive
         */
        public Builder remoteSessionsTimeout(Duration d) {
            Objects.requireNonNull(d, "remoteSessionsTimeout");
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("remoteSessionsTimeout must be positive");
            }
            this.remoteSessionsTimeout = d;
            return this;
        }

        /**
         * {@return the client; an OAuth 2 token is fetched on the first call, not here}
         * @throws IllegalStateException if no credentials or no endpoint were given, or the classpath's
         *         Jackson is outside the supported range
         * @throws IllegalArgumentException if the endpoint is invalid
         */
        public SenhaseguraClient build() {
            JsonSupport.requireSupportedJackson();
            require(credentials, "credentials are required: SenhaseguraCredentials.oauth2(...) or .oauth1(...)");
            ClientRuntime runtime = new ClientRuntime(buildConfig(), "senhasegura");
            try {
                return new SenhaseguraClient(this, runtime);
            } catch (RuntimeException | Error e) {
                runtime.close();
                throw e;
            }
        }

        private static String cleanPath(String path, String name) {
            Objects.requireNonNull(path, name);
            String p = path.trim();
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.isEmpty() || !p.startsWith("/") || p.contains("?") || p.contains("#")) {
                throw new IllegalArgumentException(name + " must be an absolute path like /api/session/remotesessions");
            }
            return p;
        }
    }
}
