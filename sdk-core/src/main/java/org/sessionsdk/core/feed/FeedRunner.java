package org.sessionsdk.core.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.retry.RetryPolicy;

/**
 * The follow loop done right: poll, hand the batch to the handler, save the checkpoint only after
 * the handler returned, repeat. At-least-once: a crash at any point repeats at most the batch whose
 * checkpoint was not saved yet. A poll, handler or save that fails puts the feed back at the last
 * saved checkpoint ({@link Feed#seek}), so the unhandled batch comes again, never skipped; the next
 * try waits the {@link RetryPolicy}'s backoff, and after {@link RetryPolicy#maxAttempts()} failures in
 * a row the failure is thrown (calling {@link #run()} again goes on from the saved checkpoint). Stops
 * on {@link #close()} or interrupt, with the last checkpoint saved.
 *
 * <pre>{@code
 * try (FileCheckpointStore store = new FileCheckpointStore(Path.of("state"))) {
 *     Checkpoint saved = store.load("panel7-sessions").orElse(null);
 *     try (Feed<SessionChange> feed = plesk.sessionFeed(FeedOptions.builder().resumeFrom(saved).build());
 *          FeedRunner<SessionChange> runner = new FeedRunner<>(feed, store, "panel7-sessions",
 *                  batch -> batch.items().forEach(System.out::println))) {
 *         runner.run();   // until runner.close() from another thread, or an interrupt
 *     }
 * }
 * }</pre>
 *
 * <p>A scheduler that must not block calls {@link #pollIfDue()} instead and calls again after the
 * time it returns. Not thread-safe: run it from one thread at a time.
 *
 * @param <T> the item type
 */
public final class FeedRunner<T> implements AutoCloseable {
    /**
     * What to do with each non-empty batch.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface Handler<T> {
        /**
         * Handles a batch; return only once its items are safe (written, flushed, sent).
         *
         * @param batch the items and the checkpoint that follows them
         * @throws Exception when the batch could not be handled; its checkpoint is then not saved, and
         *     the batch comes again
         */
        void handle(FeedBatch<T> batch) throws Exception;
    }

    /**
     * What a runner tells about its turns, for a command line's progress lines, a connector's metrics
     * or a health check. Every method has a no-op default; they run on the runner's thread.
     *
     * @param <T> the item type
     */
    public interface Listener<T> {
        /**
         * A poll worked and its batch (possibly empty) was handled.
         *
         * @param batch the batch
         * @param saved whether its checkpoint was saved (false when it did not move, or with no store)
         */
        default void polled(FeedBatch<T> batch, boolean saved) {
        }

        /**
         * A poll, handler or save failed; the feed is back at the last saved checkpoint.
         *
         * @param error    what failed
         * @param inARow   failures in a row, this one included
         * @param retryIn  the wait before the next try, or null when the failure is thrown (the retry
         *                 policy gave up, or no retry can fix it)
         */
        default void failed(Throwable error, int inARow, Duration retryIn) {
        }

        /**
         * A turn worked after failures.
         *
         * @param failures how many failed in a row before it
         */
        default void recovered(int failures) {
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(1);

    private final Feed<T> feed;
    private final CheckpointStore store;
    private final String key;
    private final Handler<T> handler;
    private final RetryPolicy retry;
    private final Listener<T> listener;
    private final Predicate<Throwable> fatal;
    /** Where the feed stood when handed over: where a failure goes back to while nothing is saved. */
    private final Checkpoint start;
    private volatile boolean stopped;
    /** Whether {@link #run()} is waiting a backoff now, and on which thread it runs. */
    private volatile boolean sleeping;
    private volatile Thread runner;
    private Checkpoint saved;
    private int failures;

    /**
     * A runner that backs off by {@link RetryPolicy#defaults()} (3 tries in a row, then the failure is
     * thrown); nothing happens until {@link #run()} or {@link #pollIfDue()}.
     *
     * @param feed    the feed, already positioned (resumed from the store's checkpoint if any)
     * @param store   where checkpoints are saved
     * @param key     the feed's key in the store
     * @param handler what to do with each batch
     */
    public FeedRunner(Feed<T> feed, CheckpointStore store, String key, Handler<T> handler) {
        this(builder(feed, handler).store(store, key));
    }

    /**
     * A runner with its own backoff for failed polls, handlers and saves.
     *
     * @param feed    the feed, already positioned (resumed from the store's checkpoint if any)
     * @param store   where checkpoints are saved
     * @param key     the feed's key in the store
     * @param handler what to do with each batch
     * @param retry   the tries in a row before a failure is thrown, the backoff between them
     *                ({@link RetryPolicy#delayBefore}) and how it waits ({@link RetryPolicy#sleeper()})
     */
    public FeedRunner(Feed<T> feed, CheckpointStore store, String key, Handler<T> handler, RetryPolicy retry) {
        this(builder(feed, handler).store(store, key).retry(retry));
    }

    private FeedRunner(Builder<T> b) {
        this.feed = b.feed;
        this.store = b.store;
        this.key = b.key;
        this.handler = b.handler;
        this.retry = b.retry;
        this.listener = b.listener;
        this.fatal = b.fatal;
        this.start = feed.checkpoint();
    }

    /**
     * A builder for a runner of this feed and handler.
     *
     * @param feed    the feed, already positioned (resumed from the saved checkpoint if any)
     * @param handler what to do with each non-empty batch (items or gaps)
     * @param <T>     the item type
     * @return the builder; without a store the checkpoint is kept in memory only
     */
    public static <T> Builder<T> builder(Feed<T> feed, Handler<T> handler) {
        return new Builder<>(Objects.requireNonNull(feed, "feed"), Objects.requireNonNull(handler, "handler"));
    }

    /** {@return whether no retry can fix this failure: credentials refused, permission denied, a bad checkpoint} */
    static boolean unfixable(Throwable e) {
        return e instanceof AuthenticationException || e instanceof PermissionDeniedException
                || e instanceof IllegalArgumentException;
    }

    /**
     * Builds a {@link FeedRunner}.
     *
     * @param <T> the item type
     */
    public static final class Builder<T> {
        private final Feed<T> feed;
        private final Handler<T> handler;
        private CheckpointStore store;
        private String key;
        private RetryPolicy retry = RetryPolicy.defaults();
        private Listener<T> listener = new Listener<>() { };
        private Predicate<Throwable> fatal = FeedRunner::unfixable;

        private Builder(Feed<T> feed, Handler<T> handler) {
            this.feed = feed;
            this.handler = handler;
        }

        /**
         * Saves each handled batch's checkpoint in a store (default: none, the position lives in memory).
         *
         * @param store where checkpoints are saved
         * @param key   the feed's key in the store
         * @return this builder
         */
        public Builder<T> store(CheckpointStore store, String key) {
            this.store = Objects.requireNonNull(store, "store");
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * The tries in a row before a failure is thrown and the backoff between them (default
         * {@link RetryPolicy#defaults()}); a follower that must never give up passes a large
         * {@code maxAttempts}.
         *
         * @param retry the policy
         * @return this builder
         */
        public Builder<T> retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /**
         * Told about each turn (default: nothing).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder<T> listener(Listener<T> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Which failures are thrown at once, without retries (default: credentials refused,
         * permission denied, and {@link IllegalArgumentException} such as another feed's checkpoint).
         *
         * @param fatal true for a failure no retry can fix
         * @return this builder
         */
        public Builder<T> fatalWhen(Predicate<Throwable> fatal) {
            this.fatal = Objects.requireNonNull(fatal, "fatal");
            return this;
        }

        /** {@return the runner} */
        public FeedRunner<T> build() {
            return new FeedRunner<>(this);
        }
    }

    /**
     * Polls until closed or interrupted, waiting for each poll to be due and the backoff after a
     * failure.
     *
     * @throws Exception the failure of the last try once the retry policy gives up (the feed is then
     *     back at the saved checkpoint); an interrupt ends the loop quietly
     */
    public void run() throws Exception {
        runner = Thread.currentThread();
        try {
            while (!stopped && !Thread.currentThread().isInterrupted()) {
                try {
                    Duration backoff = step(WAIT);
                    if (backoff != null) {
                        backOff(backoff);
                    }
                } catch (InterruptedException e) {
                    if (!stopped) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
            }
        } finally {
            runner = null;
        }
    }

    /** Waits a backoff; {@link #close()} cuts it short (a follower told to stop must not sit out minutes). */
    private void backOff(Duration backoff) throws InterruptedException {
        sleeping = true;
        try {
            // set before the check, as close() sets stopped before it looks at sleeping: one of them sees the other
            if (!stopped) {
                retry.sleeper().sleep(backoff);
            }
        } finally {
            sleeping = false;
        }
    }

    /**
     * One turn for a scheduler, never waiting: when the feed is due, polls once, hands a non-empty
     * batch to the handler and saves its checkpoint; otherwise does nothing.
     *
     * @return how long to wait before calling again: until the next poll is due, or after a failure
     *     the retry policy's backoff
     * @throws Exception the failure of the last try once the retry policy gives up (the feed is then
     *     back at the saved checkpoint; the next call tries again)
     * @throws IllegalStateException if the runner is closed
     */
    public Duration pollIfDue() throws Exception {
        if (stopped) {
            throw new IllegalStateException("the runner is closed");
        }
        Duration left = feed.untilDue();
        if (!left.isZero()) {
            return left;
        }
        Duration backoff = step(Duration.ZERO);
        return backoff != null ? backoff : feed.untilDue();
    }

    /** One poll, handle and save: null when it worked (or the runner was closed meanwhile), else the backoff. */
    private Duration step(Duration wait) throws Exception {
        FeedBatch<T> batch;
        boolean moved;
        try {
            batch = feed.poll(wait);
            if (!batch.isEmpty()) {
                handler.handle(batch);
            }
            moved = saveIfMoved(batch.checkpoint());
        } catch (Exception | Error e) {
            if (stopped && e instanceof IllegalStateException) {
                return null; // closed meanwhile
            }
            rewind(e);
            int inARow = ++failures;
            if (e instanceof Error || e instanceof InterruptedException || fatal.test(e) || inARow >= retry.maxAttempts()) {
                failures = 0;
                listener.failed(e, inARow, null);
                throw e;
            }
            Duration backoff = retry.delayBefore(inARow, null);
            backoff = backoff == null ? Duration.ZERO : backoff;
            listener.failed(e, inARow, backoff);
            return backoff;
        }
        if (failures > 0) {
            listener.recovered(failures);
            failures = 0;
        }
        listener.polled(batch, moved);
        return null;
    }

    /** Puts the feed back at the last saved checkpoint: the batch not saved comes again. */
    private void rewind(Throwable cause) {
        try {
            feed.seek(saved != null ? saved : start);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Saves a checkpoint that moved; with no store it is only remembered. */
    private boolean saveIfMoved(Checkpoint cp) throws IOException {
        if (cp.equals(saved) || (saved == null && cp.equals(start))) {
            return false;
        }
        if (store != null) {
            store.save(key, cp);
        }
        saved = cp;
        return store != null;
    }

    /**
     * Stops the loop after the batch (or backoff) in hand and closes the feed; the last handled
     * batch's checkpoint is saved.
     */
    @Override
    public void close() {
        stopped = true;
        feed.close();
        Thread t = runner;
        if (sleeping && t != null && t != Thread.currentThread()) {
            t.interrupt(); // only a backoff is cut short: a poll under way finishes and is handled and saved
        }
    }
}
