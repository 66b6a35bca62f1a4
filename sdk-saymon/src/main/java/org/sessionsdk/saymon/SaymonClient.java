package org.sessionsdk.saymon;

import java.util.Objects;
import java.util.stream.Stream;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.config.ClientBuilder;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.JsonSupport;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.saymon.internal.SaymonErrors;

/**
 * A client for the SAYMON REST API.
 *
 * <pre>{@code
 * try (SaymonClient saymon = SaymonClient.builder()
 *         .endpoint(URI.create("https://saymon.example.com"))
 *         .credentials(SaymonCredentials.basic(login, password))
 *         .build();
 *      Stream<SaymonSession> log = saymon.sessionLog().stream(
 *         SaymonSessionQuery.builder().from(from).build())) {
 *     log.forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Thread-safe; share one per server. Closing it logs out a cookie session and releases its
 * connections and threads.
 */
public final class SaymonClient implements SessionSource, AutoCloseable {
    static final String SESSION_LOG_PERMISSION = "read-session-log";

    private final ClientRuntime runtime;
    private final RequestAuth auth;
    private final SaymonSessionLog sessionLog;
    private final SaymonUsers users;

    private SaymonClient(ClientRuntime runtime, SaymonCredentials credentials) {
        this.runtime = runtime;
        this.auth = credentials.auth(runtime.caller(RequestAuth.none(), SaymonErrors.decoder(null)));
        this.sessionLog = new SaymonSessionLog(runtime,
                runtime.caller(auth, SaymonErrors.decoder(SESSION_LOG_PERMISSION)));
        this.users = new SaymonUsers(runtime.caller(auth, SaymonErrors.decoder(null)));
    }

    /** {@return a builder; endpoint and credentials are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the users' session log} */
    public SaymonSessionLog sessionLog() {
        return sessionLog;
    }

    /** {@return users: the current one} */
    public SaymonUsers users() {
        return users;
    }

    @Override
    public String vendor() {
        return "saymon";
    }

    /** Session-log records within {@code range}, in the vendor-neutral form; close the stream. */
    @Override
    public Stream<SessionRecord> sessionRecords(TimeRange range) {
        return sessionLog.stream(SaymonSessionQuery.builder().from(range.from()).to(range.to()).build())
                .map(SaymonSession::toSessionRecord);
    }

    /** Logs out a cookie session (a failure is logged, not thrown), then releases connections and threads. */
    @Override
    public void close() {
        try {
            if (auth instanceof AutoCloseable session) {
                session.close();
            }
        } catch (Exception e) {
            // SessionCookieAuth.close() reports its own failures; nothing else can be done here
        } finally {
            runtime.close();
        }
    }

    /** Builds a {@link SaymonClient}: endpoint and credentials are required. */
    public static final class Builder extends ClientBuilder<Builder> {
        private SaymonCredentials credentials;

        private Builder() {
        }

        /**
         * How the client signs in. Required.
         *
         * @param credentials {@link SaymonCredentials#basic} or {@link SaymonCredentials#session}
         * @return this builder
         */
        public Builder credentials(SaymonCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * {@return the client; a cookie session logs in on the first call, not here}
         * @throws IllegalStateException if no credentials were given, or the classpath's Jackson is outside
         *         the supported range
         */
        public SaymonClient build() {
            JsonSupport.requireSupportedJackson();
            if (credentials == null) {
                throw new IllegalStateException("credentials are required: SaymonCredentials.basic(...) or .session(...)");
            }
            return new SaymonClient(new ClientRuntime(config.build(), "saymon"), credentials);
        }
    }
}
