package org.sessionsdk.core.audit;

import java.net.URI;
import java.util.stream.Stream;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.feed.AuditWindows;
import org.sessionsdk.core.internal.feed.PollingFeed;
import org.sessionsdk.core.session.TimeRange;

/**
 * Anything that can list audit entries in the vendor-neutral form: the Plesk, Ekran and SAYMON
 * clients are (senhasegura documents no audit API).
 */
public interface AuditSource {

    /** {@return {@code plesk}, {@code ekran} or {@code saymon}} */
    String vendor();

    /**
     * {@return the server this source reads, or null when it has none; a feed's checkpoints name it, so
     * a checkpoint of one server is not resumed on another}
     */
    default URI endpoint() {
        return null;
    }

    /**
     * Audit entries whose time falls in {@code range}, lazily and in the log's order; close the stream.
     * Filtered on the server where the vendor can, on the client otherwise.
     *
     * @param range the entries to return: those whose time is in it
     * @return the entries in the vendor-neutral form; close it
     */
    Stream<AuditEvent> auditEvents(TimeRange range);

    /**
     * Follows this source's audit log: every entry once or more, in log order, resumable from a
     * checkpoint. The shared strategy reads overlapping time windows and drops entries already
     * delivered; a vendor module may follow its log another way (Plesk by its id cursor).
     *
     * @param options where to start (a checkpoint, an instant, or now) and how often to poll
     * @return the feed; close it
     * @throws IllegalArgumentException if the checkpoint is another feed's
     */
    default Feed<AuditEvent> auditFeed(FeedOptions options) {
        return new PollingFeed<>(new AuditWindows(this, options), options, endpoint());
    }
}
