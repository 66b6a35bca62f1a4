package org.sessionsdk.core.client;

import java.net.URI;
import java.util.Optional;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.session.SessionSource;

/**
 * A client of one server of any vendor: what code that must not know the vendor (a dashboard, a SIEM
 * shipper, the CLI, the Kafka connector) holds. Every vendor client is one, so such code lists, follows
 * and closes a server the same way whichever vendor it is, and reaches the audit log where the vendor
 * has one through {@link #audit()} instead of a cast.
 *
 * <p>Open one with {@link SessionClients#open(String, java.util.Map)}, or build the vendor's own client
 * (which keeps its typed API) and use it as this.
 */
public interface SessionClient extends SessionSource, AutoCloseable {

    /** {@return the server this client reads} */
    @Override
    URI endpoint();

    /**
     * {@return this client's audit log, or empty for a vendor that documents none}; the same object as
     * this client where it has one, so closing this client closes it too
     */
    Optional<AuditSource> audit();

    /**
     * Follows the audit log (see {@link AuditSource#auditFeed(FeedOptions)}). A client that is an
     * {@link AuditSource} too inherits two defaults of this method and must pick one: Java requires
     * {@code return AuditSource.super.auditFeed(options);} or the vendor's own feed.
     *
     * @param options where to start and how often to poll
     * @return the feed; close it
     * @throws UnsupportedOperationException if the vendor documents no audit log ({@link #audit()} is empty)
     */
    default Feed<AuditEvent> auditFeed(FeedOptions options) {
        return audit().orElseThrow(() -> new UnsupportedOperationException(
                vendor() + " documents no audit log: this client has sessions only")).auditFeed(options);
    }

    /**
     * Ends a session on the server.
     *
     * @param sessionId the session, as {@link #sessionRecords} names it (a vendor may accept another
     *                  form of it too: see its provider's {@link VendorProvider#terminateHelp()})
     * @return what the server ended beyond the id given (e.g. {@code session_id 9f1c...} where the vendor
     *     knows the session by another id), or null
     * @throws UnsupportedOperationException if the vendor's API cannot end sessions
     */
    default String terminate(String sessionId) {
        throw new UnsupportedOperationException(vendor() + " sessions cannot be ended through its API");
    }

    /**
     * {@return the vendor's numbered audit log, read from an entry's number on, or empty where the vendor
     * numbers no log}
     */
    default Optional<NumberedAuditLog> numberedAuditLog() {
        return Optional.empty();
    }

    /** Releases the client's connections and threads; never throws. */
    @Override
    void close();
}
