package org.sessionsdk.plesk;

import java.util.ArrayList;
import java.util.List;
import org.sessionsdk.core.session.RangeQueryBuilder;
import org.sessionsdk.core.session.TimeRange;

/**
 * Which action-log entries to read: from an id on (inclusive), optionally only some (type, class)
 * pairs, and optionally only those whose time lies in a range. Plesk selects by id and pair; it has
 * no time filter, so a range is applied here as the entries arrive.
 *
 * <pre>{@code
 * PleskEventQuery.builder().fromId(177).event("created", "mailname").build()
 * PleskEventQuery.of(TimeRange.last(Duration.ofHours(1)))
 * }</pre>
 */
public final class PleskEventQuery {
    /**
     * A (type, class) pair to select, e.g. ("created", "mailname").
     *
     * @param type        the action type, e.g. {@code created}
     * @param objectClass the object class, e.g. {@code mailname}
     */
    public record EventFilter(String type, String objectClass) {
    }

    private static final PleskEventQuery ALL = builder().build();

    private final Long fromId;
    private final List<EventFilter> events;
    private final TimeRange range;

    private PleskEventQuery(Builder b) {
        this.fromId = b.fromId;
        this.events = List.copyOf(b.events);
        this.range = b.timeRange(); // TimeRange checks the order of the bounds
    }

    /** {@return every entry in the log} */
    public static PleskEventQuery all() {
        return ALL;
    }

    /**
     * Every entry whose time lies in {@code range} (applied on the client: Plesk has no time filter).
     *
     * @param range the times to keep; either end may be open
     * @return the query
     */
    public static PleskEventQuery of(TimeRange range) {
        return builder().range(range).build();
    }

    /** {@return a builder for a query that starts at the beginning of the log and selects every entry} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the first id to return (inclusive), or null for the start of the log} */
    public Long fromId() {
        return fromId;
    }

    /** {@return the (type, class) pairs to select; empty for every entry} */
    public List<EventFilter> events() {
        return events;
    }

    /** {@return the times to keep; {@link TimeRange#all()} for every entry} */
    public TimeRange range() {
        return range;
    }

    /**
     * The same query starting at another id.
     *
     * @param id the first id to return, inclusive; positive
     * @return a new query with the same filters
     */
    public PleskEventQuery withFromId(long id) {
        Builder b = builder().fromId(id).range(range);
        b.events.addAll(events);
        return b.build();
    }

    @Override
    public String toString() {
        return "PleskEventQuery[fromId=" + fromId + ", events=" + events + ", from=" + range.from()
                + ", to=" + range.to() + "]";
    }

    /** Builds a {@link PleskEventQuery}. */
    public static final class Builder extends RangeQueryBuilder<Builder> {
        private Long fromId;
        private final List<EventFilter> events = new ArrayList<>();

        private Builder() {
        }

        /**
         * Start at this id, inclusive (Plesk's {@code lastId}); must be positive.
         *
         * @param id the first id to return
         * @return this builder
         * @throws IllegalArgumentException if {@code id} is below 1
         */
        public Builder fromId(long id) {
            if (id < 1) {
                throw new IllegalArgumentException("fromId must be a positive id, was " + id);
            }
            this.fromId = id;
            return this;
        }

        /**
         * Only entries of this type and class; may be called several times.
         *
         * @param type        the action type, e.g. {@code created}
         * @param objectClass the object class, e.g. {@code mailname}
         * @return this builder
         */
        public Builder event(String type, String objectClass) {
            events.add(new EventFilter(type, objectClass));
            return this;
        }

        /**
         * {@return the query}
         * @throws IllegalArgumentException if {@code to} is before {@code from}
         */
        public PleskEventQuery build() {
            return new PleskEventQuery(this);
        }
    }
}
