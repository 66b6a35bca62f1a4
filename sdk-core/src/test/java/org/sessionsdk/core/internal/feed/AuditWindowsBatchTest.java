package org.sessionsdk.core.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.session.TimeRange;

/**
 * The shared audit windows hand a week's backlog over in batches of at most {@code maxBatchSize},
 * polling again at once while more is waiting, each entry once, across a resume.
 */
class AuditWindowsBatchTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** 50 entries over the past week, listed in the order a server gives them (not by time). */
    private static final List<AuditEvent> LOG = java.util.stream.IntStream.range(0, 50)
            .mapToObj(i -> new AuditEvent("test", "e" + i, T0.minus(Duration.ofHours(3L * ((i * 7) % 50) + 1)),
                    "u", null, "changed", null, null, null, Map.of()))
            .toList();

    private static final AuditSource SOURCE = new AuditSource() {
        @Override
        public String vendor() {
            return "test";
        }

        @Override
        public Stream<AuditEvent> auditEvents(TimeRange range) {
            return LOG.stream().filter(e -> range.contains(e.time()));
        }
    };

    @Test
    void aWeekOfEntriesComesInBoundedBatchesInTimeOrderEachOnce() throws Exception {
        FeedOptions.Builder options = FeedOptions.builder().clock(Clock.fixed(T0, ZoneOffset.UTC))
                .maxBatchSize(8).since(T0.minus(Duration.ofDays(7)));
        List<AuditEvent> got = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Checkpoint saved;
        try (Feed<AuditEvent> feed = SOURCE.auditFeed(options.build())) {
            saved = drain(feed, 3, got, sizes);
        }
        try (Feed<AuditEvent> feed = SOURCE.auditFeed(options.resumeFrom(saved).build())) {
            drain(feed, Integer.MAX_VALUE, got, sizes);
        }
        assertThat(sizes).allMatch(n -> n <= 8).hasSizeGreaterThanOrEqualTo(7);
        assertThat(got).extracting(AuditEvent::id).hasSize(50).doesNotHaveDuplicates();
        assertThat(got).extracting(AuditEvent::time).isSorted();
    }

    private static Checkpoint drain(Feed<AuditEvent> feed, int batches, List<AuditEvent> got, List<Integer> sizes)
            throws InterruptedException {
        for (int n = 0; n < batches; n++) {
            FeedBatch<AuditEvent> b = feed.poll(Duration.ZERO);
            if (b.items().isEmpty()) {
                break;
            }
            sizes.add(b.items().size());
            got.addAll(b.items());
        }
        return feed.checkpoint();
    }
}
