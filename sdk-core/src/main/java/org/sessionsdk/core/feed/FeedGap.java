package org.sessionsdk.core.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a feed could not deliver and knows it: reported in the {@link FeedBatch} that found it, so
 * a consumer sees a loss as data (to alert on, to re-read by hand, to mark a report incomplete)
 * instead of a log line nobody reads.
 *
 * @param kind   what went wrong
 * @param scope  what it concerns within the stream, e.g. {@code "user 42"}; null for the whole stream
 * @param from   the start of the time range that may be missing, or null when it is not a time range
 * @param to     the end of that range, or null
 * @param lastId the last id delivered before the gap, for id-cursor logs, or null
 * @param detail why, in words a person can act on
 */
public record FeedGap(Kind kind, String scope, Instant from, Instant to, String lastId, String detail) {
    /** What kind of loss a gap is. */
    public enum Kind {
        /** The server's log restarted its ids (cleared, restored, migrated, another server): entries logged before the reset and not yet read may be missing. */
        LOG_RESET,
        /** Part of the stream (e.g. one user's log) could not be read for longer than the feed looks back, so its entries of that range are not delivered. */
        SOURCE_UNREADABLE,
        /** Something started before the furthest the feed reaches back, so its start (or the session) is not reported. */
        BEYOND_LOOKBACK,
        /**
         * A server-local time fell in the hour the server's zone repeats when its clocks go back and could
         * be either of two instants ({@code from} and {@code to}): the item is still delivered, read with
         * the earlier offset, and the gap's scope names it (e.g. {@code "session 42"}).
         */
        AMBIGUOUS_LOCAL_TIME
    }

    /**
     * Checks the gap.
     *
     * @param kind   what went wrong; required
     * @param scope  what it concerns, or null
     * @param from   the range's start, or null
     * @param to     the range's end, or null
     * @param lastId the last id delivered before it, or null
     * @param detail why; required
     */
    public FeedGap {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
