package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.testkit.testing.TestCheckpoints;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.saymon.SaymonClient;

/**
 * The scenario steps for the audit log's own failures: {@code reset} (Plesk's action log, Ekran's
 * alerts cleared, ids starting again at 1) and {@code failaudit} (one SAYMON user's audit log failing
 * for a while), in the file form and the builder, played by the simulators as of their clock.
 */
class ScenarioLogStepsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** Three entries, the log cleared at +3m, one more after: the feed must notice with one gap. */
    private static final Scenario RESET = Scenario.parse("""
            +1m    audit  alice  domain_create  domain  a.example
            +1m30s audit  bob    domain_create  domain  b.example
            +2m    audit  carol  domain_create  domain  c.example
            +3m    reset                                 # the log is cleared: ids start again at 1
            +4m    audit  dave   domain_create  domain  d.example
            """);

    private static FeedBatch<AuditEvent> pollAt(Feed<AuditEvent> feed, SimClock clock, int seconds)
            throws InterruptedException {
        clock.set(T0.plusSeconds(seconds));
        return feed.poll(Duration.ZERO);
    }

    @Test
    void theFileAndTheBuilderSayTheSame() {
        Scenario file = Scenario.parse("+3m reset\n+10m failaudit jdoe 500 20m\n");
        Scenario built = Scenario.builder().resetLog(Duration.ofMinutes(3))
                .failAuditLogOf(Duration.ofMinutes(10), "jdoe", 500, Duration.ofMinutes(20)).build();
        assertThat(file.steps()).isEqualTo(built.steps()).containsExactly(new Scenario.ResetLog(Duration.ofMinutes(3)),
                new Scenario.FailAuditLog(Duration.ofMinutes(10), "jdoe", 500, Duration.ofMinutes(20)));
        assertThatThrownBy(() -> Scenario.parse("+3m reset now")).hasMessageContaining("line 1")
                .hasMessageContaining("'reset' takes 0 values");
        assertThatThrownBy(() -> Scenario.parse("\n+1m failaudit jdoe 200 5m")).hasMessageContaining("line 2")
                .hasMessageContaining("400 to 599");
        assertThatThrownBy(() -> Scenario.parse("+1m failaudit jdoe 500 0")).hasMessageContaining("length is zero");
    }

    @Test
    void pleskPlaysAResetStepAndTheFeedReportsOneGap() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withEvents(0).withClock(clock).withScenario(RESET);
             PleskClient plesk = sim.client();
             Feed<AuditEvent> feed = plesk.auditFeed(FeedOptions.builder().clock(clock).pollInterval(Duration.ofSeconds(30)).build())) {
            assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
            assertThat(pollAt(feed, clock, 150).items()).extracting(AuditEvent::id).containsExactly("1", "2", "3");
            FeedBatch<AuditEvent> b = pollAt(feed, clock, 200);
            assertThat(b.gaps()).as("cleared at +3m: noticed at the next poll").singleElement().satisfies(g -> {
                assertThat(g.kind()).isEqualTo(FeedGap.Kind.LOG_RESET);
                assertThat(g.lastId()).isEqualTo("3");
            });
            assertThat(b.items()).isEmpty();
            b = pollAt(feed, clock, 270);
            assertThat(b.gaps()).as("reported once").isEmpty();
            assertThat(b.items()).extracting(AuditEvent::id).containsExactly("1");
            assertThat(b.items()).extracting(AuditEvent::actor).containsExactly("dave");
        }
    }

    @Test
    void ekranPlaysAResetStepAndTheFeedReportsOneGap() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withAlerts(0).withClock(clock).withScenario(RESET);
             EkranClient ekran = sim.client();
             Feed<AuditEvent> feed = ekran.auditFeed(FeedOptions.builder().clock(clock).pollInterval(Duration.ofSeconds(30)).build())) {
            assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
            assertThat(pollAt(feed, clock, 150).items()).extracting(AuditEvent::id).containsExactly("1", "2", "3");
            FeedBatch<AuditEvent> b = pollAt(feed, clock, 270);
            assertThat(b.gaps()).singleElement().satisfies(g -> {
                assertThat(g.kind()).isEqualTo(FeedGap.Kind.LOG_RESET);
                assertThat(g.lastId()).isEqualTo("3");
            });
            assertThat(b.items()).extracting(AuditEvent::id).containsExactly("1");
        }
    }

    @Test
    void saymonPlaysAFailAuditStepForOneUserWhileTheOthersAnswer() throws Exception {
        SimClock clock = SimClock.at(T0);
        Scenario failing = Scenario.builder().failAuditLogOf(Duration.ofMinutes(5), "jdoe", 500, Duration.ofMinutes(20))
                .build();
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(0).withAuditEntries(0).withClock(clock)
                .withScenario(failing);
             SaymonClient saymon = sim.clientBuilder().retryPolicy(RetryPolicy.none()).build();
             Feed<AuditEvent> feed = saymon.auditFeed(FeedOptions.builder().clock(clock)
                     .pollInterval(Duration.ofMinutes(1)).since(T0).build())) {
            List<String> delivered = new ArrayList<>();
            List<FeedGap> gaps = new ArrayList<>();
            List<String> behindWhileFailing = List.of();
            for (int m = 1; m <= 45; m++) {
                clock.set(T0.plusSeconds(60L * m));
                for (String login : List.of("admin", "jdoe", "operator")) {
                    sim.addAuditEntry(clock.instant().minusSeconds(30), login, "update", "object", login + "-" + m);
                }
                FeedBatch<AuditEvent> b = feed.poll(Duration.ZERO);
                b.items().forEach(e -> delivered.add(e.id()));
                gaps.addAll(b.gaps());
                if (m == 15) {
                    behindWhileFailing = List.copyOf(TestCheckpoints.table(feed.checkpoint(), "behind").keySet());
                    assertThat(delivered).as("jdoe's log fails from +5m: its entries wait")
                            .noneMatch(id -> id.startsWith(sim.userId("jdoe")) && id.contains("-" + T0.plusSeconds(60 * 10 - 30).toEpochMilli() + "-"));
                }
            }
            assertThat(behindWhileFailing).containsExactly(sim.userId("jdoe"));
            assertThat(delivered).doesNotHaveDuplicates().hasSize(3 * 45);
            assertThat(gaps).isEmpty();
            assertThat(TestCheckpoints.table(feed.checkpoint(), "behind")).as("healed at +25m and caught up").isEmpty();
        }
    }
}
