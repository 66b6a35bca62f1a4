package org.sessionsdk.core.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
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

    private static final Duration WAIT = Duration.ofSeconds(1);

    private final Feed<T> feed;
    private final CheckpointStore store;
    private final String key;
    private final Handler<T> handler;
    private final RetryPolicy retry;
    /** Where the feed stood when handed over: where a failure goes back to while nothing is saved. */
    private final Checkpoint start;
    private volatile boolean stopped;
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
        this(feed, store, key, handler, RetryPolicy.defaults());
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
        this.feed = Objects.requireNonNull(feed, "feed");
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.start = feed.checkpoint();
    }

    /**
     * Polls until closed or interrupted, waiting for each poll to be due and the backoff after a
     * failure.
     *
     * @throws Exception the failure of the last try once the retry policy gives up (the feed is then
     *     back at the saved checkpoint); an interrupt ends the loop quietly
     */
    public void run() throws Exception {
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            try {
                Duration backoff = step(WAIT);
                if (backoff != null) {
                    retry.sleeper().sleep(backoff);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
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
        try {
            FeedBatch<T> batch = feed.poll(wait);
            if (!batch.isEmpty()) {
                handler.handle(batch);
            }
            saveIfMoved(batch.checkpoint());
        } catch (Exception | Error e) {
            if (stopped && e instanceof IllegalStateException) {
                return null; // closed meanwhile
            }
            rewind(e);
            if (e instanceof Error || e instanceof InterruptedException || ++failures >= retry.maxAttempts()) {
                failures = 0;
                throw e;
            }
            Duration backoff = retry.delayBefore(failures, null);
            return backoff == null ? Duration.ZERO : backoff;
        }
        failures = 0;
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

    private void saveIfMoved(Checkpoint cp) throws IOException {
        if (!cp.equals(saved)) {
            store.save(key, cp);
            saved = cp;
        }
    }

    /**
     * Stops the loop after the batch (or backoff) in hand and closes the feed; the last handled
     * batch's checkpoint is saved.
     */
    @Override
    public void close() {
        stopped = true;
        feed.close();
    }
}
