package org.sessionsdk.spring;

import org.sessionsdk.core.feed.FeedBatch;

/**
 * What the application does with a managed feed's batches: one bean for every feed (the feed's name
 * says which one a batch is of), or one per feed chosen by {@code sessionsdk.feeds.<name>.handler}.
 * The batch's checkpoint is saved only after this returns, so return only once its items are safe;
 * throwing makes the batch come again (at-least-once, never skipped).
 */
@FunctionalInterface
public interface SessionFeedHandler {

    /**
     * Handles one non-empty batch.
     *
     * @param feed  the feed's name under {@code sessionsdk.feeds}
     * @param batch its items ({@link org.sessionsdk.core.feed.SessionChange} for a session feed,
     *              {@link org.sessionsdk.core.audit.AuditEvent} for an audit feed) and gaps
     * @throws Exception when the batch could not be handled; it comes again
     */
    void handle(String feed, FeedBatch<?> batch) throws Exception;
}
