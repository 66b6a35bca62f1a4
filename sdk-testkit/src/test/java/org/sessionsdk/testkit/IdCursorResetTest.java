package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.plesk.PleskClient;

/**
 * Issue 28 item 4: a log whose ids restart (cleared, restored, another server) is noticed by the
 * id-cursor audit feeds, reported once as a LOG_RESET gap, and the new log is delivered.
 */
class IdCursorResetTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static FeedOptions.Builder options(SimClock clock) {
        return FeedOptions.builder().clock(clock).pollInterval(Duration.ofMinutes(1));
    }

    private static FeedBatch<AuditEvent> pollAt(Feed<AuditEvent> feed, SimClock clock, int minutes) throws InterruptedException {
        clock.set(T0.plusSeconds(60L * minutes));
        return feed.poll(Duration.ZERO);
    }

    @Test
    void pleskActionLogClearedBetweenTwoPollsIsOneGapAndTheNewEntriesAreDelivered() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withEvents(50).withClock(clock);
             PleskClient plesk = sim.client();
             Feed<AuditEvent> feed = plesk.auditFeed(options(clock).build())) {
            assertThat(feed.poll(Duration.ZERO).items()).as("start now: the log as it is is history").isEmpty();
            sim.addEvents(3);
            assertThat(pollAt(feed, clock, 1).items()).extracting(AuditEvent::id).containsExactly("51", "52", "53");

            sim.resetLog();
            sim.addEvents(2);
            FeedBatch<AuditEvent> b = pollAt(feed, clock, 2);
            assertThat(b.gaps()).singleElement().satisfies(g -> {
                assertThat(g.kind()).isEqualTo(FeedGap.Kind.LOG_RESET);
                assertThat(g.lastId()).isEqualTo("53");
                assertThat(g.detail()).contains("53");
            });
            assertThat(b.items()).extracting(AuditEvent::id).containsExactly("1", "2");

            FeedBatch<AuditEvent> quiet = pollAt(feed, clock, 3);
            assertThat(quiet.items()).isEmpty();
            assertThat(quiet.gaps()).as("reported once").isEmpty();
            sim.addEvents(1);
            FeedBatch<AuditEvent> next = pollAt(feed, clock, 4);
            assertThat(next.items()).extracting(AuditEvent::id).containsExactly("3");
            assertThat(next.gaps()).isEmpty();
        }
    }

    @Test
    void ekranAlertLogClearedBetweenTwoPollsIsOneGapAndTheNewAlertsAreDelivered() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withAlerts(5).withClock(clock);
             EkranClient ekran = sim.client();
             Feed<AuditEvent> feed = ekran.auditFeed(options(clock).build())) {
            assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
            sim.addAlert(T0.plusSeconds(10), "USB storage connected", "alice", null);
            sim.addAlert(T0.plusSeconds(20), "USB storage connected", "bob", null);
            assertThat(pollAt(feed, clock, 1).items()).extracting(AuditEvent::id).containsExactly("6", "7");

            sim.resetLog();
            sim.addAlert(T0.plusSeconds(70), "Logon out of hours", "carol", null);
            sim.addAlert(T0.plusSeconds(80), "Logon out of hours", "dave", null);
            FeedBatch<AuditEvent> b = pollAt(feed, clock, 2);
            assertThat(b.gaps()).singleElement().satisfies(g -> {
                assertThat(g.kind()).isEqualTo(FeedGap.Kind.LOG_RESET);
                assertThat(g.lastId()).isEqualTo("7");
            });
            assertThat(b.items()).extracting(AuditEvent::id, AuditEvent::actor)
                    .containsExactly(org.assertj.core.api.Assertions.tuple("1", "carol"),
                            org.assertj.core.api.Assertions.tuple("2", "dave"));

            FeedBatch<AuditEvent> quiet = pollAt(feed, clock, 3);
            assertThat(quiet.items()).isEmpty();
            assertThat(quiet.gaps()).isEmpty();
            sim.addAlert(T0.plusSeconds(200), "Logon out of hours", "erin", null);
            FeedBatch<AuditEvent> next = pollAt(feed, clock, 4);
            assertThat(next.items()).extracting(AuditEvent::id).containsExactly("3");
            assertThat(next.gaps()).isEmpty();
        }
    }

    @Test
    void anEmptyPollOfAnUnchangedLogIsNoGap() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withEvents(0).withClock(clock);
             PleskClient plesk = sim.client();
             Feed<AuditEvent> feed = plesk.auditFeed(options(clock).build())) {
            assertThat(feed.poll(Duration.ZERO).isEmpty()).as("an empty log").isTrue();
            assertThat(pollAt(feed, clock, 1).isEmpty()).isTrue();
            sim.addEvents(1);
            assertThat(pollAt(feed, clock, 2).items()).extracting(AuditEvent::id).containsExactly("1");
            assertThat(pollAt(feed, clock, 3).isEmpty()).as("the last entry read is still there").isTrue();
        }
    }
}
