package org.sessionsdk.core.feed;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link Feed#poll} returned: the items since the previous batch, and the checkpoint that
 * stands after them. Save the checkpoint only once the items are handled.
 *
 * @param items      what happened, in order; possibly none
 * @param checkpoint where to resume to continue after these items
 * @param <T>        the item type
 */
public record FeedBatch<T>(List<T> items, Checkpoint checkpoint) {
    /**
     * Copies the items, so the batch is immutable.
     *
     * @param items      what happened, in order
     * @param checkpoint where to resume after them
     */
    public FeedBatch {
        items = List.copyOf(items);
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** {@return whether nothing happened} */
    public boolean isEmpty() {
        return items.isEmpty();
    }
}
