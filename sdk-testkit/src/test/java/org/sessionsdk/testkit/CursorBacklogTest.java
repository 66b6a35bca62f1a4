package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.plesk.PleskClient;

/**
 * Issue 28 item 5: a week's backlog comes in batches of at most {@code maxBatchSize}, one after the
 * other without waiting for the poll interval (the feed's clock never moves here), each entry once and
 * in order, and each batch's checkpoint resumes right after it.
 */
class CursorBacklogTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final int MAX = 500;

    @Test
    void aWeekOfPleskActionLogComesInBatchesOfAtMost500() throws Exception {
        int n = 7 * 24 * 60; // generated entries are a minute apart: a week
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withEvents(n).withClock(clock);
             PleskClient plesk = sim.client()) {
            List<String> ids = drain(sim, o -> plesk.auditFeed(o), clock);
            assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, n).mapToObj(Long::toString).toList());
        }
    }

    @Test
    void aWeekOfEkranAlertsComesInBatchesOfAtMost500() throws Exception {
        int n = 7 * 24 * 60 / 7; // generated alerts are about 7 minutes apart: a week
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withAlerts(n).withClock(clock);
             EkranClient ekran = sim.client()) {
            List<String> ids = drain(sim, o -> ekran.auditFeed(o), clock);
            assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, n).mapToObj(Long::toString).toList());
        }
    }

    /**
     * Follows the log from a week and an hour back with a clock that stands still, switching to a new
     * feed resumed from the checkpoint every third batch; returns the ids delivered.
     */
    private static List<String> drain(Simulator sim, Function<FeedOptions, Feed<AuditEvent>> feeds, SimClock clock)
            throws InterruptedException {
        FeedOptions.Builder base = FeedOptions.builder().clock(clock).pollInterval(Duration.ofHours(1)).maxBatchSize(MAX);
        List<String> ids = new ArrayList<>();
        Feed<AuditEvent> feed = feeds.apply(base.since(T0.minus(Duration.ofDays(7)).minus(Duration.ofHours(1))).build());
        try {
            int batches = 0;
            while (true) {
                FeedBatch<AuditEvent> b = feed.poll(Duration.ZERO);
                assertThat(b.items()).hasSizeLessThanOrEqualTo(MAX);
                assertThat(b.gaps()).isEmpty();
                if (b.items().isEmpty()) {
                    break;
                }
                b.items().forEach(e -> ids.add(e.id()));
                if (++batches % 3 == 0) {
                    feed.close();
                    feed = feeds.apply(base.since(null).resumeFrom(Checkpoint.parse(b.checkpoint().toString())).build());
                }
                assertThat(batches).as("no endless loop").isLessThan(100);
            }
            assertThat(batches).as("several batches, not one").isGreaterThan(2);
            // caught up: the next poll waits for the interval again, and the clock does not move
            int before = sim.requestCount();
            assertThat(feed.poll(Duration.ZERO).isEmpty()).isTrue();
            assertThat(sim.requestCount()).as("no request before the interval passes").isEqualTo(before);
        } finally {
            feed.close();
        }
        return ids;
    }
}
