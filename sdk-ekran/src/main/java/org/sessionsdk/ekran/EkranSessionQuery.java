package org.sessionsdk.ekran;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.sessionsdk.core.session.RangeQueryBuilder;
import org.sessionsdk.core.session.TimeRange;

/**
 * Which Ekran sessions to read: a time range, either end open, and optionally a window size to split
 * the range into. Immutable; {@link #splitInto(Duration)} returns a new query.
 *
 * <p>Ekran selects the sessions that started or finished inside the range, and clips their dates to
 * it. Bounds are sent with second precision, as local times in the client's server zone: the start
 * rounded down, the end rounded up, so nothing inside the range is lost.
 *
 * <pre>{@code
 * EkranSessionQuery.between(from, to)                        // one request
 * EkranSessionQuery.since(from).splitInto(Duration.ofDays(1)) // one request per day, up to now
 * EkranSessionQuery.builder().from(from).to(to).window(Duration.ofHours(6)).build()
 * }</pre>
 */
public final class EkranSessionQuery extends org.sessionsdk.core.session.RangeQuery {
    private static final EkranSessionQuery ALL = new EkranSessionQuery(TimeRange.all(), null);

    private final Duration window;

    private EkranSessionQuery(TimeRange range, Duration window) {
        super(range);
        this.window = window;
    }

    private EkranSessionQuery(Instant from, Instant to, Duration window) {
        this(new TimeRange(from, to), window); // TimeRange checks the order of the bounds
    }

    /** {@return a builder; every part is optional, and without any the query selects every session} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return every session the server has} */
    public static EkranSessionQuery all() {
        return ALL;
    }

    /**
     * Sessions that started or finished between {@code from} and {@code to}.
     *
     * @param from the start of the range
     * @param to   the end of the range, not before {@code from}
     * @return the query
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public static EkranSessionQuery between(Instant from, Instant to) {
        return new EkranSessionQuery(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"), null);
    }

    /**
     * Sessions that started or finished after {@code from}.
     *
     * @param from the start of the range
     * @return the query, open at the end
     */
    public static EkranSessionQuery since(Instant from) {
        return new EkranSessionQuery(Objects.requireNonNull(from, "from"), null, null);
    }

    /**
     * Sessions that started before {@code to}.
     *
     * @param to the end of the range
     * @return the query, open at the start
     */
    public static EkranSessionQuery until(Instant to) {
        return new EkranSessionQuery(null, Objects.requireNonNull(to, "to"), null);
    }

    /**
     * The same bounds as a {@link TimeRange}.
     *
     * @param range the range; either end may be open
     * @return the query, not split
     */
    public static EkranSessionQuery of(TimeRange range) {
        return new EkranSessionQuery(Objects.requireNonNull(range, "range"), null);
    }

    /**
     * Asks the server window by window instead of for the whole range at once (the endpoint has no
     * paging, so a long range is one long response). Each window is streamed as it arrives; a session
     * that spans several windows comes back once per window with its dates clipped to that window,
     * and only the first one seen (the earliest window) is kept. A {@code since} query's last window
     * is left open-ended, so sessions that start while the stream runs are not lost.
     *
     * @param window at least one second
     * @return a new query with the same bounds, split into windows
     * @throws IllegalArgumentException when the query has no start to split from
     */
    public EkranSessionQuery splitInto(Duration window) {
        return new EkranSessionQuery(range(), checkWindow(range(), window));
    }

    private static Duration checkWindow(TimeRange range, Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a window must be at least one second: " + window);
        }
        if (range.from() == null) {
            throw new IllegalArgumentException("splitting needs a start: use between(...) or since(...)");
        }
        return window;
    }

    /** {@return the window size to split the range into, or null to ask for it in one request} */
    public Duration window() {
        return window;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EkranSessionQuery q && range().equals(q.range()) && Objects.equals(window, q.window);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from(), to(), window);
    }

    @Override
    public String toString() {
        return "EkranSessionQuery[from=" + from() + ", to=" + to()
                + (window == null ? "" : ", window=" + window) + "]";
    }

    /** Builds an {@link EkranSessionQuery}; every part is optional. */
    public static final class Builder extends RangeQueryBuilder<Builder> {
        private Duration window;

        private Builder() {
        }

        /**
         * Ask window by window; see {@link EkranSessionQuery#splitInto(Duration)}.
         *
         * @param window at least one second, or null to ask for the range in one request
         * @return this builder
         */
        public Builder window(Duration window) {
            this.window = window;
            return this;
        }

        /**
         * {@return the query}
         * @throws IllegalArgumentException if {@code to} is before {@code from}, or a window is set without
         *         {@code from} or shorter than a second
         */
        public EkranSessionQuery build() {
            TimeRange range = timeRange();
            return new EkranSessionQuery(range, window == null ? null : checkWindow(range, window));
        }
    }
}
