package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.testkit.testing.TestCheckpoints;
import org.sessionsdk.saymon.SaymonAuditEntry;
import org.sessionsdk.saymon.SaymonClient;

/**
 * SAYMON's audit feed honours {@code maxBatchSize} (issue 28): a backlog larger than a batch comes in
 * bounded batches, oldest first, due again at once while more is waiting; each entry once, also across
 * a resume from a mid-backlog checkpoint and for a user read again from where it was owed.
 */
class SaymonAuditBatchTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final List<String> LOGINS = List.of("admin", "operator", "jdoe", "monitor", "api-bot", "viewer");
    private static final int MAX = 25;

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static List<String> everyEntry(SaymonSimulator sim) {
        List<String> all = new ArrayList<>();
        for (String login : LOGINS) {
            sim.auditEntries(login).stream().filter(e -> !e.timestamp().isBefore(T0)).map(SaymonAuditEntry::id)
                    .forEach(all::add);
        }
        return all;
    }

    /** Polls a feed whose clock does not move until the backlog is through (or {@code batches} came). */
    private static Checkpoint drain(Feed<AuditEvent> feed, int batches, List<AuditEvent> got, List<Integer> sizes,
                                    List<Boolean> due) throws InterruptedException {
        for (int n = 0; n < batches; n++) {
            FeedBatch<AuditEvent> b = feed.poll(Duration.ZERO);
            if (b.items().isEmpty()) {
                break;
            }
            sizes.add(b.items().size());
            got.addAll(b.items());
            due.add(feed.untilDue().isZero());
        }
        return feed.checkpoint();
    }

    @Test
    void aBacklogComesInBoundedBatchesOldestFirstEachEntryOnceAcrossAResume() throws Exception {
        SimClock clock = SimClock.at(at(60));
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(0).withAuditEntries(0).withClock(clock);
             SaymonClient saymon = sim.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
            for (int m = 1; m <= 60; m++) {
                for (String login : LOGINS) {
                    sim.addAuditEntry(at(m).minusSeconds(30), login, "update", "object", login + "-" + m);
                }
            }
            FeedOptions.Builder options = FeedOptions.builder().clock(clock).pollInterval(Duration.ofMinutes(1))
                    .maxBatchSize(MAX);
            List<AuditEvent> got = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            List<Boolean> due = new ArrayList<>();
            Checkpoint saved;
            try (Feed<AuditEvent> feed = saymon.auditFeed(options.since(T0).build())) {
                saved = drain(feed, 4, got, sizes, due);
            }
            assertThat(got).as("four full batches before the resume").hasSize(4 * MAX);
            // a new process resumes from the fourth batch's checkpoint: the state moved by what was delivered only
            try (Feed<AuditEvent> feed = saymon.auditFeed(options.resumeFrom(saved).build())) {
                drain(feed, Integer.MAX_VALUE, got, sizes, due);
            }
            assertThat(sizes).allMatch(n -> n <= MAX).hasSize((360 + MAX - 1) / MAX);
            // more() after each full batch (the next poll due at once), not after the last
            assertThat(due.subList(0, sizes.size() - 1)).containsOnly(true);
            assertThat(due.get(sizes.size() - 1)).as("caught up: the next poll waits").isFalse();
            assertThat(got).extracting(AuditEvent::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(everyEntry(sim));
            assertThat(got).extracting(AuditEvent::time).isSorted();
        }
    }

    @Test
    void aUserOwedMoreThanABatchGetsItAllInBoundedBatches() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(0).withAuditEntries(0).withClock(clock);
             SaymonClient saymon = sim.clientBuilder().retryPolicy(RetryPolicy.none()).build();
             Feed<AuditEvent> feed = saymon.auditFeed(FeedOptions.builder().clock(clock)
                     .pollInterval(Duration.ofMinutes(1)).maxBatchSize(MAX).since(T0).build())) {
            List<AuditEvent> got = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            sim.failAuditLogOf("jdoe", 500, at(45));
            for (int m = 1; m <= 50; m++) {
                clock.set(at(m));
                // jdoe logs 3 entries a minute while its log fails: 135 owed when it answers again
                for (String login : LOGINS) {
                    for (int k = 0; k < (login.equals("jdoe") ? 3 : 1); k++) {
                        sim.addAuditEntry(at(m).minusSeconds(30 - k), login, "update", "object", login + "-" + m + "-" + k);
                    }
                }
                drain(feed, Integer.MAX_VALUE, got, sizes, new ArrayList<>());
            }
            assertThat(sizes).allMatch(n -> n <= MAX);
            assertThat(sizes.stream().filter(n -> n == MAX).count()).as("the owed entries took several batches")
                    .isGreaterThanOrEqualTo(5);
            assertThat(got).extracting(AuditEvent::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(everyEntry(sim));
            assertThat(TestCheckpoints.table(feed.checkpoint(), "behind")).as("caught up").isEmpty();
        }
    }
}
