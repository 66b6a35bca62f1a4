package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.testkit.testing.TestCheckpoints;
import org.sessionsdk.ekran.EkranClient;

/** Ekran's session feed (true starts despite clipping) and alert feed (the afterActivityId cursor), issue 18. */
class EkranFeedTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Scenario SCENARIO = Scenario.parse("""
            -60d  start  ancient  erin   192.0.2.1
            -3h   start  old      carol  192.0.2.5
            +1m   start  s1       alice  192.0.2.10
            +2m   audit  alice created domain example.com
            +4m   start  blip     dave   192.0.2.9
            +5m   end    blip
            +10m  end    s1
            +11m  audit  bob   deleted mailname info@example.com
            +20m  end    old
            +40m  start  late     frank  192.0.2.11
            +50m  end    late
            +55m  audit  frank logged in
            """);

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** How many requests the alert log got: a poll also asks the access-request log. */
    private static int alertRequests(EkranSimulator sim) {
        return (int) sim.requests().stream().filter(r -> r.path().equals("/ekranapi/alerts")).count();
    }

    private static FeedOptions.Builder options(SimClock clock) {
        return FeedOptions.builder().clock(clock).pollInterval(Duration.ofMinutes(1));
    }

    private static List<Object> changes(FeedBatch<SessionChange> b) {
        return b.items().stream()
                .map(c -> (Object) tuple(c.type(), c.session().id(), c.session().start(), c.session().end())).toList();
    }

    @Test
    void reportsTheTrueStartOfSessionsOpenBeforeTheWindowNeverAClippedOneAndEachSessionOnce() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withClock(clock).withScenario(SCENARIO);
             EkranClient ekran = sim.client();
             Feed<SessionChange> feed = ekran.sessionFeed(options(clock).build())) {
            String old = Integer.toString(sim.sessionId("old"));
            String ancient = Integer.toString(sim.sessionId("ancient"));
            int before = sim.requestCount();
            FeedBatch<SessionChange> first = feed.poll(Duration.ZERO);
            // the listing since T0-15min shows both with loginDate = the window's start; the look-back finds
            // old's true start, and ancient's lies beyond it (43 days): unknown, not clipped
            assertThat(changes(first)).containsExactlyInAnyOrder(tuple(ChangeType.STARTED, old, at(-180), null),
                    tuple(ChangeType.STARTED, ancient, null, null));
            SessionChange a = first.items().stream().filter(c -> c.session().id().equals(ancient)).findFirst().orElseThrow();
            assertThat(a.session().attributes()).containsEntry("startUnknown", "true")
                    .containsEntry("startedBefore", T0.minus(Duration.ofMinutes(15)).minus(Duration.ofHours(1024)).toString());
            // the listing and the six windows of the look-back (old is resolved by the second)
            assertThat(sim.requestCount() - before).isEqualTo(1 + 6);

            clock.set(at(2));
            before = sim.requestCount();
            String s1 = Integer.toString(sim.sessionId("s1"));
            assertThat(changes(feed.poll(Duration.ZERO))).containsExactly(tuple(ChangeType.STARTED, s1, at(1), null));
            assertThat(sim.requestCount() - before).as("a new session that started after the last poll: one list").isEqualTo(1);

            clock.set(at(6)); // blip came and went between two polls: Ekran keeps history, so it is seen
            String blip = Integer.toString(sim.sessionId("blip"));
            assertThat(changes(feed.poll(Duration.ZERO))).containsExactly(tuple(ChangeType.STARTED, blip, at(4), at(5)),
                    tuple(ChangeType.ENDED, blip, at(4), at(5)));

            clock.set(at(7));
            before = sim.requestCount();
            assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
            assertThat(sim.requestCount() - before).as("an unchanged server costs one list").isEqualTo(1);

            clock.set(at(25));
            // old ended at +20m: the listing since +7m-15min clips its start again; the ENDED keeps the true one
            assertThat(changes(feed.poll(Duration.ZERO))).containsExactlyInAnyOrder(
                    tuple(ChangeType.ENDED, s1, at(1), at(10)), tuple(ChangeType.ENDED, old, at(-180), at(20)));
        }
    }

    @Test
    void catchesUpFromAnOldCheckpointWithEveryStartAndEndThatHappenedWhileDown() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withClock(clock).withScenario(SCENARIO);
             EkranClient ekran = sim.client()) {
            Checkpoint saved;
            try (Feed<SessionChange> feed = ekran.sessionFeed(options(clock).build())) {
                clock.set(at(2));
                saved = feed.poll(Duration.ZERO).checkpoint();
            }
            clock.set(at(60)); // down for an hour
            try (Feed<SessionChange> resumed = ekran.sessionFeed(options(clock)
                    .resumeFrom(Checkpoint.parse(saved.toString())).build())) {
                List<SessionChange> items = resumed.poll(Duration.ZERO).items();
                Map<String, List<ChangeType>> byId = new HashMap<>();
                items.forEach(c -> byId.computeIfAbsent(c.session().id(), k -> new ArrayList<>()).add(c.type()));
                String late = Integer.toString(sim.sessionId("late"));
                String old = Integer.toString(sim.sessionId("old"));
                assertThat(byId).containsOnlyKeys(Integer.toString(sim.sessionId("s1")), old,
                        Integer.toString(sim.sessionId("blip")), late);
                assertThat(byId.get(old)).containsExactly(ChangeType.ENDED);
                assertThat(byId.get(late)).containsExactly(ChangeType.STARTED, ChangeType.ENDED);
                assertThat(items).filteredOn(c -> c.type() == ChangeType.ENDED)
                        .extracting(c -> c.session().id(), c -> c.session().start(), c -> c.session().end())
                        .contains(tuple(old, at(-180), at(20)), tuple(late, at(40), at(50)));
            }
        }
    }

    @Test
    void aHundredThousandSessionsOverAWeekAreEachReportedOnceWithABoundedCheckpointAndOneRequestAPoll() throws Exception {
        int n = 100_000;
        Scenario.Builder b = Scenario.builder();
        for (int i = 0; i < n; i++) {
            // one every 6 s, 2 to 5 minutes long: about 35 open at once
            Duration start = Duration.ofSeconds(6L * i);
            b.start(start, "s" + i, "user" + (i % 50), null);
            b.end(start.plusSeconds(120 + (i * 37L) % 180), "s" + i);
        }
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withClock(clock).withScenario(b.build());
             EkranClient ekran = sim.client();
             Feed<SessionChange> feed = ekran.sessionFeed(options(clock).pollInterval(Duration.ofMinutes(30)).build())) {
            Map<String, Integer> started = new HashMap<>();
            Map<String, Integer> ended = new HashMap<>();
            int longest = 0;
            int polls = 0;
            int requests = sim.requestCount();
            Instant last = T0.plusSeconds(6L * n + 1800);
            while (!clock.instant().isAfter(last)) {
                for (SessionChange c : feed.poll(Duration.ZERO).items()) {
                    (c.type() == ChangeType.STARTED ? started : ended).merge(c.session().id(), 1, Integer::sum);
                    assertThat(c.session().start()).as("never a clipped start").isNotNull();
                }
                polls++;
                longest = Math.max(longest, feed.checkpoint().toString().length());
                clock.advance(Duration.ofMinutes(30));
            }
            assertThat(started).hasSize(n).allSatisfy((id, k) -> assertThat(k).isEqualTo(1));
            assertThat(ended).hasSize(n).allSatisfy((id, k) -> assertThat(k).isEqualTo(1));
            assertThat(sim.requestCount() - requests).as("one list a poll").isEqualTo(polls);
            // the sessions ended within the overlap (about 300) and those open: bounded by the rate, not by n
            assertThat(longest).isLessThan(16_000);
            System.out.printf("ekran: %d sessions, %d polls, %d requests, longest checkpoint %d chars%n", n, polls,
                    sim.requestCount() - requests, longest);
        }
    }

    @Test
    void followsAlertsByTheCursorInLogOrderAndResumesFromIt() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withAlerts(5).withClock(clock)
                .withScenario(SCENARIO);
             EkranClient ekran = sim.client()) {
            Checkpoint saved;
            try (Feed<AuditEvent> feed = ekran.auditFeed(options(clock).build())) {
                // each poll asks each of the two logs once: the alerts, and the endpoint access requests
                int before = alertRequests(sim);
                assertThat(feed.poll(Duration.ZERO).items()).as("start now: the 5 raised are history").isEmpty();
                assertThat(alertRequests(sim) - before).isEqualTo(1);
                clock.set(at(12));
                FeedBatch<AuditEvent> b = feed.poll(Duration.ZERO);
                assertThat(b.items()).extracting(AuditEvent::id, AuditEvent::action)
                        .containsExactly(tuple("6", "created"), tuple("7", "deleted"));
                saved = b.checkpoint();
                assertThat(TestCheckpoints.number(saved, "after")).isEqualTo(7L);
                clock.set(at(13));
                before = alertRequests(sim);
                int all = sim.requestCount();
                assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
                assertThat(alertRequests(sim) - before).as("nothing new: one request").isEqualTo(1);
                assertThat(sim.requestCount() - all).as("and one of the access-request log").isEqualTo(2);
                // asked from just before the cursor: alert 7 listed again shows the ids did not restart
                assertThat(sim.lastRequest().orElseThrow().query()).containsEntry("afterActivityId", "6")
                        .doesNotContainKey("start");
            }
            // an alert logged late with an old date is still delivered: the cursor, not the date, decides
            sim.addAlert(at(-30), "Logon out of hours", "mallory", "late");
            clock.set(at(60));
            try (Feed<AuditEvent> resumed = ekran.auditFeed(options(clock).resumeFrom(Checkpoint.parse(saved.toString())).build())) {
                assertThat(resumed.poll(Duration.ZERO).items()).extracting(AuditEvent::id, AuditEvent::action)
                        .containsExactly(tuple("8", "Logon out of hours"), tuple("9", "logged"));
            }
            try (Feed<AuditEvent> since = ekran.auditFeed(options(clock).since(at(3)).build())) {
                assertThat(since.poll(Duration.ZERO).items()).extracting(AuditEvent::id).containsExactly("7", "9");
            }
        }
    }
}
