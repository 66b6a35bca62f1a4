package org.sessionsdk.plesk;

import java.util.concurrent.CompletableFuture;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.stream.Stream;
import org.sessionsdk.core.config.ClientBuilder;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.retry.Sleeper;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.feed.PollingFeed;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.client.AbstractSessionClient;
import java.util.Optional;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.plesk.internal.PacketExchange;
import org.sessionsdk.plesk.internal.PleskErrors;
import org.sessionsdk.plesk.wire.NoParameters;
import org.sessionsdk.plesk.wire.Packet;
import org.sessionsdk.plesk.wire.ProtocolList;
import org.sessionsdk.plesk.wire.ServerRequest;
import java.util.List;

/**
 * Client for the Plesk XML API ({@code POST /enterprise/control/agent.php}): open panel sessions,
 * the action log and secret keys. Thread-safe; share one per panel and close it when done.
 *
 * <pre>{@code
 * try (PleskClient plesk = PleskClient.builder()
 *         .endpoint(URI.create("https://panel.example.com:8443"))
 *         .credentials(PleskCredentials.secretKey(key))
 *         .build()) {
 *     List<PleskSession> open = plesk.sessions().list();
 * }
 * }</pre>
 */
public final class PleskClient extends AbstractSessionClient implements AuditSource {
    private final ClientRuntime runtime;
    private final ZoneId serverZone;
    private final PleskSessions sessions;
    private final PleskEventLog eventLog;
    private final PleskSecretKeys secretKeys;
    private final PleskProtocols protocols;

    private PleskClient(Builder b, ClientRuntime runtime) {
        super("plesk", runtime.config().endpoint(), b.serverZone, runtime::close);
        this.runtime = runtime;
        this.serverZone = b.serverZone;
        PacketExchange exchange = new PacketExchange(runtime.caller(b.credentials.auth(runtime, PleskErrors::decode),
                PleskErrors::decode));
        this.protocols = new PleskProtocols(b.packetVersion, () -> askProtocols(exchange));
        exchange.versioning(protocols);
        this.sessions = new PleskSessions(exchange, runtime, serverZone);
        this.eventLog = new PleskEventLog(exchange, runtime, b.pollSleeper);
        this.secretKeys = new PleskSecretKeys(exchange, runtime);
    }

    /** {@return a builder; endpoint and credentials are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return open control-panel sessions} */
    public PleskSessions sessions() {
        return sessions;
    }

    /** {@return the action log} */
    public PleskEventLog eventLog() {
        return eventLog;
    }

    /**
     * The XML API protocol versions this panel supports ({@code server/get_protos}), oldest first. Asked at
     * most once per client: here, or when the panel refuses a packet as an unknown operator (1014) or an
     * unsupported version (1005); what it says decides the version later packets go out in and which
     * operations are refused before they are sent ({@link PleskProtocolException}). Every panel user may
     * ask.
     *
     * @return the versions, oldest first; empty when the panel (or a proxy in front of it) answered an earlier
     *         question with something else than the list
     * @throws org.sessionsdk.core.error.SdkException when the question fails (it is asked again next time)
     */
    public List<String> protocols() {
        return protocols.supported();
    }

    private static List<String> askProtocols(PacketExchange exchange) {
        ServerRequest op = new ServerRequest();
        op.setGetProtos(new NoParameters());
        Packet p = new Packet();
        p.setServer(op);
        ProtocolList list = exchange.single(p, PleskProtocols.GET_PROTOS, true, "protos", ProtocolList.class);
        return list == null ? List.of() : list.getProto().stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** {@return secret keys for key-based access} */
    public PleskSecretKeys secretKeys() {
        return secretKeys;
    }

    /**
     * The open panel sessions overlapping {@code range}. Plesk cannot filter by time, so the range
     * is applied here; lazily, close the stream.
     */
    @Override
    public Stream<SessionRecord> sessionRecords(TimeRange range) {
        String host = endpoint().getHost();
        return sessions.stream().map(s -> s.toSessionRecord(serverZone, host))
                .filter(r -> range.overlaps(r.start(), r.end()));
    }

    /** {@link #sessionRecords} through {@link PleskSessions#listAsync}: no thread waits for the server. */
    @Override
    public CompletableFuture<List<SessionRecord>> sessionRecordsAsync(TimeRange range) {
        String host = endpoint().getHost();
        return sessions.listAsync().thenApply(all -> all.stream().map(s -> s.toSessionRecord(serverZone, host))
                .filter(r -> range.overlaps(r.start(), r.end())).toList());
    }

    /**
     * The action-log entries whose time lies in {@code range}, in id order; lazily, close the stream.
     * Plesk has no time filter, but its ids grow with time: with a lower bound the log is not read from
     * its start, the first id at or after the bound is found first ({@link PleskEventLog#firstIdAt}).
     */
    @Override
    public Stream<AuditEvent> auditEvents(TimeRange range) {
        return eventLog.stream(PleskEventQuery.of(range)).map(PleskEvent::toAuditEvent);
    }

    /**
     * Follows the action log by its id cursor (ids grow): each poll reads the entries after the last
     * one delivered, in id order; the checkpoint is that id.
     */
    @Override
    public Feed<AuditEvent> auditFeed(FeedOptions options) {
        return new PollingFeed<>(new PleskAuditCursor(eventLog, options), options, endpoint());
    }

    /** Ends a panel session ({@link PleskSessions#terminate}). */
    @Override
    public String terminate(String sessionId) {
        sessions.terminate(sessionId);
        return null;
    }

    /** {@return the action log, numbered by entry id} */
    @Override
    public Optional<org.sessionsdk.core.client.NumberedAuditLog> numberedAuditLog() {
        return Optional.of(new org.sessionsdk.core.client.NumberedAuditLog() {
            @Override
            public long lastId() {
                return eventLog.lastId();
            }

            @Override
            public Stream<AuditEvent> from(long fromId) {
                return eventLog.stream(PleskEventQuery.builder().fromId(fromId).build()).map(PleskEvent::toAuditEvent);
            }

            @Override
            public Stream<AuditEvent> follow(long fromId, java.time.Duration poll) {
                return eventLog.follow(PleskEventQuery.builder().fromId(fromId).build(), poll).map(PleskEvent::toAuditEvent);
            }
        });
    }

    /** {@return this client, whose audit log it reads} */
    @Override
    public Optional<AuditSource> audit() {
        return Optional.of(this);
    }

    /** Builds a {@link PleskClient}: endpoint and credentials are required. */
    public static final class Builder extends ClientBuilder<Builder> {
        private PleskCredentials credentials;
        private ZoneId serverZone = ZoneOffset.UTC;
        private String packetVersion;
        private Sleeper pollSleeper = Sleeper.system();

        private Builder() {
            // https://panel:8443/enterprise/control/agent.php works as well as https://panel:8443
            apiPrefixes(PacketExchange.AGENT_PATH);
        }

        /**
         * How the client logs in. Required.
         *
         * @param credentials {@link PleskCredentials#secretKey} or {@link PleskCredentials#password}
         * @return this builder
         */
        public Builder credentials(PleskCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /**
         * The panel's time zone, used to read its offset-less times (default UTC).
         *
         * @param zone the panel's zone
         * @return this builder
         */
        public Builder serverZone(ZoneId zone) {
            this.serverZone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Pin a packet version, e.g. "1.6.9.1". Default: none, and the server answers in its newest (or, on a
         * panel newer than the SDK once its versions are known, the newest both support; see
         * {@link PleskClient#protocols()}). A pinned version older than an operation's first (1.6.6.0 for
         * sessions, the event log and secret keys), or one the panel does not list, is refused with a
         * {@link PleskProtocolException}.
         *
         * @param version the {@code version} attribute of every packet, or null for none
         * @return this builder
         */
        public Builder packetVersion(String version) {
            this.packetVersion = version;
            return this;
        }

        /**
         * How {@code eventLog().follow} waits between polls; tests pass one that does not sleep.
         *
         * @param sleeper waits between polls
         * @return this builder
         */
        public Builder pollSleeper(Sleeper sleeper) {
            this.pollSleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * {@return the client; no request is sent until the first call}
         * @throws IllegalStateException if no credentials or no endpoint were given
         * @throws IllegalArgumentException if the endpoint is invalid
         */
        public PleskClient build() {
            require(credentials, "credentials are required: PleskCredentials.secretKey(...) or .password(...)");
            ClientRuntime runtime = new ClientRuntime(buildConfig(), "plesk");
            try {
                return new PleskClient(this, runtime);
            } catch (RuntimeException | Error e) {
                runtime.close();
                throw e;
            }
        }
    }
}
