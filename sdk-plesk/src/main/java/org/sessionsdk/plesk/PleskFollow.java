package org.sessionsdk.plesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.FeedRunner;
import org.sessionsdk.core.internal.TransportErrors;
import org.sessionsdk.core.internal.feed.PollingFeed;
import org.sessionsdk.core.retry.Sleeper;

/**
 * {@link PleskEventLog#follow} as an iterator on core's one follow loop: the cursor is a feed strategy,
 * {@link FeedRunner#pollIfDue()} polls it when due (and backs off after a failure, the batch coming
 * again), and the iterator sleeps what the runner says between polls. The feed's clock moves only by
 * what was slept, so a poll is due exactly one interval of sleep after the previous one, whatever the
 * wall clock does, and a test's sleeper drives it without real time.
 */
final class PleskFollow implements Iterator<PleskEvent>, AutoCloseable {
    private final Deque<PleskEvent> buffer = new ArrayDeque<>();
    private final SleptClock clock = new SleptClock();
    private final Sleeper sleeper;
    private final FeedRunner<PleskEvent> runner;

    PleskFollow(PleskAuditCursor cursor, Duration pollInterval, Sleeper sleeper) {
        this.sleeper = sleeper;
        PollingFeed<PleskEvent> feed = new PollingFeed<>(new Strategy(cursor),
                FeedOptions.builder().pollInterval(pollInterval).clock(clock).build());
        this.runner = FeedRunner.builder(feed, batch -> buffer.addAll(batch.items())).build();
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty()) {
            Duration wait;
            try {
                wait = runner.pollIfDue();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (buffer.isEmpty() && !wait.isZero()) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    throw TransportErrors.interrupted("event_log/get_events (follow)", e);
                }
                clock.advance(wait);
            }
        }
        return true;
    }

    @Override
    public PleskEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.poll();
    }

    @Override
    public void close() {
        runner.close();
    }

    /** The cursor as a strategy of Plesk entries (the audit feed maps them to audit events). */
    private record Strategy(PleskAuditCursor cursor) implements PollingFeed.Strategy<PleskEvent> {
        @Override
        public List<PleskEvent> poll(Instant now) {
            return cursor.events();
        }

        @Override
        public Checkpoint checkpoint() {
            return cursor.checkpoint();
        }

        @Override
        public void seek(Checkpoint cp, Instant firstPoll) {
            cursor.seek(cp, firstPoll);
        }

        @Override
        public List<FeedGap> gaps() {
            return cursor.gaps();
        }

        @Override
        public boolean more() {
            return cursor.more();
        }
    }

    /** A clock that moves only by what the follower slept. */
    private static final class SleptClock extends Clock {
        private volatile Instant now = Instant.EPOCH;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
