package org.sessionsdk.core.internal.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.CallDeadline;
import org.sessionsdk.core.internal.CallListeners;
import org.sessionsdk.core.internal.concurrent.Futures;
import org.sessionsdk.core.observe.FeedPolled;

/**
 * A {@link Feed} that polls a strategy every poll interval: the timing and closing every vendor's
 * feed shares. The strategy reads the server and changes its state only when the whole poll worked,
 * so a failed poll leaves the checkpoint as it was. A poll is bounded as a whole by the options'
 * poll timeout: every call it makes, bodies included.
 *
 * @param <T> the item type
 */
public final class PollingFeed<T> implements Feed<T> {
    /**
     * How one vendor follows one stream.
     *
     * @param <T> the item type
     */
    public interface Strategy<T> {
        /**
         * One poll: read the server, return what happened since the last poll, and move on.
         *
         * @param now the clock's instant
         * @return the new items, in order
         */
        List<T> poll(Instant now);

        /**
         * {@link #poll} without the calling thread waiting for the server; changes the state, as
         * {@code poll} does, only when the whole poll worked. The default polls on the calling thread.
         *
         * @param now the clock's instant
         * @return completes with the new items, in order
         */
        default CompletableFuture<List<T>> pollAsync(Instant now) {
            return Futures.call(() -> CompletableFuture.completedFuture(poll(now)));
        }

        /** {@return the checkpoint after the last successful poll} */
        Checkpoint checkpoint();

        /** {@return what the last successful poll found it cannot deliver; none by default} */
        default List<FeedGap> gaps() {
            return List.of();
        }

        /**
         * Puts the state where a checkpoint of this strategy stands, as a new strategy resumed from it
         * would be; a checkpoint without a position yet (saved before a poll, to start now) starts at
         * {@code firstPoll}.
         *
         * @param cp        the checkpoint
         * @param firstPoll the instant of the feed's first poll, or null if it has not polled
         * @throws IllegalArgumentException if the checkpoint is another feed's or damaged; the state is
         *     then unchanged
         */
        void seek(Checkpoint cp, Instant firstPoll);

        /** {@return whether the last poll stopped early (at the batch size) with more waiting: poll again at once} */
        default boolean more() {
            return false;
        }
    }

    /** What a strategy's {@code since} is before its first poll: none yet (start now). */
    public static final long NOT_YET = Long.MIN_VALUE;

    /**
     * The instant a strategy's checkpoint stands at; for the strategies' constructors.
     *
     * @param cp   the checkpoint
     * @param kind the strategy's kind
     * @return the instant of the last poll, or null if the feed had not polled yet
     * @throws IllegalArgumentException if the checkpoint is another feed's or has no instant
     */
    public static Instant resumedSince(Checkpoint cp, String kind) {
        Long s = CheckpointState.read(cp, kind).number("since");
        if (s == null) {
            throw new IllegalArgumentException("a damaged checkpoint: no 'since'");
        }
        return s == NOT_YET ? null : Instant.ofEpochMilli(s);
    }

    private final Strategy<T> strategy;
    private final String endpoint;
    private final Duration interval;
    private final Duration pollTimeout;
    private final Clock clock;
    private final CallListeners listeners;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Instant lastPoll;
    private Instant firstPoll;

    /**
     * A feed over a strategy, of a source without an endpoint: its checkpoints name none.
     *
     * @param strategy how to poll
     * @param options  the poll interval and clock
     */
    public PollingFeed(Strategy<T> strategy, FeedOptions options) {
        this(strategy, options, null);
    }

    /**
     * A feed over a strategy reading {@code endpoint}: its checkpoints name the endpoint, and a
     * checkpoint of another one is refused (see {@link EndpointBinding}).
     *
     * @param strategy how to poll
     * @param options  the poll interval and clock
     * @param endpoint the server the strategy reads, or null
     * @throws IllegalArgumentException if the options resume a checkpoint of another endpoint
     */
    public PollingFeed(Strategy<T> strategy, FeedOptions options, URI endpoint) {
        this.endpoint = EndpointBinding.of(endpoint);
        EndpointBinding.check(options, this.endpoint);
        this.strategy = strategy;
        this.interval = options.pollInterval();
        this.pollTimeout = options.pollTimeout();
        this.clock = options.clock();
        this.listeners = CallListeners.of(options.listeners());
    }

    @Override
    public FeedBatch<T> poll(Duration timeout) throws InterruptedException {
        if (closed.getCount() == 0) {
            throw new IllegalStateException("the feed is closed");
        }
        if (lastPoll != null && !strategy.more()) { // more waiting: due at once, not after the interval
            Duration left = Duration.between(clock.instant(), lastPoll.plus(interval));
            if (left.compareTo(Duration.ZERO) > 0) {
                Duration wait = left.compareTo(timeout) < 0 ? left : timeout;
                if (!wait.isZero() && !wait.isNegative() && closed.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                    return new FeedBatch<>(List.of(), checkpoint());
                }
                if (clock.instant().isBefore(lastPoll.plus(interval))) {
                    return new FeedBatch<>(List.of(), checkpoint());
                }
            }
        }
        Instant now = clock.instant();
        try (CallDeadline.Scope bounded = CallDeadline.enter(pollTimeout, "the poll timeout of " + pollTimeout)) {
            return pollNow(now);
        }
    }

    @Override
    public CompletableFuture<FeedBatch<T>> pollAsync() {
        if (closed.getCount() == 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("the feed is closed"));
        }
        if (untilDue().compareTo(Duration.ZERO) > 0) {
            return CompletableFuture.completedFuture(new FeedBatch<>(List.of(), checkpoint()));
        }
        Instant now = clock.instant();
        long start = System.nanoTime();
        CompletableFuture<List<T>> polled;
        // the scope is read when each request starts: the strategy's first request now, later ones carry it on
        try (CallDeadline.Scope bounded = CallDeadline.enter(pollTimeout, "the poll timeout of " + pollTimeout)) {
            polled = Futures.call(() -> strategy.pollAsync(now));
        }
        return polled.handle((items, failure) -> {
            if (failure != null) {
                Throwable e = Futures.unwrap(failure);
                if (!listeners.isEmpty()) {
                    Checkpoint unchanged = checkpoint();
                    listeners.feedPolled(new FeedPolled(unchanged.kind(), 0, Duration.ofNanos(System.nanoTime() - start),
                            unchanged.toString().length(), e.getClass().getName()));
                }
                throw Futures.rethrow(e);
            }
            polledAt(now);
            Checkpoint after = checkpoint();
            if (!listeners.isEmpty()) {
                listeners.feedPolled(new FeedPolled(after.kind(), items.size(), Duration.ofNanos(System.nanoTime() - start),
                        after.toString().length(), null));
            }
            return new FeedBatch<>(items, after, strategy.gaps());
        });
    }

    /** One poll of the strategy; its state, so the checkpoint, moves only when the whole poll worked. */
    private FeedBatch<T> pollNow(Instant now) {
        if (listeners.isEmpty()) {
            List<T> items = strategy.poll(now);
            polledAt(now);
            return new FeedBatch<>(items, checkpoint(), strategy.gaps());
        }
        long start = System.nanoTime();
        List<T> items;
        try {
            items = strategy.poll(now);
        } catch (RuntimeException | Error e) {
            Checkpoint unchanged = checkpoint();
            listeners.feedPolled(new FeedPolled(unchanged.kind(), 0, Duration.ofNanos(System.nanoTime() - start),
                    unchanged.toString().length(), e.getClass().getName()));
            throw e;
        }
        polledAt(now);
        Checkpoint after = checkpoint();
        listeners.feedPolled(new FeedPolled(after.kind(), items.size(), Duration.ofNanos(System.nanoTime() - start),
                after.toString().length(), null));
        return new FeedBatch<>(items, after, strategy.gaps());
    }

    private void polledAt(Instant now) {
        lastPoll = now;
        if (firstPoll == null) {
            firstPoll = now;
        }
    }

    @Override
    public Checkpoint checkpoint() {
        return CheckpointState.withEndpoint(strategy.checkpoint(), endpoint);
    }

    @Override
    public void seek(Checkpoint checkpoint) {
        if (closed.getCount() == 0) {
            throw new IllegalStateException("the feed is closed");
        }
        strategy.seek(checkpoint, firstPoll);
        lastPoll = null; // due at once: what was lost is read again now, not a poll interval later
    }

    @Override
    public Duration untilDue() {
        if (lastPoll == null || strategy.more()) { // more waiting: due at once
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), lastPoll.plus(interval));
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
