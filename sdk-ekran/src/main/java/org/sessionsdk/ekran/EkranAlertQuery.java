package org.sessionsdk.ekran;

import java.time.Instant;
import java.util.Objects;
import org.sessionsdk.core.session.RangeQueryBuilder;
import org.sessionsdk.core.session.TimeRange;

/**
 * Which Ekran alerts to read: a time range (either end open), where to start in the log, and how many
 * alerts to ask for per request. Immutable.
 *
 * <p>The bounds are sent as {@code start}/{@code end}, local times in the client's server zone with
 * second precision (the start rounded down, the end rounded up), as for sessions.
 *
 * <pre>{@code
 * EkranAlertQuery.all()
 * EkranAlertQuery.between(from, to)
 * EkranAlertQuery.builder().from(from).afterActivityId(4711).batchSize(200).build()
 * }</pre>
 */
public final class EkranAlertQuery {
    /** The most alerts Ekran returns per request ({@code alertCount}), and the default. */
    public static final int MAX_BATCH = 1000;

    private static final EkranAlertQuery ALL = new EkranAlertQuery(TimeRange.all(), null, MAX_BATCH);

    private final TimeRange range;
    private final Long afterActivityId;
    private final int batchSize;

    private EkranAlertQuery(TimeRange range, Long afterActivityId, int batchSize) {
        this.range = range;
        this.afterActivityId = afterActivityId;
        this.batchSize = batchSize;
    }

    /** {@return a builder; every part is optional, and without any the query selects every alert} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return every alert the server has} */
    public static EkranAlertQuery all() {
        return ALL;
    }

    /**
     * Alerts between {@code from} and {@code to}.
     *
     * @param from the start of the range
     * @param to   the end of the range, not before {@code from}
     * @return the query
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public static EkranAlertQuery between(Instant from, Instant to) {
        return of(TimeRange.between(from, to));
    }

    /**
     * The same bounds as a {@link TimeRange}.
     *
     * @param range the range; either end may be open
     * @return the query
     */
    public static EkranAlertQuery of(TimeRange range) {
        return new EkranAlertQuery(Objects.requireNonNull(range, "range"), null, MAX_BATCH);
    }

    /** {@return the range, either end open} */
    public TimeRange range() {
        return range;
    }

    /** {@return the activity id to start after (the first request's {@code afterActivityId}), or null for the start} */
    public Long afterActivityId() {
        return afterActivityId;
    }

    /** {@return the alerts asked for per request ({@code alertCount}), 1 to {@value #MAX_BATCH}} */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EkranAlertQuery q && range.equals(q.range) && Objects.equals(afterActivityId, q.afterActivityId)
                && batchSize == q.batchSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(range, afterActivityId, batchSize);
    }

    @Override
    public String toString() {
        return "EkranAlertQuery[from=" + range.from() + ", to=" + range.to()
                + (afterActivityId == null ? "" : ", afterActivityId=" + afterActivityId) + ", batchSize=" + batchSize + "]";
    }

    /** Builds an {@link EkranAlertQuery}; every part is optional. */
    public static final class Builder extends RangeQueryBuilder<Builder> {
        private Long afterActivityId;
        private int batchSize = MAX_BATCH;

        private Builder() {
        }

        /**
         * Start after this activity id, e.g. the last one a previous run saw.
         *
         * @param activityId the id to start after, or null for the start of the log
         * @return this builder
         */
        public Builder afterActivityId(Long activityId) {
            this.afterActivityId = activityId;
            return this;
        }

        /**
         * Alerts asked for per request ({@code alertCount}); default and maximum {@value #MAX_BATCH}.
         *
         * @param size 1 to {@value #MAX_BATCH}
         * @return this builder
         * @throws IllegalArgumentException outside that range (Ekran answers more than 1000 with a 400)
         */
        public Builder batchSize(int size) {
            if (size < 1 || size > MAX_BATCH) {
                throw new IllegalArgumentException("batchSize (alertCount) must be 1 to " + MAX_BATCH + ": " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * {@return the query}
         * @throws IllegalArgumentException if {@code to} is before {@code from}
         */
        public EkranAlertQuery build() {
            return new EkranAlertQuery(timeRange(), afterActivityId, batchSize);
        }
    }
}
