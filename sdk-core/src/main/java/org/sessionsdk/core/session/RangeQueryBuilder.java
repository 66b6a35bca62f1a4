package org.sessionsdk.core.session;

import java.time.Instant;
import java.util.Objects;

/**
 * The time bounds every vendor's query builder takes, in one place: {@code from}, {@code to}, or
 * both from a {@link TimeRange}. How a vendor applies them (on the server, on the client, to which
 * time of a record) is said on its query class.
 *
 * @param <B> the vendor's builder, so chained calls keep its type
 */
public abstract class RangeQueryBuilder<B extends RangeQueryBuilder<B>> {
    private Instant from;
    private Instant to;

    /** For the vendors' query builders. */
    protected RangeQueryBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The lower bound.
     *
     * @param from the first instant included, or null for none
     * @return this builder
     */
    public B from(Instant from) {
        this.from = from;
        return self();
    }

    /**
     * The upper bound.
     *
     * @param to the end of the range, or null for none
     * @return this builder
     */
    public B to(Instant to) {
        this.to = to;
        return self();
    }

    /**
     * Both bounds at once.
     *
     * @param range the bounds; either end may be open
     * @return this builder
     */
    public B range(TimeRange range) {
        Objects.requireNonNull(range, "range");
        this.from = range.from();
        this.to = range.to();
        return self();
    }

    /**
     * {@return the bounds given so far}
     * @throws IllegalArgumentException if {@code to} is before {@code from}: the one place that checks
     */
    public TimeRange timeRange() {
        return new TimeRange(from, to);
    }
}
