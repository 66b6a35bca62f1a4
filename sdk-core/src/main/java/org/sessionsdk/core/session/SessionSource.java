package org.sessionsdk.core.session;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.internal.CallDeadline;
import org.sessionsdk.core.internal.concurrent.SdkExecutors;
import org.sessionsdk.core.internal.feed.PollingFeed;
import org.sessionsdk.core.internal.feed.SessionDiff;

/** Anything that can list sessions in the vendor-neutral form; every vendor client is one. */
public interface SessionSource {

    /** {@return {@code plesk}, {@code ekran}, {@code saymon} or {@code senhasegura}} */
    String vendor();

    /**
     * {@return the server this source reads, or null when it has none; a feed's checkpoints name it, so
     * a checkpoint of one server is not resumed on another}
     */
    default URI endpoint() {
        return null;
    }

    /**
     * Sessions overlapping {@code range}, lazily; close the stream. Filtered on the server where the
     * vendor can, on the client otherwise.
     *
     * @param range the sessions to return: those overlapping it
     * @return the sessions in the vendor-neutral form; close it
     */
    Stream<SessionRecord> sessionRecords(TimeRange range);

    /**
     * Sessions overlapping {@code range} in a list, without the calling thread waiting for the server:
     * what a feed's {@code pollAsync} reads. The vendor clients send the request asynchronously and
     * parse the answer on their async executor. The default reads {@link #sessionRecords} on the SDK's
     * shared async pool (a thread of it waits for the server), for sources that only block.
     *
     * @param range the sessions to return: those overlapping it
     * @return completes with the sessions in the vendor-neutral form
     */
    default CompletableFuture<List<SessionRecord>> sessionRecordsAsync(TimeRange range) {
        CallDeadline deadline = CallDeadline.current();
        return CompletableFuture.supplyAsync(() -> {
            try (CallDeadline.Scope s = CallDeadline.reenter(deadline);
                 Stream<SessionRecord> rows = sessionRecords(range)) {
                return rows.toList();
            }
        }, SdkExecutors.async());
    }

    /**
     * {@return the zone the server writes its offset-less times in; UTC (the default) for a source
     * whose times carry their offset}. Feeds widen their window near this zone's daylight-saving
     * transitions, where a local time can be read an hour early.
     */
    default ZoneId serverZone() {
        return ZoneOffset.UTC;
    }

    /**
     * Follows this source's sessions: every start and end, at least once, resumable from a checkpoint.
     * The shared strategy compares each poll's listing with what was reported (see the README for each
     * vendor's guarantees); a vendor module may follow its server another way behind the same API.
     *
     * @param options where to start (a checkpoint, an instant, or now) and how often to poll
     * @return the feed; close it
     * @throws IllegalArgumentException if the checkpoint is another feed's
     */
    default Feed<SessionChange> sessionFeed(FeedOptions options) {
        return new PollingFeed<>(new SessionDiff(this, options), options, endpoint());
    }
}
