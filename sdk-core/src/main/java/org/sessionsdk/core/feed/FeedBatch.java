package org.sessionsdk.core.feed;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link Feed#poll} returned: the items since the previous batch, the checkpoint that
 * stands after them, and what the poll found it cannot deliver. Save the checkpoint only once the
 * items (and gaps) are handled.
 *
 * @param items      what happened, in order; possibly none
 * @param checkpoint where to resume to continue after these items
 * @param gaps       losses this poll found (ids reset, part of the log unreadable past the look-back,
 *                   ...); usually none
 * @param <T>        the item type
 */
public record FeedBatch<T>(List<T> items, Checkpoint checkpoint, List<FeedGap> gaps) {
    /**
     * Copies the items and gaps, so the batch is immutable.
     *
     * @param items      what happened, in order
     * @param checkpoint where to resume after them
     * @param gaps       what the poll found it cannot deliver; null for none
     */
    public FeedBatch {
        items = List.copyOf(items);
        Objects.requireNonNull(checkpoint, "checkpoint");
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }

    /**
     * A batch without gaps.
     *
     * @param items      what happened, in order
     * @param checkpoint where to resume after them
     */
    public FeedBatch(List<T> items, Checkpoint checkpoint) {
        this(items, checkpoint, List.of());
    }

    /** {@return whether nothing happened and nothing was found missing} */
    public boolean isEmpty() {
        return items.isEmpty() && gaps.isEmpty();
    }
}
