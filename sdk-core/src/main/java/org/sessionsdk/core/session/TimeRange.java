package org.sessionsdk.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open span of time {@code [from, to)}; either end may be open (null).
 *
 * @param from first instant included, or null for no lower bound
 * @param to   first instant excluded, or null for no upper bound
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts: " + from + " .. " + to);
        }
    }

    /** No bounds: everything. */
    public static TimeRange all() {
        return new TimeRange(null, null);
    }

    public static TimeRange between(Instant from, Instant to) {
        return new TimeRange(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
    }

    public static TimeRange since(Instant from) {
        return new TimeRange(Objects.requireNonNull(from, "from"), null);
    }

    public static TimeRange until(Instant to) {
        return new TimeRange(null, Objects.requireNonNull(to, "to"));
    }

    /** The last {@code span}, ending now. */
    public static TimeRange last(Duration span) {
        return last(span, Clock.systemUTC());
    }

    public static TimeRange last(Duration span, Clock clock) {
        Instant now = clock.instant();
        return new TimeRange(now.minus(span), now);
    }

    /**
     * Whether a session that ran from {@code start} to {@code end} (null: still open) overlaps this
     * range. A session with no start is kept: nothing says it lies outside.
     */
    public boolean overlaps(Instant start, Instant end) {
        if (to != null && start != null && !start.isBefore(to)) {
            return false;
        }
        return from == null || end == null || !end.isBefore(from);
    }
}
