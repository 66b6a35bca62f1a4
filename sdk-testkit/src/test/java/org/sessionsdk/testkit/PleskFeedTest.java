package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskEvent;
import org.sessionsdk.plesk.PleskEventQuery;

/** Plesk's feeds: requests per poll, catch-up from an old checkpoint, and follow() on the audit cursor (issue 18). */
class PleskFeedTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Scenario SCENARIO = Scenario.parse("""
            -30m  start  old   carol  192.0.2.5
            +1m   start  s1    alice  192.0.2.10
            +3m   audit  alice created domain example.com
            +10m  end    s1
            +11m  audit  bob   deleted mailname info@example.com
            +20m  start  s2    bob    198.51.100.7
            +30m  end    s2
            +35m  start  s3    dave   192.0.2.9
            """);

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    @Test
    void eachPollIsOneSessionGetAndACatchUpEndsWhatWentWhileDownAtTheTimeSeenGone() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withSessions(0).withClock(clock).withScenario(SCENARIO);
             PleskClient plesk = sim.client()) {
            Checkpoint saved;
            try (Feed<SessionChange> feed = plesk.sessionFeed(FeedOptions.builder().clock(clock).build())) {
                clock.set(at(2));
                int before = sim.requestCount();
                saved = feed.poll(Duration.ZERO).checkpoint();
                clock.set(at(3));
                assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
                assertThat(sim.requestCount() - before).as("two polls, one session/get each").isEqualTo(2);
            }
            clock.set(at(40)); // down: s1 ended, s2 came and went (invisible to Plesk), s3 started
            try (Feed<SessionChange> resumed = plesk.sessionFeed(FeedOptions.builder().clock(clock)
                    .resumeFrom(Checkpoint.parse(saved.toString())).build())) {
                List<SessionChange> items = resumed.poll(Duration.ZERO).items();
                assertThat(items).extracting(c -> c.type(), c -> c.session().user(), c -> c.session().end())
                        .containsExactlyInAnyOrder(tuple(ChangeType.STARTED, "dave", null),
                                tuple(ChangeType.ENDED, "alice", at(40)));
                assertThat(items).filteredOn(c -> c.type() == ChangeType.ENDED)
                        .allSatisfy(c -> assertThat(c.session().attributes()).containsEntry("endObserved", "true"));
            }
        }
    }

    @Test
    void followIsTheAuditCursorPolledWithTheSleeperAndKeepsItsFilters() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withEvents(3).withClock(clock).withScenario(SCENARIO);
             PleskClient plesk = sim.clientBuilder().pollSleeper(d -> clock.advance(Duration.ofMinutes(6))).build();
             Stream<PleskEvent> live = plesk.eventLog().follow(PleskEventQuery.builder().fromId(3).build(),
                     Duration.ofMinutes(6))) {
            Iterator<PleskEvent> it = live.iterator();
            assertThat(List.of(it.next().id(), it.next().id(), it.next().id())).containsExactly(3L, 4L, 5L);
            assertThat(sim.lastRequest().orElseThrow().body()).contains("<lastId>5</lastId>");
        }
    }

    @Test
    void theAuditFeedCostsOneRequestAPollOnceStarted() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withEvents(1000).withClock(clock).withScenario(SCENARIO);
             PleskClient plesk = sim.client();
             Feed<AuditEvent> feed = plesk.auditFeed(FeedOptions.builder().clock(clock).build())) {
            feed.poll(Duration.ZERO);
            for (int m = 1; m <= 12; m++) {
                clock.set(at(m));
                int before = sim.requestCount();
                feed.poll(Duration.ZERO);
                assertThat(sim.requestCount() - before).isEqualTo(1);
            }
        }
    }

    @Test
    void aCheckpointSavedBeforeTheFirstPollResumesTheSameWay() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withEvents(3).withClock(clock);
             PleskClient plesk = sim.client()) {
            Checkpoint fresh;
            Checkpoint since;
            try (Feed<AuditEvent> now = plesk.auditFeed(FeedOptions.builder().clock(clock).build());
                 Feed<AuditEvent> from = plesk.auditFeed(FeedOptions.builder().clock(clock)
                         .since(T0.minusSeconds(150)).build())) {
                fresh = Checkpoint.parse(now.checkpoint().toString());
                since = Checkpoint.parse(from.checkpoint().toString());
            }
            try (Feed<AuditEvent> resumed = plesk.auditFeed(FeedOptions.builder().clock(clock).resumeFrom(fresh).build())) {
                assertThat(resumed.poll(Duration.ZERO).items()).as("start now: the log is history").isEmpty();
                sim.addEvents(1);
                clock.set(at(1));
                assertThat(resumed.poll(Duration.ZERO).items()).extracting(AuditEvent::id).containsExactly("4");
            }
            try (Feed<AuditEvent> resumed = plesk.auditFeed(FeedOptions.builder().clock(clock).resumeFrom(since).build())) {
                // entries 2 and 3 were logged 2 and 1 minutes before the anchor, then 4
                assertThat(resumed.poll(Duration.ZERO).items()).extracting(AuditEvent::id).containsExactly("2", "3", "4");
            }
        }
    }
}
