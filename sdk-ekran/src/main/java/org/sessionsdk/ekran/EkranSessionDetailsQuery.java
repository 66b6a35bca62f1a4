package org.sessionsdk.ekran;

import java.time.Instant;
import java.util.Objects;
import org.sessionsdk.core.session.RangeQueryBuilder;
import org.sessionsdk.core.session.TimeRange;

/**
 * Which Ekran session details to read ({@code POST /ekranapi/sessions}): a time range, either end open,
 * and the page size. Immutable.
 *
 * <p>Bounds are sent as {@code start}/{@code end}, local times in the client's server zone with second
 * precision (start rounded down, end rounded up), as for {@link EkranSessionQuery}; pages are asked with
 * {@code sessionCount} and {@code pageIndex} from 0.
 */
public final class EkranSessionDetailsQuery {
    /** The most sessions Ekran returns per page ({@code sessionCount}), and the default. */
    public static final int MAX_PAGE = 1000;

    private static final EkranSessionDetailsQuery ALL = new EkranSessionDetailsQuery(TimeRange.all(), MAX_PAGE);

    private final TimeRange range;
    private final int pageSize;

    private EkranSessionDetailsQuery(TimeRange range, int pageSize) {
        this.range = range;
        this.pageSize = pageSize;
    }

    /** {@return a builder; every part is optional, and without any the query selects every session} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return every session the server has} */
    public static EkranSessionDetailsQuery all() {
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
    public static EkranSessionDetailsQuery between(Instant from, Instant to) {
        return of(TimeRange.between(from, to));
    }

    /**
     * The same bounds as a {@link TimeRange}.
     *
     * @param range the range; either end may be open
     * @return the query, with the largest page size
     */
    public static EkranSessionDetailsQuery of(TimeRange range) {
        return new EkranSessionDetailsQuery(Objects.requireNonNull(range, "range"), MAX_PAGE);
    }

    /** {@return the range, either end open} */
    public TimeRange range() {
        return range;
    }

    /** {@return the sessions asked for per page ({@code sessionCount}), 1 to {@value #MAX_PAGE}} */
    public int pageSize() {
        return pageSize;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EkranSessionDetailsQuery q && range.equals(q.range) && pageSize == q.pageSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(range, pageSize);
    }

    @Override
    public String toString() {
        return "EkranSessionDetailsQuery[from=" + range.from() + ", to=" + range.to() + ", pageSize=" + pageSize + "]";
    }

    /** Builds an {@link EkranSessionDetailsQuery}; every part is optional. */
    public static final class Builder extends RangeQueryBuilder<Builder> {
        private int pageSize = MAX_PAGE;

        private Builder() {
        }

        /**
         * Sessions asked for per page ({@code sessionCount}); default and maximum {@value #MAX_PAGE}.
         *
         * @param size 1 to {@value #MAX_PAGE}
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder pageSize(int size) {
            if (size < 1 || size > MAX_PAGE) {
                throw new IllegalArgumentException("pageSize (sessionCount) must be 1 to " + MAX_PAGE + ": " + size);
            }
            this.pageSize = size;
            return this;
        }

        /**
         * {@return the query}
         * @throws IllegalArgumentException if {@code to} is before {@code from}
         */
        public EkranSessionDetailsQuery build() {
            return new EkranSessionDetailsQuery(timeRange(), pageSize);
        }
    }
}
