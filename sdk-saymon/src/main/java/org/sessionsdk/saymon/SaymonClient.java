package org.sessionsdk.saymon;

import java.util.concurrent.CompletableFuture;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.config.ClientBuilder;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.JsonSupport;
import org.sessionsdk.core.internal.feed.PollingFeed;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.client.AbstractSessionClient;
import java.util.Optional;
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
 *      Stream<SaymonSession> log = saymon.sessions().stream(
 *         SaymonSessionQuery.builder().from(from).build())) {
 *     log.forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Thread-safe; share one per server. Closing it logs out a cookie session and releases its
 * connections and threads.
 */
public final class SaymonClient extends AbstractSessionClient implements AuditSource {
    static final String SESSION_LOG_PERMISSION = "read-session-log";
    /** The look-back when none is set: a working day's sessions, with room to spare. */
    public static final Duration DEFAULT_SESSION_LOOK_BACK = Duration.ofHours(24);
    /** The audit feed's backlog bound when none is set: a user's log may fail for a day before entries are given up. */
    public static final Duration DEFAULT_AUDIT_USER_BACKLOG = Duration.ofHours(24);

    private final ClientRuntime runtime;
    private final RequestAuth auth;
    private final SaymonSessions sessions;
    private final SaymonUsers users;
    private final SaymonAuditLog auditLog;
    private final Duration sessionLookBack;
    private final Duration auditUserBacklog;

    private SaymonClient(ClientRuntime runtime, SaymonCredentials credentials, Duration sessionLookBack,
                         Duration auditUserBacklog) {
        super("saymon", runtime.config().endpoint(), ZoneOffset.UTC, runtime::close);
        this.runtime = runtime;
        this.sessionLookBack = sessionLookBack;
        this.auditUserBacklog = auditUserBacklog;
        String refused = credentials.refusedHint();
        this.auth = credentials.auth(runtime, SaymonErrors.decoder(null, refused));
        this.sessions = new SaymonSessions(runtime,
                runtime.caller(auth, SaymonErrors.decoder(SESSION_LOG_PERMISSION, refused)));
        this.users = new SaymonUsers(runtime, runtime.caller(auth, SaymonErrors.decoder(null, refused)));
        this.auditLog = new SaymonAuditLog(runtime, runtime.caller(auth, SaymonErrors.decoder(null, refused)), users);
    }

    /** {@return a builder; endpoint and credentials are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the users' session log} */
    public SaymonSessions sessions() {
        return sessions;
    }

    /** {@return users: the current one, all of them} */
    public SaymonUsers users() {
        return users;
    }

    /** {@return the users' audit logs: one user's, or every user's in turn} */
    public SaymonAuditLog auditLog() {
        return auditLog;
    }

    /**
     * Follows the session log by comparing listings (the shared strategy, reading
     * {@link #sessionRecords}). A record still without {@code endTime} whose {@code expiredAt} has
     * passed (judged by the feed's clock, which stamps its changes) has expired for inactivity: it is
     * reported ENDED with the expiry time as its end and the attribute {@value org.sessionsdk.core.feed.FeedAttributes#END_EXPIRED}{@code =true},
     * as {@link #sessionRecords} shows it. See the README's "Following".
     */
    @Override
    public Feed<SessionChange> sessionFeed(FeedOptions options) {
        return new PollingFeed<>(new SaymonSessionFeed(this, options), options, endpoint());
    }

    /**
     * Sessions overlapping {@code range}, in the vendor-neutral form; close the stream. A session
     * without {@code endTime} whose {@code expiredAt} has passed by the client's {@code Clock} ended at
     * its expiry ({@link SaymonSession#toSessionRecord(ZoneId, Instant)}): its end is
     * {@code expiredAt} and it carries {@value org.sessionsdk.core.feed.FeedAttributes#END_EXPIRED}{@code =true}, as the feed reports it.
     *
     * <p>SAYMON does not document which time its {@code from}/{@code to} bound, so the server is asked
     * for a superset that is right either way and the overlap is decided here: {@code from} is moved
     * back by {@link Builder#sessionLookBack(Duration) sessionLookBack} (default 24 hours), and
     * {@code to} is at least now, so that a session still open, or ended after the range, is asked for
     * whether the server bounds start or end times. A session that started more than the look-back
     * before the range and still overlaps it is missing from the result when the server bounds start
     * times; no session outside the range is ever returned.
     */
    @Override
    public Stream<SessionRecord> sessionRecords(TimeRange range) {
        return sessionRecords(range, runtime.config().clock().instant(), null);
    }

    /**
     * {@link #sessionRecords(TimeRange)} with expiry judged at {@code expiryNow}; the window is the client's.
     * A {@code floor} (the feed's bounded reach-back) is the earliest the server is asked for.
     */
    Stream<SessionRecord> sessionRecords(TimeRange range, Instant expiryNow, Instant floor) {
        return sessions.stream(recordsQuery(range, floor))
                .map(s -> s.toSessionRecord(serverZone(), expiryNow))
                .filter(r -> range.overlaps(r.start(), r.end()));
    }

    @Override
    public CompletableFuture<List<SessionRecord>> sessionRecordsAsync(TimeRange range) {
        return sessionRecordsAsync(range, runtime.config().clock().instant(), null);
    }

    /** {@link #sessionRecords(TimeRange, Instant, Instant)} through {@link SaymonSessions#listAsync}. */
    CompletableFuture<List<SessionRecord>> sessionRecordsAsync(TimeRange range, Instant expiryNow, Instant floor) {
        return sessions.listAsync(recordsQuery(range, floor)).thenApply(all -> all.stream()
                .map(s -> s.toSessionRecord(serverZone(), expiryNow))
                .filter(r -> range.overlaps(r.start(), r.end())).toList());
    }

    /** The window asked of the server for {@code range}; the expiry rule comes after, before the overlap. */
    private SaymonSessionQuery recordsQuery(TimeRange range, Instant floor) {
        // the window asked of the server follows the client's clock, its best idea of the server's now,
        // whatever clock judges expiry: a feed's clock running ahead must not push the window past the log
        Instant now = runtime.config().clock().instant();
        SaymonSessionQuery.Builder q = SaymonSessionQuery.builder();
        Instant from = range.from();
        if (from != null && from.isAfter(now)) {
            // a range from a clock ahead of this client's (a feed's own clock, a checkpoint saved on a
            // host whose clock ran ahead) starts after "now": look back from now, never a reversed window
            from = now;
        }
        Instant asked = from == null ? null : from.minus(sessionLookBack);
        if (floor != null) {
            // a floor from a feed's clock ahead of this client's never cuts into the window a first poll reads
            Instant f = floor.isAfter(now.minus(sessionLookBack)) ? now.minus(sessionLookBack) : floor;
            if (asked == null || asked.isBefore(f)) {
                asked = f;
            }
        }
        q.from(asked);
        // up to a while past our now: a server clock running ahead stamps what just happened in our future
        Instant ahead = now.plus(org.sessionsdk.saymon.internal.LogPages.SERVER_CLOCK_AHEAD);
        q.to(range.to() == null || range.to().isBefore(ahead) ? ahead : range.to());
        return q.build();
    }

    /**
     * Follows every user's audit log with a position per user: a user whose log fails (a 500, a 404,
     * ...) neither blocks the others nor is skipped; it is read again from where its entries are still
     * owed at each poll until its log answers. A user owed for longer than
     * {@link Builder#auditUserBacklog(Duration) auditUserBacklog} (default 24 hours) is given up up to
     * that poll, reported once as a {@link org.sessionsdk.core.feed.FeedGap} of kind
     * {@code SOURCE_UNREADABLE} in the batch (scope {@code "user <id>"}). See the README's "Following".
     */
    @Override
    public Feed<AuditEvent> auditFeed(FeedOptions options) {
        return new PollingFeed<>(SaymonAuditFeed.strategy(auditLog, auditUserBacklog, options), options, endpoint());
    }

    /**
     * The session {@code id} looked up by its start: SAYMON has no get-by-id, but a window of one
     * millisecond at the start holds it (and any other session started then) on a server that bounds
     * its windows by start time. One request, usually one record.
     */
    List<SessionRecord> sessionAt(String id, Instant start, Instant expiryNow) {
        try (Stream<SaymonSession> s = sessions.stream(SaymonSessionQuery.builder().from(start).to(start).pageSize(10).build())) {
            return s.filter(x -> id.equals(x.id())).map(x -> x.toSessionRecord(serverZone(), expiryNow)).toList();
        }
    }

    /**
     * Every user's audit entries whose time is in {@code range}, in the vendor-neutral form
     * ({@link SaymonAuditEntry#toAuditEvent()}): per user, newest first. The bounds go to the server;
     * {@link TimeRange#contains} is checked here too, so {@code to} stays exclusive whatever the
     * server does. A user whose log cannot be read is skipped and logged (see {@link SaymonAuditLog});
     * close the stream.
     */
    @Override
    public Stream<AuditEvent> auditEvents(TimeRange range) {
        return auditLog.stream(SaymonAuditQuery.of(range))
                .map(SaymonAuditEntry::toAuditEvent)
                .filter(e -> range.contains(e.time()));
    }

    /** {@return this client, whose audit log it reads} */
    @Override
    public Optional<AuditSource> audit() {
        return Optional.of(this);
    }

    /** {@return how far before a range's start {@link #sessionRecords} asks for sessions that may overlap it} */
    public Duration sessionLookBack() {
        return sessionLookBack;
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
            super.close();
        }
    }

    /** Builds a {@link SaymonClient}: endpoint and credentials are required. */
    public static final class Builder extends ClientBuilder<Builder> {
        private SaymonCredentials credentials;
        private Duration sessionLookBack = DEFAULT_SESSION_LOOK_BACK;
        private Duration auditUserBacklog = DEFAULT_AUDIT_USER_BACKLOG;

        private Builder() {
            // every call is under /node/api, so https://saymon/node/api names the same server
            apiPrefixes("/node/api");
        }

        /**
         * How the client signs in. Required.
         *
         * @param credentials {@link SaymonCredentials#basic}, {@link SaymonCredentials#session} or
         *                    {@link SaymonCredentials#apiToken}
         * @return this builder
         */
        public Builder credentials(SaymonCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * How far before a range's start {@link SaymonClient#sessionRecords} looks for sessions that
         * started earlier and still overlap it (default 24 hours, a working day with room to spare).
         * Longer finds older open sessions at the cost of reading more of the log.
         *
         * @param lookBack zero or more
         * @return this builder
         */
        public Builder sessionLookBack(Duration lookBack) {
            Objects.requireNonNull(lookBack, "sessionLookBack");
            if (lookBack.isNegative()) {
                throw new IllegalArgumentException("sessionLookBack must not be negative: " + lookBack);
            }
            this.sessionLookBack = lookBack;
            return this;
        }

        /**
         * How long the audit feed keeps re-reading a user whose audit log cannot be read before it
         * gives up the entries still owed (default 24 hours). Past it, the range owed is reported once
         * as a {@code SOURCE_UNREADABLE} gap and the user is owed from that poll on. Set it below the
         * server's own retention of audit entries, or entries the server has dropped are waited for.
         *
         * @param backlog positive
         * @return this builder
         */
        public Builder auditUserBacklog(Duration backlog) {
            Objects.requireNonNull(backlog, "auditUserBacklog");
            if (backlog.isNegative() || backlog.isZero()) {
                throw new IllegalArgumentException("auditUserBacklog must be positive: " + backlog);
            }
            this.auditUserBacklog = backlog;
            return this;
        }

        /**
         * {@return the client; a cookie session logs in on the first call, not here}
         * @throws IllegalStateException if no credentials or no endpoint were given, or the classpath's
         *         Jackson is outside the supported range
         * @throws IllegalArgumentException if the endpoint is invalid
         */
        public SaymonClient build() {
            JsonSupport.requireSupportedJackson();
            require(credentials, "credentials are required: SaymonCredentials.basic(...), .session(...) or .apiToken(...)");
            ClientRuntime runtime = new ClientRuntime(buildConfig(), "saymon");
            try {
                return new SaymonClient(runtime, credentials, sessionLookBack, auditUserBacklog);
            } catch (RuntimeException | Error e) {
                runtime.close();
                throw e;
            }
        }
    }
}
