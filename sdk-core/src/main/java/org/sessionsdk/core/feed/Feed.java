package org.sessionsdk.core.feed;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A source followed over time: each {@link #poll} returns what happened since the previous batch and
 * a {@link Checkpoint} to resume from. Delivery is at-least-once: a consumer that saves a batch's
 * checkpoint only after handling the batch never loses an item, whatever moment it dies at; after a
 * restart it may see the last unsaved batch again, never anything older. {@link FeedRunner} does that
 * loop. Not thread-safe: poll from one thread.
 *
 * @param <T> {@link SessionChange} for session feeds, {@link org.sessionsdk.core.audit.AuditEvent} for
 *            audit feeds
 */
public interface Feed<T> extends AutoCloseable {

    /**
     * Waits at most {@code timeout} for the next poll to be due, asks the server, and returns what
     * happened since the last batch. Returns an empty batch (with the unchanged checkpoint) when the
     * poll interval has not passed within the timeout.
     *
     * @param timeout the longest wait; zero to only poll when due now
     * @return the items and the checkpoint after them
     * @throws org.sessionsdk.core.error.SdkException if the server cannot be read; the feed is unchanged
     *     and the next poll tries again
     * @throws IllegalStateException if the feed is closed
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    FeedBatch<T> poll(Duration timeout) throws InterruptedException;

    /**
     * {@link #poll(Duration) poll(Duration.ZERO)} without the calling thread waiting for the server:
     * when the poll is due, the requests go out asynchronously and the batch completes on the client's
     * async executor; when it is not, the future is complete at once with an empty batch. What a
     * scheduler following thousands of endpoints calls: no thread is held per poll in flight. Call it
     * again only once the previous future completed (a feed is not thread-safe). Each answer is read
     * whole before it is compared, so {@link #poll} is the form for answers larger than memory.
     *
     * <p>The default polls on the calling thread, for feeds that only block.
     *
     * @return completes with the items and the checkpoint after them, or with what {@link #poll} throws
     */
    default CompletableFuture<FeedBatch<T>> pollAsync() {
        try {
            return CompletableFuture.completedFuture(poll(Duration.ZERO));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@return the checkpoint after the last batch returned (or where the feed started)} */
    Checkpoint checkpoint();

    /**
     * Goes back (or forward) to a checkpoint of this feed, e.g. the last one saved after a handler
     * failed: the next poll, due at once, returns what happened since it, so a batch that was
     * returned but not handled comes again. A checkpoint taken before any poll of a feed that started
     * now stands at this feed's first poll.
     *
     * @param checkpoint a checkpoint of the same kind of feed
     * @throws IllegalArgumentException if it is another feed's or damaged; the feed is then unchanged
     * @throws IllegalStateException if the feed is closed
     */
    void seek(Checkpoint checkpoint);

    /**
     * {@return how long until the next poll is due; zero when it is due now} For schedulers that call
     * {@code poll(Duration.ZERO)} when it is time.
     */
    Duration untilDue();

    /** Stops the feed: a waiting {@link #poll} returns at once; later polls fail. Idempotent. */
    @Override
    void close();
}
