package org.sessionsdk.saymon;

import java.time.Instant;
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
public final class SaymonSessionQuery {
    /** The page size when none is set. */
    public static final int DEFAULT_PAGE_SIZE = 500;

    private static final SaymonSessionQuery ALL = builder().build();

    private final TimeRange range;
    private final Integer limit;
    private final int pageSize;

    private SaymonSessionQuery(Builder b) {
        this.range = b.timeRange(); // TimeRange checks the order of the bounds
        this.limit = b.limit;
        this.pageSize = b.pageSize;
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

    /** {@return the time bounds; an open {@code to} is fixed when the stream starts} */
    public TimeRange range() {
        return range;
    }

    /** {@return the lower time bound, or null for none} */
    public Instant from() {
        return range.from();
    }

    /** {@return the upper time bound, or null to fix it when the stream starts} */
    public Instant to() {
        return range.to();
    }

    /** {@return the most records to return in all, or null for no cap} */
    public Integer limit() {
        return limit;
    }

    /** {@return records asked per request} */
    public int pageSize() {
        return pageSize;
    }

    @Override
    public String toString() {
        return "SaymonSessionQuery[from=" + range.from() + ", to=" + range.to() + ", limit=" + limit + ", pageSize=" + pageSize + "]";
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
