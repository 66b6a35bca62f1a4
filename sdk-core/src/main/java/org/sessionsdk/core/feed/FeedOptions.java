package org.sessionsdk.core.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sessionsdk.core.observe.CallListener;

/**
 * Where a feed starts, how often it polls and how long one poll may take.
 *
 * <pre>{@code
 * FeedOptions.builder().resumeFrom(saved).pollInterval(Duration.ofSeconds(30)).build()
 * FeedOptions.builder().since(Instant.parse("2026-11-01T00:00:00Z")).build()
 * }</pre>
 *
 * <p>With neither {@code resumeFrom} nor {@code since} a feed starts now: the sessions open now are
 * reported STARTED once, audit entries from now on.
 */
public final class FeedOptions {
    /** The default wait between two polls. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);
    /**
     * The default bound on one whole poll: every call it makes, their retries and the reading of
     * their bodies. Generous for a large first poll, short of forever.
     */
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMinutes(5);
    /** The default {@link #overlap()}: how far each poll reaches back before the previous one. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(15);
    /**
     * The default most entries one poll returns: a week's backlog comes in several batches, each saved
     * before the next is read, instead of one batch that holds it all.
     */
    public static final int DEFAULT_MAX_BATCH_SIZE = 10_000;

    private final Checkpoint resumeFrom;
    private final Instant since;
    private final Duration pollInterval;
    private final Duration pollTimeout;
    private final Clock clock;
    private final List<CallListener> listeners;
    private final Duration overlap;
    private final int maxBatchSize;
    private final boolean acceptCheckpointFromOtherEndpoint;

    private FeedOptions(Builder b) {
        this.resumeFrom = b.resumeFrom;
        this.since = b.since;
        this.pollInterval = b.pollInterval;
        this.pollTimeout = b.pollTimeout;
        this.clock = b.clock;
        this.listeners = List.copyOf(b.listeners);
        this.overlap = b.overlap;
        this.maxBatchSize = b.maxBatchSize;
        this.acceptCheckpointFromOtherEndpoint = b.acceptCheckpointFromOtherEndpoint;
    }

    /**
     * {@return a builder with the defaults: start now, poll every 10 s, at most 5 minutes a poll, at
     * most 10,000 entries a batch, the system clock, checkpoints of this endpoint only}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the defaults: start now, poll every 10 s} */
    public static FeedOptions defaults() {
        return builder().build();
    }

    /** {@return the checkpoint to resume from, or null} */
    public Checkpoint resumeFrom() {
        return resumeFrom;
    }

    /** {@return the instant to start from when not resuming, or null for now} */
    public Instant since() {
        return since;
    }

    /** {@return the wait between two polls} */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** {@return the most one poll may take, reading included; past it the poll fails and the feed stays where it was} */
    public Duration pollTimeout() {
        return pollTimeout;
    }

    /** {@return the clock polls are timed and changes stamped by} */
    public Clock clock() {
        return clock;
    }

    /** {@return the listeners told of each poll; empty for none} */
    public List<CallListener> listeners() {
        return listeners;
    }

    /**
     * {@return how far each poll reaches back before the previous one (default 15 min)}: a row the
     * server lists late, or stamps by a clock behind ours, is still reported if it ended within it.
     */
    public Duration overlap() {
        return overlap;
    }

    /**
     * {@return the most entries one poll returns (default {@value #DEFAULT_MAX_BATCH_SIZE}); honoured by
     * every feed}
     */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** {@return whether a checkpoint written by a feed of another endpoint is resumed instead of refused} */
    public boolean acceptCheckpointFromOtherEndpoint() {
        return acceptCheckpointFromOtherEndpoint;
    }

    /** Builds {@link FeedOptions}. */
    public static final class Builder {
        private Checkpoint resumeFrom;
        private Instant since;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration pollTimeout = DEFAULT_POLL_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private final List<CallListener> listeners = new ArrayList<>();
        private Duration overlap = DEFAULT_OVERLAP;
        private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
        private boolean acceptCheckpointFromOtherEndpoint;

        private Builder() {
        }

        /**
         * Resume where a saved checkpoint stands; wins over {@link #since}.
         *
         * @param checkpoint a checkpoint of the same feed, or null
         * @return this builder
         */
        public Builder resumeFrom(Checkpoint checkpoint) {
            this.resumeFrom = checkpoint;
            return this;
        }

        /**
         * Start from this instant: report what happened from it on (sessions overlapping it and later,
         * audit entries at or after it).
         *
         * @param since the instant, or null for now
         * @return this builder
         */
        public Builder since(Instant since) {
            this.since = since;
            return this;
        }

        /**
         * The wait between two polls (default 10 s).
         *
         * @param interval positive
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive: " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * The most one poll may take (default 5 minutes): every call it makes, with retries and the
         * reading of the bodies. A server that answers too slowly, even one byte at a time, then fails
         * the poll with a {@link org.sessionsdk.core.error.TransportException} of kind
         * {@code CALL_TIMEOUT}, and the feed's checkpoint stays where it was, so the next poll asks
         * again. The client's own {@code callTimeout}, when shorter, still bounds each call.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder pollTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("pollTimeout must be positive: " + timeout);
            }
            this.pollTimeout = timeout;
            return this;
        }

        /**
         * The clock polls are timed and changes stamped by (default the system's); a test gives the
         * simulators' clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds a listener told of each poll ({@link CallListener#feedPolled}: items, duration, checkpoint
         * size); several may be added. The calls a poll makes are heard by the client's own listeners.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(CallListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * How far each poll reaches back before the previous one (default 15 min): a session or audit
         * entry the server lists only after the poll that should have seen it (a late upload, a
         * server clock behind ours, whole-second times) is reported if it ended (was logged) within
         * this much before the previous poll; what was reported already is remembered for as long
         * and never reported twice. Longer costs a wider listing and a larger checkpoint.
         *
         * @param overlap not negative
         * @return this builder
         */
        public Builder overlap(Duration overlap) {
            if (overlap == null || overlap.isNegative()) {
                throw new IllegalArgumentException("overlap must not be negative: " + overlap);
            }
            this.overlap = overlap;
            return this;
        }

        /**
         * The most entries one poll returns (default {@value #DEFAULT_MAX_BATCH_SIZE}). A feed with more
         * waiting stops there, with the checkpoint right after the last entry returned, and its next poll
         * is due at once instead of after the poll interval; so resuming after a long outage delivers
         * the backlog in bounded batches, each checkpointed. Honoured by every feed: the id cursors stop
         * mid-log; the session diffs and the audit windows (SAYMON's too, a user owed entries staying
         * owed until all of them went out) keep their window where it was and move their state by what
         * they returned only, so the next poll finds exactly the rest.
         *
         * @param max positive
         * @return this builder
         */
        public Builder maxBatchSize(int max) {
            if (max <= 0) {
                throw new IllegalArgumentException("maxBatchSize must be positive: " + max);
            }
            this.maxBatchSize = max;
            return this;
        }

        /**
         * Whether to resume a checkpoint that a feed of another endpoint wrote (default false: refused
         * with an {@link IllegalArgumentException} naming both endpoints). A checkpoint records the
         * endpoint its feed read (scheme, host, port and path; never credentials), so one server's
         * position is not silently applied to another. Say true when the server really moved (a new
         * URL for the same server, a restored copy); the id-cursor feeds then report a
         * {@link FeedGap.Kind#LOG_RESET} if the log's ids do not reach the checkpoint. A checkpoint
         * written before endpoints were recorded is accepted either way.
         *
         * @param accept true to resume it anyway
         * @return this builder
         */
        public Builder acceptCheckpointFromOtherEndpoint(boolean accept) {
            this.acceptCheckpointFromOtherEndpoint = accept;
            return this;
        }

        /** {@return the options} */
        public FeedOptions build() {
            return new FeedOptions(this);
        }
    }
}
