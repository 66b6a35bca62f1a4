package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.session.SessionSource;

/**
 * A session feed resumed after a week away (or started {@code since} a week ago) hands the backlog
 * over in batches of at most {@code maxBatchSize}, each with its checkpoint, and polls again at once
 * while more is waiting: a clock that never moves still gets every batch, each change once.
 */
class WindowBatchTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final int SESSIONS = 40;
    private static final int MAX = 7;

    /** 40 sessions over the past week, each 30 minutes long. */
    private static Scenario week() {
        Scenario.Builder b = Scenario.builder();
        for (int i = 0; i < SESSIONS; i++) {
            Duration at = Duration.ofHours(-160 + 4L * i);
            b.start(at, "s" + i, "u" + i, "192.0.2." + (i + 1));
            b.end(at.plusMinutes(30), "s" + i);
        }
        return b.build();
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"EKRAN", "SAYMON", "SENHASEGURA"})
    void aWeekOfSessionsComesInBoundedBatchesEachChangeOnceAcrossAResume(Vendor vendor) throws Exception {
        SimClock clock = SimClock.at(T0);
        try (Simulator sim = vendor.start(Vendor.World.of(clock, week()));
             AutoCloseable client = vendor.client(sim, clock, true)) {
            FeedOptions.Builder options = FeedOptions.builder().clock(clock).pollInterval(Duration.ofMinutes(1))
                    .maxBatchSize(MAX);
            List<String> changes = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            Checkpoint saved;
            try (Feed<SessionChange> feed = ((SessionSource) client).sessionFeed(
                    options.since(T0.minus(Duration.ofDays(7))).build())) {
                saved = drain(feed, 3, changes, sizes);
            }
            // a new process resumes from the checkpoint of the third batch
            try (Feed<SessionChange> feed = ((SessionSource) client).sessionFeed(options.resumeFrom(saved).build())) {
                drain(feed, Integer.MAX_VALUE, changes, sizes);
            }
            assertThat(sizes).allMatch(n -> n <= MAX).hasSizeGreaterThanOrEqualTo(2 * SESSIONS / MAX);
            assertThat(changes).hasSize(2 * SESSIONS).doesNotHaveDuplicates();
            List<String> ids = changes.stream().filter(c -> c.startsWith("STARTED ")).map(c -> c.substring(8)).toList();
            assertThat(ids).hasSize(SESSIONS);
            for (String id : ids) {
                assertThat(changes.indexOf("STARTED " + id)).isLessThan(changes.indexOf("ENDED " + id));
            }
        }
    }

    /** Polls a feed whose clock never moves until a poll brings nothing (or {@code batches} came). */
    private static Checkpoint drain(Feed<SessionChange> feed, int batches, List<String> changes, List<Integer> sizes)
            throws InterruptedException {
        for (int n = 0; n < batches; n++) {
            FeedBatch<SessionChange> b = feed.poll(Duration.ZERO);
            if (b.items().isEmpty()) {
                break;
            }
            sizes.add(b.items().size());
            b.items().forEach(c -> changes.add(c.type() + " " + c.session().id()));
        }
        return feed.checkpoint();
    }
}
