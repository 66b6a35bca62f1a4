package org.sessionsdk.ekran;

import java.time.Instant;
import java.util.Objects;
import org.sessionsdk.core.session.RangeQueryBuilder;
import org.sessionsdk.core.session.TimeRange;

/**
 * Which processed endpoint access requests to read: a time range (either end open), where to start
 * (the {@code afterId} cursor), and how many to ask for per request ({@code count}). Immutable.
 *
 * <p>The bounds are sent as {@code start}/{@code end}, local times in the client's server zone with
 * second precision (the start rounded down, the end rounded up), as for sessions and alerts.
 *
 * <pre>{@code
 * EkranAccessRequestQuery.all()
 * EkranAccessRequestQuery.between(from, to)
 * EkranAccessRequestQuery.builder().from(from).afterId(42L).batchSize(200).build()
 * }</pre>
 */
public final class EkranAccessRequestQuery {
    /** The most requests Ekran returns per call ({@code count}), and the default. */
    public static final int MAX_BATCH = 1000;

    private static final EkranAccessRequestQuery ALL = new EkranAccessRequestQuery(TimeRange.all(), null, MAX_BATCH);

    private final TimeRange range;
    private final Long afterId;
    private final int batchSize;

    private EkranAccessRequestQuery(TimeRange range, Long afterId, int batchSize) {
        this.range = range;
        this.afterId = afterId;
        this.batchSize = batchSize;
    }

    /** {@return a builder; every part is optional, and without any the query selects every request} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return every processed request the server has} */
    public static EkranAccessRequestQuery all() {
        return ALL;
    }

    /**
     * Requests between {@code from} and {@code to}.
     *
     * @param from the start of the range
     * @param to   the end of the range, not before {@code from}
     * @return the query
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public static EkranAccessRequestQuery between(Instant from, Instant to) {
        return of(TimeRange.between(from, to));
    }

    /**
     * The same bounds as a {@link TimeRange}.
     *
     * @param range the range; either end may be open
     * @return the query
     */
    public static EkranAccessRequestQuery of(TimeRange range) {
        return new EkranAccessRequestQuery(Objects.requireNonNull(range, "range"), null, MAX_BATCH);
    }

    /** {@return the range, either end open} */
    public TimeRange range() {
        return range;
    }

    /** {@return the request id to start after (the first call's {@code afterId}), or null for the start} */
    public Long afterId() {
        return afterId;
    }

    /** {@return the requests asked for per call ({@code count}), 1 to {@value #MAX_BATCH}} */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EkranAccessRequestQuery q && range.equals(q.range) && Objects.equals(afterId, q.afterId)
                && batchSize == q.batchSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(range, afterId, batchSize);
    }

    @Override
    public String toString() {
        return "EkranAccessRequestQuery[from=" + range.from() + ", to=" + range.to()
                + (afterId == null ? "" : ", afterId=" + afterId) + ", batchSize=" + batchSize + "]";
    }

    /** Builds an {@link EkranAccessRequestQuery}; every part is optional. */
    public static final class Builder extends RangeQueryBuilder<Builder> {
        private Long afterId;
        private int batchSize = MAX_BATCH;

        private Builder() {
        }

        /**
         * Start after this request id, e.g. the last one a previous run saw.
         *
         * @param id the id to start after, or null for the start
         * @return this builder
         */
        public Builder afterId(Long id) {
            this.afterId = id;
            return this;
        }

        /**
         * Requests asked for per call ({@code count}); default and maximum {@value #MAX_BATCH}.
         *
         * @param size 1 to {@value #MAX_BATCH}
         * @return this builder
         * @throws IllegalArgumentException outside that range (the documented maximum is 1000)
         */
        public Builder batchSize(int size) {
            if (size < 1 || size > MAX_BATCH) {
                throw new IllegalArgumentException("batchSize (count) must be 1 to " + MAX_BATCH + ": " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * {@return the query}
         * @throws IllegalArgumentException if {@code to} is before {@code from}
         */
        public EkranAccessRequestQuery build() {
            return new EkranAccessRequestQuery(timeRange(), afterId, batchSize);
        }
    }
}
