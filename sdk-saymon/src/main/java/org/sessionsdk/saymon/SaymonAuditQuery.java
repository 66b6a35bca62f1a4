package org.sessionsdk.saymon;

import java.util.Objects;
import java.util.function.Consumer;
import org.sessionsdk.core.session.TimeRange;

/**
 * Which audit-log records to read and how to page. Build with {@link #builder()}; every part is
 * optional.
 *
 * <pre>{@code
 * SaymonAuditQuery.builder().from(from).userId("5f5f420005a91e683e101ca7").pageSize(500).build()
 * SaymonAuditQuery.builder().from(from).onUserFailure(f -> alerts.add(f)).build()   // every user
 * }</pre>
 *
 * <p>With a {@link Builder#userId user id}, that user's log is read and any failure fails the
 * stream. Without one, every user's log is read in turn (the user list first): a user whose log
 * cannot be read is skipped, logged once at WARN and handed to {@link Builder#onUserFailure}; see
 * {@link SaymonAuditLog}.
 *
 * <p>{@code from} and {@code to} bound the records' {@code timestamp} and go to the server as they
 * are; without {@code to}, the SDK fixes it at the moment the stream starts (from the client's
 * {@link java.time.Clock}), so records logged while paging cannot shift the pages.
 */
public final class SaymonAuditQuery extends PagedQuery {
    private static final Consumer<SaymonAuditFailure> IGNORE = f -> { };
    private static final SaymonAuditQuery ALL = builder().build();

    private final String userId;
    private final Consumer<SaymonAuditFailure> onUserFailure;

    private SaymonAuditQuery(Builder b) {
        super(b);
        this.userId = b.userId;
        this.onUserFailure = b.onUserFailure;
    }

    /** {@return a builder; every part is optional} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return every user's whole log, {@link SaymonSessionQuery#DEFAULT_PAGE_SIZE} records per request} */
    public static SaymonAuditQuery all() {
        return ALL;
    }

    /**
     * Every user's records within a {@link TimeRange}, default paging.
     *
     * @param range the time bounds; either end may be open
     * @return the query
     */
    public static SaymonAuditQuery of(TimeRange range) {
        return builder().range(range).build();
    }

    /** {@return the one user whose log is read, or null for every user} */
    public String userId() {
        return userId;
    }

    /** {@return told of each user skipped in a walk over every user; never null} */
    public Consumer<SaymonAuditFailure> onUserFailure() {
        return onUserFailure;
    }

    @Override
    String extra() {
        return ", userId=" + userId;
    }

    /** Builds a {@link SaymonAuditQuery}. */
    public static final class Builder extends PagedQueryBuilder<Builder> {
        private String userId;
        private Consumer<SaymonAuditFailure> onUserFailure = IGNORE;

        private Builder() {
        }

        /**
         * Read only this user's log; any failure then fails the stream (default: every user's).
         *
         * @param userId the user's id (as {@link SaymonUser#id()}), or null for every user
         * @return this builder
         * @throws IllegalArgumentException if {@code userId} is blank
         */
        public Builder userId(String userId) {
            if (userId != null && userId.isBlank()) {
                throw new IllegalArgumentException("userId must not be blank");
            }
            this.userId = userId;
            return this;
        }

        /**
         * Told, on the reading thread, of each user whose log could not be read during a walk over
         * every user (the walk goes on without it). Default: nothing but the WARN line.
         *
         * @param onUserFailure receives each failure
         * @return this builder
         */
        public Builder onUserFailure(Consumer<SaymonAuditFailure> onUserFailure) {
            this.onUserFailure = Objects.requireNonNull(onUserFailure, "onUserFailure");
            return this;
        }

        /**
         * {@return the query}
         * @throws IllegalArgumentException if {@code to} is before {@code from}
         */
        public SaymonAuditQuery build() {
            return new SaymonAuditQuery(this);
        }
    }
}
