package org.sessionsdk.core.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * The follow loop done right: poll, hand the batch to the handler, save the checkpoint only after
 * the handler returned, repeat. At-least-once: a crash at any point repeats at most the batch whose
 * checkpoint was not saved yet. Stops on {@link #close()} or interrupt, with the last checkpoint saved.
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
 * @param <T> the item type
 */
public final class FeedRunner<T> implements AutoCloseable {
    /**
     * What to do with each non-empty batch; throwing stops the runner without saving the batch.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface Handler<T> {
        /**
         * Handles a batch; return only once its items are safe (written, flushed, sent).
         *
         * @param batch the items and the checkpoint that follows them
         * @throws Exception to stop; the batch's checkpoint is then not saved
         */
        void handle(FeedBatch<T> batch) throws Exception;
    }

    private static final Duration WAIT = Duration.ofSeconds(1);

    private final Feed<T> feed;
    private final CheckpointStore store;
    private final String key;
    private final Handler<T> handler;
    private volatile boolean stopped;
    private Checkpoint saved;

    /**
     * A runner; nothing happens until {@link #run()}.
     *
     * @param feed    the feed, already positioned (resumed from the store's checkpoint if any)
     * @param store   where checkpoints are saved
     * @param key     the feed's key in the store
     * @param handler what to do with each batch
     */
    public FeedRunner(Feed<T> feed, CheckpointStore store, String key, Handler<T> handler) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Polls until closed or interrupted. A poll that fails (the server is down) propagates: wrap the
     * call to retry with backoff; the feed is unchanged by a failed poll.
     *
     * @throws Exception what the handler, the feed or the store threw; an interrupt ends the loop quietly
     */
    public void run() throws Exception {
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            FeedBatch<T> batch;
            try {
                batch = feed.poll(WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IllegalStateException closedMeanwhile) {
                if (stopped) {
                    return;
                }
                throw closedMeanwhile;
            }
            if (!batch.isEmpty()) {
                handler.handle(batch);
            }
            saveIfMoved(batch.checkpoint());
        }
    }

    private void saveIfMoved(Checkpoint cp) throws IOException {
        if (!cp.equals(saved)) {
            store.save(key, cp);
            saved = cp;
        }
    }

    /** Stops the loop after the batch in hand (its checkpoint is saved once handled) and closes the feed. */
    @Override
    public void close() {
        stopped = true;
        feed.close();
    }
}
