package org.sessionsdk.saymon;

import java.util.concurrent.CompletableFuture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.internal.feed.PollingFeed;
import org.sessionsdk.core.internal.feed.SessionDiff;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.session.TimeRange;

/**
 * The SAYMON session feed: the shared snapshot diff, with a listing whose reach into the past is
 * bounded. The shared strategy asks for every session since the oldest one still open, which on a
 * busy log with one session open for a month is the whole month, every poll. Here the log is read
 * no further back than {@link SaymonClient#sessionLookBack()} plus the feed's overlap plus an hour before the
 * previous poll; each session still open that started before that ("old") is looked up on its own,
 * with a window of its start's millisecond (SAYMON has no get-by-id). A poll then costs the pages of
 * that bounded window plus one request per old session, whatever the age of the oldest.
 *
 * <p>An old session not found at its start is no longer in the log (removed, or the server bounds
 * its windows by another time): the diff reports it ENDED as seen gone ({@code endObserved}), and the
 * batch carries a {@link FeedGap.Kind#BEYOND_LOOKBACK} gap for it, since its true end is unknown.
 */
final class SaymonSessionFeed implements PollingFeed.Strategy<SessionChange> {
    /** Room for the diff's own reach before the previous poll (its overlap, DST widening), so the bound never cuts into it. */
    private final Duration reachSlack;

    /** What one poll may list: the floor of the window asked of the server, and the old open sessions. */
    private record Reach(Instant floor, List<Old> old, List<String> missing) {
    }

    /** A session reported open whose start lies below the floor. */
    private record Old(String id, Instant start) {
    }

    private final SaymonClient client;
    private final SessionDiff diff;
    private Reach reach;
    private List<FeedGap> gaps = List.of();

    SaymonSessionFeed(SaymonClient client, FeedOptions options) {
        this.client = client;
        SessionSource bounded = new SessionSource() {
            @Override
            public String vendor() {
                return client.vendor();
            }

            @Override
            public Stream<SessionRecord> sessionRecords(TimeRange range) {
                return list(range, options.clock().instant());
            }

            @Override
            public CompletableFuture<List<SessionRecord>> sessionRecordsAsync(TimeRange range) {
                return listAsync(range, options.clock().instant());
            }
        };
        this.diff = new SessionDiff(bounded, options);
        this.reachSlack = options.overlap().plus(Duration.ofHours(1));
    }

    @Override
    public List<SessionChange> poll(Instant now) {
        reach = reach();
        try {
            return withGaps(diff.poll(now), now);
        } finally {
            reach = null;
        }
    }

    @Override
    public CompletableFuture<List<SessionChange>> pollAsync(Instant now) {
        Reach r = reach();
        reach = r;
        CompletableFuture<List<SessionChange>> polled;
        try {
            polled = diff.pollAsync(now); // reads the reach when it starts the listing, now
        } finally {
            reach = null;
        }
        return polled.thenApply(out -> {
            reach = r;
            try {
                return withGaps(out, now);
            } finally {
                reach = null;
            }
        });
    }

    /** The poll's changes, its gaps noted: the diff's, and one per old session no longer found. */
    private List<SessionChange> withGaps(List<SessionChange> out, Instant now) {
        {
            List<FeedGap> found = new ArrayList<>(diff.gaps());
            for (String id : reach.missing()) {
                found.add(new FeedGap(FeedGap.Kind.BEYOND_LOOKBACK, "session " + id, null, now, null,
                        "SAYMON session " + id + " was open and started before the feed's reach-back; it is no longer"
                                + " found in the session log at its start, so it is reported ended as seen gone"
                                + " (endObserved) and its true end is unknown"));
            }
            gaps = List.copyOf(found);
            return out;
        }
    }

    /**
     * The window's floor and the old sessions, from where the diff stands (its state after the last
     * successful poll: the previous poll's instant and the sessions open then).
     */
    private Reach reach() {
        Instant since = diff.position();
        if (since == null) {
            return new Reach(null, List.of(), new ArrayList<>()); // first poll: as far back as asked
        }
        Instant floor = since.minus(client.sessionLookBack()).minus(reachSlack);
        List<Old> old = new ArrayList<>();
        for (Map.Entry<String, Long> open : diff.openNow().entrySet()) {
            long start = open.getValue();
            if (start != Long.MIN_VALUE && start < floor.toEpochMilli()) {
                old.add(new Old(open.getKey(), Instant.ofEpochMilli(start)));
            }
        }
        return new Reach(floor, old, new ArrayList<>());
    }

    /**
     * {@link #list} with the window read asynchronously; the old sessions (only those open since
     * before the reach-back, rare) are looked up after it, one blocking request each on the async executor.
     */
    private CompletableFuture<List<SessionRecord>> listAsync(TimeRange range, Instant expiryNow) {
        Reach r = reach;
        if (r == null || r.floor() == null) {
            return client.sessionRecordsAsync(range, expiryNow, null);
        }
        CompletableFuture<List<SessionRecord>> window = client.sessionRecordsAsync(range, expiryNow, r.floor());
        if (r.old().isEmpty()) {
            return window;
        }
        return window.thenApply(rows -> {
            List<SessionRecord> all = new ArrayList<>(rows);
            for (Old o : r.old()) {
                List<SessionRecord> found = client.sessionAt(o.id(), o.start(), expiryNow);
                if (found.isEmpty()) {
                    r.missing().add(o.id());
                }
                all.addAll(found);
            }
            return all;
        });
    }

    /** The bounded window, then each old session looked up at its start. */
    private Stream<SessionRecord> list(TimeRange range, Instant expiryNow) {
        Reach r = reach;
        if (r == null || r.floor() == null) {
            return client.sessionRecords(range, expiryNow, null);
        }
        Stream<SessionRecord> window = client.sessionRecords(range, expiryNow, r.floor());
        if (r.old().isEmpty()) {
            return window;
        }
        // looked up lazily, after the window is read: one request each
        Stream<SessionRecord> old = r.old().stream().flatMap(o -> {
            List<SessionRecord> found = client.sessionAt(o.id(), o.start(), expiryNow);
            if (found.isEmpty()) {
                r.missing().add(o.id());
            }
            return found.stream();
        });
        return Stream.concat(window, old);
    }

    @Override
    public Checkpoint checkpoint() {
        return diff.checkpoint();
    }

    @Override
    public List<FeedGap> gaps() {
        return gaps;
    }

    @Override
    public boolean more() {
        return diff.more();
    }

    @Override
    public void seek(Checkpoint cp, Instant firstPoll) {
        diff.seek(cp, firstPoll);
        gaps = List.of();
    }
}
