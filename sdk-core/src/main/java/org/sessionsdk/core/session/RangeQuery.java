package org.sessionsdk.core.session;

import java.time.Instant;
import java.util.Objects;

/** A query bounded by a {@link TimeRange}: the base of the vendors' time-bounded queries. */
public abstract class RangeQuery {
    private final TimeRange range;

    /**
     * Creates one from its parts.
     *
     * @param range the time bounds; either end may be open
     */
    protected RangeQuery(TimeRange range) {
        this.range = Objects.requireNonNull(range, "range");
    }

    /** {@return the time bounds, either end open; what an open end means is the vendor query's to say} */
    public final TimeRange range() {
        return range;
    }

    /** {@return the lower time bound, or null for none} */
    public final Instant from() {
        return range.from();
    }

    /** {@return the upper time bound, or null for an open end} */
    public final Instant to() {
        return range.to();
    }
}
