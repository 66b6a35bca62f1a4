package org.sessionsdk.plesk;

import java.util.ArrayList;
import java.util.List;

/**
 * Which action-log entries to read: from an id on (inclusive), and optionally only some
 * (type, class) pairs.
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

    private PleskEventQuery(Builder b) {
        this.fromId = b.fromId;
        this.events = List.copyOf(b.events);
    }

    /** {@return every entry in the log} */
    public static PleskEventQuery all() {
        return ALL;
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

    /**
     * The same query starting at another id.
     *
     * @param id the first id to return, inclusive; positive
     * @return a new query with the same filters
     */
    public PleskEventQuery withFromId(long id) {
        Builder b = builder().fromId(id);
        b.events.addAll(events);
        return b.build();
    }

    /** Builds a {@link PleskEventQuery}. */
    public static final class Builder {
        private Long fromId;
        private final List<EventFilter> events = new ArrayList<>();

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

        /** {@return the query} */
        public PleskEventQuery build() {
            return new PleskEventQuery(this);
        }
    }
}
