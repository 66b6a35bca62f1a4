package org.sessionsdk.ekran;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.config.ClientBuilder;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.JsonSupport;
import org.sessionsdk.core.internal.feed.PollingFeed;
import org.sessionsdk.core.internal.feed.SessionDiff;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.client.AbstractSessionClient;
import java.util.Optional;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.ekran.internal.EkranErrors;

/**
 * A client for the Ekran System (Syteca) REST API, on-premises servers.
 *
 * <pre>{@code
 * try (EkranClient ekran = EkranClient.builder()
 *         .endpoint(URI.create("https://ekran.example.com"))
 *         .credentials(EkranCredentials.apiKey(key))
 *         .serverZone(ZoneId.of("Europe/Berlin"))
 *         .build()) {
 *     List<EkranSession> today = ekran.sessions().list(EkranSessionQuery.between(from, to));
 * }
 * }</pre>
 *
 * <p>Thread-safe; share one per server. Closing it releases its connections and threads.
 */
public final class EkranClient extends AbstractSessionClient implements AuditSource {
    private final ClientRuntime runtime;
    private final ZoneId serverZone;
    private final EkranSessions sessions;
    private final EkranAlerts alerts;
    private final EkranAccessRequests accessRequests;

    private EkranClient(ClientRuntime runtime, EkranCredentials credentials, ZoneId serverZone) {
        super("ekran", runtime.config().endpoint(), serverZone, runtime::close);
        this.runtime = runtime;
        this.serverZone = serverZone;
        ApiCaller caller = runtime.caller(credentials.auth(runtime, EkranErrors.decoder()), EkranErrors.decoder());
        this.sessions = new EkranSessions(runtime, caller, serverZone);
        this.alerts = new EkranAlerts(runtime, caller, serverZone);
        this.accessRequests = new EkranAccessRequests(runtime, caller, serverZone);
    }

    /** {@return a builder; endpoint and credentials are required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return sessions between two times, and sessions with their durations} */
    public EkranSessions sessions() {
        return sessions;
    }

    /** {@return alert events, following Ekran's {@code afterActivityId} cursor} */
    public EkranAlerts alerts() {
        return alerts;
    }

    /** {@return processed endpoint access requests, following Ekran's {@code afterId} cursor} */
    public EkranAccessRequests accessRequests() {
        return accessRequests;
    }

    /** Ekran sessions overlapping {@code range}, in the vendor-neutral form; close the stream. */
    @Override
    public Stream<SessionRecord> sessionRecords(TimeRange range) {
        return sessions.stream(EkranSessionQuery.of(range)).map(s -> s.toSessionRecord(serverZone));
    }

    /** {@link #sessionRecords} through {@link EkranSessions#listAsync}: no thread waits for the server. */
    @Override
    public CompletableFuture<List<SessionRecord>> sessionRecordsAsync(TimeRange range) {
        return sessions.listAsync(EkranSessionQuery.of(range))
                .thenApply(all -> all.stream().map(s -> s.toSessionRecord(serverZone)).toList());
    }

    /**
     * Follows Ekran's sessions by comparing listings (the shared strategy), with what Ekran needs: its
     * listing selects the sessions overlapping the window and clips their dates to it, so a session
     * first seen with a start before the previous poll has its true start looked up in windows
     * further back (at most 6 extra requests a poll, about 43 days); one open for longer is reported
     * with a null start and {@code startUnknown=true}, never with a clipped one. See the README's
     * "Following".
     */
    @Override
    public Feed<SessionChange> sessionFeed(FeedOptions options) {
        return new PollingFeed<>(new SessionDiff(this, options, new EkranStartFinder(sessions)), options, endpoint());
    }

    /**
     * Follows Ekran's two audit logs, alerts (by the {@code afterActivityId} cursor) and processed endpoint
     * access requests (by the {@code afterId} cursor), as one stream in time order; the checkpoint holds
     * both cursors (before a log's first entry, the feed's start instant). A checkpoint saved before access
     * requests were followed resumes the alerts where they were and starts the access requests there too
     * (see the README's "Following").
     */
    @Override
    public Feed<AuditEvent> auditFeed(FeedOptions options) {
        return new PollingFeed<>(new EkranAuditCursor(alerts, accessRequests, options), options, endpoint());
    }

    /**
     * Ekran alerts ({@link EkranAlert#toAuditEvent()}) and processed endpoint access requests
     * ({@link EkranAccessRequest#toAuditEvent()}) whose time is in {@code range}, in the vendor-neutral
     * form, merged in time order; close the stream. The range is sent as {@code start}/{@code end} and
     * applied again on the client (the bounds go out to the second). A server without the access-request
     * endpoint (404) contributes its alerts alone.
     */
    @Override
    public Stream<AuditEvent> auditEvents(TimeRange range) {
        Stream<AuditEvent> a = alerts.stream(EkranAlertQuery.of(range)).map(EkranAlert::toAuditEvent);
        Stream<AuditEvent> r = accessRequests.stream(EkranAccessRequestQuery.of(range))
                .map(EkranAccessRequest::toAuditEvent);
        return EkranAuditMerge.merge(a, r).filter(e -> range.contains(e.time()));
    }

    /** {@return this client, whose audit log it reads} */
    @Override
    public Optional<AuditSource> audit() {
        return Optional.of(this);
    }

    /** Builds an {@link EkranClient}: endpoint and credentials are required. */
    public static final class Builder extends ClientBuilder<Builder> {
        private EkranCredentials credentials;
        private ZoneId serverZone = ZoneOffset.UTC;

        private Builder() {
            // every call is under /ekranapi, so https://host/ekranapi names the same server
            apiPrefixes("/ekranapi");
        }

        /**
         * How the client signs in. Required.
         *
         * @param credentials {@link EkranCredentials#apiKey}
         * @return this builder
         */
        public Builder credentials(EkranCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * The zone the Ekran server reads its {@code start}/{@code end} parameters in (they carry no
         * offset; the API does not say which zone it uses). Default UTC.
         *
         * @param zone the server's zone
         * @return this builder
         */
        public Builder serverZone(ZoneId zone) {
            this.serverZone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * {@return the client; no request is sent until the first call}
         * @throws IllegalStateException if no credentials or no endpoint were given, or the classpath's
         *         Jackson is outside the supported range
         * @throws IllegalArgumentException if the endpoint is invalid
         */
        public EkranClient build() {
            JsonSupport.requireSupportedJackson();
            require(credentials, "credentials are required: EkranCredentials.apiKey(...)");
            ClientRuntime runtime = new ClientRuntime(buildConfig(), "ekran");
            try {
                return new EkranClient(runtime, credentials, serverZone);
            } catch (RuntimeException | Error e) {
                runtime.close();
                throw e;
            }
        }
    }
}
