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

    /**
     * A range; either end may be null.
     *
     * @param from first instant included, or null for no lower bound
     * @param to   first instant excluded, or null for no upper bound
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public TimeRange {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts: " + from + " .. " + to);
        }
    }

    /** {@return no bounds: everything} */
    public static TimeRange all() {
        return new TimeRange(null, null);
    }

    /**
     * The instants from {@code from} (included) to {@code to} (excluded).
     *
     * @param from first instant included
     * @param to   first instant excluded, not before {@code from}
     * @return the range
     */
    public static TimeRange between(Instant from, Instant to) {
        return new TimeRange(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
    }

    /**
     * Everything from {@code from} on.
     *
     * @param from first instant included
     * @return the range, open at the end
     */
    public static TimeRange since(Instant from) {
        return new TimeRange(Objects.requireNonNull(from, "from"), null);
    }

    /**
     * Everything before {@code to}.
     *
     * @param to first instant excluded
     * @return the range, open at the start
     */
    public static TimeRange until(Instant to) {
        return new TimeRange(null, Objects.requireNonNull(to, "to"));
    }

    /**
     * The last {@code span}, ending now by the system clock.
     *
     * @param span how far back from now
     * @return the range {@code [now - span, now)}
     */
    public static TimeRange last(Duration span) {
        return last(span, Clock.systemUTC());
    }

    /**
     * The last {@code span}, ending at the clock's now.
     *
     * @param span  how far back from now
     * @param clock gives "now", e.g. a fixed clock in tests
     * @return the range {@code [now - span, now)}
     */
    public static TimeRange last(Duration span, Clock clock) {
        Instant now = clock.instant();
        return new TimeRange(now.minus(span), now);
    }

    /**
     * Whether a session that ran from {@code start} to {@code end} (null: still open) overlaps this
     * range. A session with no start is kept: nothing says it lies outside.
     *
     * @param start when the session began, or null if unknown
     * @param end   when it ended, or null while open
     * @return true if any part of the session lies in the range
     */
    public boolean overlaps(Instant start, Instant end) {
        if (to != null && start != null && !start.isBefore(to)) {
            return false;
        }
        return from == null || end == null || !end.isBefore(from);
    }

    /**
     * Whether an instant lies in this range: at or after {@code from}, before {@code to}. An unknown
     * time (null) is kept, as {@link #overlaps} keeps a session with no start.
     *
     * @param time the instant, or null if unknown
     * @return true if the instant is in the range or unknown
     */
    public boolean contains(Instant time) {
        if (time == null) {
            return true;
        }
        return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
    }
}
