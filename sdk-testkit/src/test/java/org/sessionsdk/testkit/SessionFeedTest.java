package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.FeedRunner;
import org.sessionsdk.core.feed.FileCheckpointStore;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.senhasegura.SenhaseguraClient;

/** Session and audit feeds against scenarios on a clock (issue 18, first part: the shared strategies). */
class SessionFeedTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Scenario SCENARIO = Scenario.parse("""
            -30m  start  old   carol  192.0.2.5
            +1m   start  s1    alice  192.0.2.10
            +2m   start  s2    bob    198.51.100.7
            +3m   audit  alice created domain example.com
            +4m   start  blip  dave   192.0.2.9
            +5m   end    blip
            +10m  end    s1
            +11m  audit  bob   deleted mailname info@example.com
            +20m  terminate s2
            """);

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static List<Object> changes(FeedBatch<SessionChange> b) {
        return b.items().stream().map(c -> (Object) tuple(c.type(), c.session().id(), c.session().end())).toList();
    }

    @Test
    void pleskReportsWhatIsOpenThenStartsAndEndsSeenGoneButNotWhatCameAndWentBetweenPolls() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withSessions(0).withClock(clock).withScenario(SCENARIO);
             PleskClient plesk = sim.client();
             Feed<SessionChange> feed = plesk.sessionFeed(FeedOptions.builder().clock(clock)
                     .pollInterval(Duration.ofMinutes(1)).build())) {
            // starting now: the session open now is reported once
            assertThat(changes(feed.poll(Duration.ZERO))).containsExactly(tuple(ChangeType.STARTED, "old", null));
            assertThat(feed.poll(Duration.ZERO).items()).as("not due yet").isEmpty();
            clock.set(at(2));
            assertThat(changes(feed.poll(Duration.ZERO))).containsExactly(tuple(ChangeType.STARTED, "s1", null),
                    tuple(ChangeType.STARTED, "s2", null));
            clock.set(at(6)); // blip came and went: Plesk shows open sessions only, so it is never seen
            assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
            clock.set(at(12));
            FeedBatch<SessionChange> b = feed.poll(Duration.ZERO);
            assertThat(changes(b)).containsExactly(tuple(ChangeType.ENDED, "s1", at(12)));
            SessionChange ended = b.items().get(0);
            assertThat(ended.session().start()).isEqualTo(at(1));
            assertThat(ended.session().user()).isEqualTo("alice");
            assertThat(ended.session().attributes()).containsEntry("endObserved", "true");
            assertThat(ended.observedAt()).isEqualTo(at(12));

            // resume from the checkpoint's text in a new feed: nothing is repeated, s2's end is found
            Checkpoint cp = Checkpoint.parse(b.checkpoint().toString());
            clock.set(at(25));
            try (Feed<SessionChange> resumed = plesk.sessionFeed(FeedOptions.builder().clock(clock).resumeFrom(cp).build())) {
                assertThat(changes(resumed.poll(Duration.ZERO))).containsExactly(tuple(ChangeType.ENDED, "s2", at(25)));
            }
            assertThatThrownBy(() -> plesk.auditFeed(FeedOptions.builder().resumeFrom(cp).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to a plesk/sessions/diff feed");
        }
    }

    @Test
    void senhaseguraReportsSessionsThatCameAndWentBetweenPollsWithTheirTrueTimes() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withSessions(3).withClock(clock).withScenario(SCENARIO);
             SenhaseguraClient pam = sim.client();
             Feed<SessionChange> feed = pam.sessionFeed(FeedOptions.builder().clock(clock).since(T0).build())) {
            clock.set(at(6));
            FeedBatch<SessionChange> b = feed.poll(Duration.ZERO);
            // from T0: what was open at T0 and everything after it, blip included with its end
            assertThat(b.items()).extracting(c -> c.type(), c -> c.session().user())
                    .contains(tuple(ChangeType.STARTED, "carol"), tuple(ChangeType.STARTED, "alice"),
                            tuple(ChangeType.STARTED, "bob"), tuple(ChangeType.STARTED, "dave"),
                            tuple(ChangeType.ENDED, "dave"));
            SessionChange blipEnd = b.items().stream().filter(c -> c.type() == ChangeType.ENDED).findFirst().orElseThrow();
            assertThat(blipEnd.session().start()).isEqualTo(at(4));
            assertThat(blipEnd.session().end()).isEqualTo(at(5));
            clock.set(at(30));
            List<SessionChange> later = feed.poll(Duration.ZERO).items();
            assertThat(later).extracting(c -> c.type(), c -> c.session().user(), c -> c.session().end())
                    .containsExactly(tuple(ChangeType.ENDED, "alice", at(10)), tuple(ChangeType.ENDED, "bob", at(20)));
            clock.set(at(40));
            assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
        }
    }

    @Test
    void thePleskAuditFeedFollowsTheIdCursorAndTheRunnerSavesAfterTheHandler(@TempDir Path dir) throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withEvents(5).withClock(clock).withScenario(SCENARIO);
             PleskClient plesk = sim.client()) {
            FileCheckpointStore store = new FileCheckpointStore(dir);
            List<String> delivered = new ArrayList<>();
            try (Feed<AuditEvent> feed = plesk.auditFeed(FeedOptions.builder().clock(clock).build())) {
                assertThat(feed.poll(Duration.ZERO).items()).as("start now: the 5 logged are history").isEmpty();
                clock.set(at(12));
                FeedRunner<AuditEvent> runner = new FeedRunner<>(feed, store, "panel-audit", batch -> {
                    batch.items().forEach(e -> delivered.add(e.id() + ":" + e.action()));
                    assertThat(store.load("panel-audit")).as("saved only after the handler")
                            .isNotEqualTo(java.util.Optional.of(batch.checkpoint()));
                    feedStop(batch);
                });
                stopper = runner;
                runner.run();
            }
            assertThat(delivered).containsExactly("6:created", "7:deleted");
            Checkpoint saved = store.load("panel-audit").orElseThrow();
            sim.addEvents(2);
            try (Feed<AuditEvent> resumed = plesk.auditFeed(FeedOptions.builder().clock(clock).resumeFrom(saved).build())) {
                assertThat(resumed.poll(Duration.ZERO).items()).extracting(AuditEvent::id).containsExactly("8", "9");
            }
            try (Feed<AuditEvent> since = plesk.auditFeed(FeedOptions.builder().clock(clock).since(at(3)).build())) {
                assertThat(since.poll(Duration.ZERO).items()).extracting(AuditEvent::id).containsExactly("6", "7", "8", "9");
            }
        }
    }

    private FeedRunner<AuditEvent> stopper;

    private void feedStop(FeedBatch<AuditEvent> batch) {
        stopper.close(); // one batch is enough: the runner saves it and returns
    }
}
