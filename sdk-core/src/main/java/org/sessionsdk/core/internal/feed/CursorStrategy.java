package org.sessionsdk.core.internal.feed;

import java.util.List;
import org.sessionsdk.core.feed.FeedGap;

/**
 * What every strategy that reads a log by cursor keeps about its last poll: the gaps it found and
 * whether it stopped at the batch size with more waiting. A poll sets both; a seek clears them.
 *
 * @param <T> the item type
 */
public abstract class CursorStrategy<T> implements PollingFeed.Strategy<T> {
    /** What the last successful poll found it cannot deliver. */
    protected List<FeedGap> gaps = List.of();
    /** Whether the last poll stopped at the batch size with more waiting. */
    protected boolean more;

    /** For subclasses. */
    protected CursorStrategy() {
    }

    @Override
    public final List<FeedGap> gaps() {
        return gaps;
    }

    @Override
    public final boolean more() {
        return more;
    }
}
