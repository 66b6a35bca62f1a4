package org.sessionsdk.saymon;

import org.sessionsdk.core.session.TimeRange;

/**
 * Which session-log records to read and how to page. Build with {@link #builder()}; every part is
 * optional.
 *
 * <pre>{@code
 * SaymonSessionQuery.builder().from(from).to(to).limit(10_000).pageSize(500).build()
 * }</pre>
 *
 * <p>Without {@code to}, the SDK fixes it at the moment the stream starts (from the client's
 * {@link java.time.Clock}), so records logged while paging cannot shift the pages.
 *
 * <p>{@code from} and {@code to} are sent to the server as they are; SAYMON does not document whether
 * they bound a session's start or its end. For "sessions overlapping a range" whatever the server
 * does, use {@link SaymonClient#sessionRecords(org.sessionsdk.core.session.TimeRange)}.
 */
public final class SaymonSessionQuery extends PagedQuery {
    /** The page size when none is set. */
    public static final int DEFAULT_PAGE_SIZE = 500;

    private static final SaymonSessionQuery ALL = builder().build();

    private SaymonSessionQuery(Builder b) {
        super(b);
    }

    /** {@return a builder; every part is optional} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the whole log, {@link #DEFAULT_PAGE_SIZE} records per request} */
    public static SaymonSessionQuery all() {
        return ALL;
    }

    /**
     * The records within a {@link TimeRange}, default paging.
     *
     * @param range the time bounds; either end may be open
     * @return the query
     */
    public static SaymonSessionQuery of(TimeRange range) {
        return builder().range(range).build();
    }

    /** Builds a {@link SaymonSessionQuery}. */
    public static final class Builder extends PagedQueryBuilder<Builder> {
        private Builder() {
        }

        /**
         * {@return the query}
         * @throws IllegalArgumentException if {@code to} is before {@code from}
         */
        public SaymonSessionQuery build() {
            return new SaymonSessionQuery(this);
        }
    }
}
