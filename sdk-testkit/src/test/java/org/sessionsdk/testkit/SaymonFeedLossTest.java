package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.testkit.testing.TestCheckpoints;
import org.sessionsdk.saymon.SaymonAuditEntry;
import org.sessionsdk.saymon.SaymonClient;

/**
 * What SAYMON's feeds survive (issue 28): a user whose audit log fails for a while, one failing past
 * the backlog bound, a resume while a user fails; a session open for a month on a busy log.
 */
class SaymonFeedLossTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final List<String> LOGINS = List.of("admin", "operator", "jdoe", "monitor", "api-bot", "viewer");

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static FeedOptions.Builder options(SimClock clock) {
        return FeedOptions.builder().clock(clock).pollInterval(Duration.ofMinutes(1)).since(T0);
    }

    /** Every user logs an entry half a minute before each minute {@code from+1 .. to}. */
    private static void logEveryMinute(SaymonSimulator sim, int minute) {
        for (String login : LOGINS) {
            sim.addAuditEntry(at(minute).minusSeconds(30), login, "update", "object", login + "-" + minute);
        }
    }

    /** Every entry of every user from T0 on, as the simulator holds them. */
    private static List<String> everyEntry(SaymonSimulator sim, java.util.function.Predicate<SaymonAuditEntry> which) {
        List<String> all = new ArrayList<>();
        for (String login : LOGINS) {
            sim.auditEntries(login).stream().filter(e -> !e.timestamp().isBefore(T0)).filter(which)
                    .forEach(e -> all.add(e.id()));
        }
        return all;
    }

    /** Polls once a minute from {@code first} to {@code last}, logging before each poll. */
    private static void follow(Feed<AuditEvent> feed, SaymonSimulator sim, SimClock clock, int first, int last,
                               List<String> delivered, List<FeedGap> gaps) throws InterruptedException {
        for (int m = first; m <= last; m++) {
            clock.set(at(m));
            logEveryMinute(sim, m);
            FeedBatch<AuditEvent> b = feed.poll(Duration.ZERO);
            b.items().forEach(e -> delivered.add(e.id()));
            gaps.addAll(b.gaps());
        }
    }

    private static SaymonClient client(SaymonSimulator sim, Function<SaymonClient.Builder, SaymonClient.Builder> more) {
        // no retries: the simulator answers at once, and a retry's back-off is real time
        return more.apply(sim.clientBuilder().retryPolicy(RetryPolicy.none())).build();
    }

    @Test
    void aUserFailingForTwentyMinutesGetsEveryEntryDeliveredOnceItRecovers() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(0).withAuditEntries(0).withClock(clock);
             SaymonClient saymon = client(sim, b -> b);
             Feed<AuditEvent> feed = saymon.auditFeed(options(clock).build())) {
            List<String> delivered = new ArrayList<>();
            List<FeedGap> gaps = new ArrayList<>();
            follow(feed, sim, clock, 1, 4, delivered, gaps);
            sim.failAuditLogOf("jdoe", 500, at(25));
            follow(feed, sim, clock, 5, 24, delivered, gaps);
            java.util.Map<String, Object> behindWhileFailing = TestCheckpoints.table(feed.checkpoint(), "behind");
            assertThat(delivered).as("the others go on while jdoe fails")
                    .containsAll(everyEntry(sim, e -> !e.userId().equals(sim.userId("jdoe"))));
            follow(feed, sim, clock, 25, 45, delivered, gaps);
            assertThat(delivered).containsExactlyInAnyOrderElementsOf(everyEntry(sim, e -> true));
            assertThat(delivered).doesNotHaveDuplicates();
            assertThat(gaps).isEmpty();
            assertThat(TestCheckpoints.table(feed.checkpoint(), "behind")).as("caught up: nobody is behind").isEmpty();
            assertThat(behindWhileFailing).as("only the user behind had a position").containsOnlyKeys(sim.userId("jdoe"));
        }
    }

    @Test
    void aUserFailingPastTheBacklogBoundIsOneGapAndTheOthersAreUnaffected() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(0).withAuditEntries(0).withClock(clock);
             SaymonClient saymon = client(sim, b -> b.auditUserBacklog(Duration.ofMinutes(30)));
             Feed<AuditEvent> feed = saymon.auditFeed(options(clock).build())) {
            List<String> delivered = new ArrayList<>();
            List<FeedGap> gaps = new ArrayList<>();
            follow(feed, sim, clock, 1, 4, delivered, gaps);
            sim.failAuditLogOf("jdoe", 500, at(50));
            follow(feed, sim, clock, 5, 60, delivered, gaps);

            String jdoe = sim.userId("jdoe");
            // owed from the first failing poll's window (15 min before the last good poll, at 4), given up
            // after 30 min of failures up to where a user failing afresh would be owed from
            assertThat(gaps).singleElement().satisfies(g -> {
                assertThat(g.kind()).isEqualTo(FeedGap.Kind.SOURCE_UNREADABLE);
                assertThat(g.scope()).isEqualTo("user " + jdoe);
                assertThat(g.from()).isEqualTo(at(4 - 15));
                assertThat(g.to()).isEqualTo(at(34 - 15));
            });
            assertThat(delivered).doesNotHaveDuplicates();
            assertThat(delivered).containsAll(everyEntry(sim, e -> !e.userId().equals(jdoe)));
            List<String> missed = everyEntry(sim, e -> true);
            missed.removeAll(delivered);
            assertThat(missed).as("only jdoe's, and only inside the gap").isNotEmpty().allSatisfy(id -> {
                SaymonAuditEntry e = sim.auditEntries("jdoe").stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
                assertThat(e.timestamp()).isBetween(gaps.get(0).from(), gaps.get(0).to().minusMillis(1));
            });
        }
    }

    @Test
    void resumingFromACheckpointTakenWhileAUserFailsStillDeliversThatUsersEntries() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(0).withAuditEntries(0).withClock(clock);
             SaymonClient saymon = client(sim, b -> b)) {
            List<String> delivered = new ArrayList<>();
            List<FeedGap> gaps = new ArrayList<>();
            String saved;
            try (Feed<AuditEvent> feed = saymon.auditFeed(options(clock).build())) {
                follow(feed, sim, clock, 1, 4, delivered, gaps);
                sim.failAuditLogOf("jdoe", 500, at(25));
                follow(feed, sim, clock, 5, 24, delivered, gaps);
                saved = feed.checkpoint().toString();
            }
            // the follower is restarted; jdoe's log recovers meanwhile
            logEveryMinute(sim, 25);
            try (Feed<AuditEvent> resumed = saymon.auditFeed(options(clock).resumeFrom(Checkpoint.parse(saved)).build())) {
                follow(resumed, sim, clock, 26, 45, delivered, gaps);
            }
            assertThat(delivered).containsExactlyInAnyOrderElementsOf(everyEntry(sim, e -> true));
            assertThat(gaps).isEmpty();
        }
    }

    @Test
    void aSessionOpenForAMonthOnABusyLogKeepsEachPollBounded() throws Exception {
        SimClock clock = SimClock.at(T0);
        Scenario month = Scenario.builder()
                .start(Duration.ofDays(-30), "old", "carol", "192.0.2.5")
                .end(Duration.ofMinutes(10), "old")
                .build();
        // a month of log, a session a minute, one still open from a month ago
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(30 * 1440).withClock(clock).withScenario(month);
             SaymonClient saymon = client(sim, b -> b);
             // the month's backlog in one batch: this test counts the requests of one catch-up poll, then of
             // the bounded polls after it (a batch size would re-read the month once per batch)
             Feed<SessionChange> feed = saymon.sessionFeed(options(clock).since(T0.minus(Duration.ofDays(31)))
                     .maxBatchSize(Integer.MAX_VALUE).build())) {
            List<SessionChange> first = feed.poll(Duration.ZERO).items();
            assertThat(first).as("asked from a month back: the old session is open")
                    .anySatisfy(c -> {
                        assertThat(c.session().id()).isEqualTo(sim.sessionId("old"));
                        assertThat(c.type()).isEqualTo(ChangeType.STARTED);
                    });
            sim.insertAfterEachPage(2); // the log grows while each poll pages it
            List<SessionChange> later = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                clock.set(at(m));
                int before = sim.requestCount();
                later.addAll(feed.poll(Duration.ZERO).items());
                assertThat(sim.requestCount() - before).as("poll at +%d min: a day of log and one look-up", m)
                        .isLessThanOrEqualTo(6);
            }
            assertThat(later).filteredOn(c -> c.session().id().equals(sim.sessionId("old"))).singleElement()
                    .satisfies(c -> {
                        assertThat(c.type()).isEqualTo(ChangeType.ENDED);
                        assertThat(c.session().start()).isEqualTo(T0.minus(Duration.ofDays(30)));
                        assertThat(c.session().end()).isEqualTo(at(10));
                        assertThat(c.session().attributes()).doesNotContainKey("endObserved");
                    });
            assertThat(later).as("the feed advances: sessions logged while it pages are reported")
                    .anySatisfy(c -> assertThat(c.type()).isEqualTo(ChangeType.STARTED));
        }
    }
}
