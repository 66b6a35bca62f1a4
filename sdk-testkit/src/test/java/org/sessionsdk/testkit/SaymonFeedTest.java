package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonSession;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.TimeRange;

/** SAYMON's session feed (history, expiry, a log growing while read) and audit feed, issue 18. */
class SaymonFeedTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Scenario SCENARIO = Scenario.parse("""
            -30m  start  old   carol  192.0.2.5
            +1m   start  s1    alice  192.0.2.10
            +3m   audit  alice created object o-1
            +4m   start  blip  dave   192.0.2.9
            +5m   end    blip
            +10m  end    s1
            +11m  audit  carol deleted object o-2
            +45m  end    old
            +50m  audit  alice updated object o-1
            """);

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static FeedOptions.Builder options(SimClock clock) {
        return FeedOptions.builder().clock(clock).pollInterval(Duration.ofMinutes(1));
    }

    private static List<Object> changes(FeedBatch<SessionChange> b) {
        return b.items().stream().map(c -> (Object) tuple(c.type(), c.session().user(), c.session().end())).toList();
    }

    @Test
    void aFeedWhoseClockIsAheadOfTheClientsStillPolls() throws Exception {
        // e.g. a checkpoint saved on a host whose clock ran two days ahead, or a feed given its own
        // clock: its window starts after the client's "now" and beyond the look-back (24 h)
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        SimClock ahead = SimClock.at(now.plus(Duration.ofDays(2)));
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(0).withClock(SimClock.at(now))
                .withSession(new SaymonSession("65f00000000000000000beef", null, "night", now.minusSeconds(3600), null,
                        null));
             SaymonClient saymon = sim.client();
             Feed<SessionChange> feed = saymon.sessionFeed(options(ahead).build())) {
            assertThat(changes(feed.poll(Duration.ZERO))).containsExactly(tuple(ChangeType.STARTED, "night", null));
            ahead.advance(Duration.ofMinutes(1));
            assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
        }
    }

    @Test
    void reportsHistoryBetweenPollsAndEndsAnExpiredSessionAtItsExpiry() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(0).withClock(clock).withScenario(SCENARIO)
                .withSession(new SaymonSession("65f0000000000000000000aa", null, "idle", at(-120), null, at(5)));
             SaymonClient saymon = sim.client();
             Feed<SessionChange> feed = saymon.sessionFeed(options(clock).build())) {
            assertThat(changes(feed.poll(Duration.ZERO))).containsExactlyInAnyOrder(
                    tuple(ChangeType.STARTED, "carol", null), tuple(ChangeType.STARTED, "idle", null));
            clock.set(at(2));
            assertThat(changes(feed.poll(Duration.ZERO))).containsExactly(tuple(ChangeType.STARTED, "alice", null));
            clock.set(at(7));
            FeedBatch<SessionChange> b = feed.poll(Duration.ZERO);
            // blip came and went; idle's expiry (+5m) passed with no endTime: it ended then, marked
            assertThat(changes(b)).containsExactlyInAnyOrder(tuple(ChangeType.STARTED, "dave", at(5)),
                    tuple(ChangeType.ENDED, "dave", at(5)), tuple(ChangeType.ENDED, "idle", at(5)));
            assertThat(b.items()).filteredOn(c -> c.session().user().equals("idle"))
                    .allSatisfy(c -> assertThat(c.session().attributes()).containsEntry(org.sessionsdk.core.feed.FeedAttributes.END_EXPIRED, "true"));
            clock.set(at(8));
            int before = sim.requestCount();
            assertThat(feed.poll(Duration.ZERO).items()).as("carol is open 38 min: her expiry stays ahead").isEmpty();
            int unchanged = sim.requestCount() - before;
            assertThat(unchanged).as("an unchanged log: one page").isEqualTo(1);

            // resumed from the text after a long pause: s1 and old ended meanwhile, with their times
            Checkpoint cp = Checkpoint.parse(feed.checkpoint().toString());
            clock.set(at(60));
            try (Feed<SessionChange> resumed = saymon.sessionFeed(options(clock).resumeFrom(cp).build())) {
                assertThat(changes(resumed.poll(Duration.ZERO))).containsExactlyInAnyOrder(
                        tuple(ChangeType.ENDED, "alice", at(10)), tuple(ChangeType.ENDED, "carol", at(45)));
            }
        }
    }

    @Test
    void anExpiredSessionIsEndedAtItsExpiryInTheListingAndInTheFeedAlike() throws Exception {
        // the dashboard (sessionRecords, `sessions list`) and the SIEM (sessionFeed) read one server
        SimClock clock = SimClock.at(T0);
        SaymonSession idle = new SaymonSession("65f0000000000000000000a1", null, "idle", at(-120), null, at(-5));
        SaymonSession now = new SaymonSession("65f0000000000000000000a2", null, "now", at(-60), null, T0);
        SaymonSession busy = new SaymonSession("65f0000000000000000000a3", null, "busy", at(-30), null, at(20));
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(0).withClock(clock)
                .withSession(idle).withSession(now).withSession(busy);
             SaymonClient saymon = sim.clientBuilder().clock(clock).build();
             Feed<SessionChange> feed = saymon.sessionFeed(options(clock).since(at(-180)).build())) {
            assertThat(saymon.sessions().list(SaymonSessionQuery.all())).as("the vendor record stays as sent")
                    .extracting(SaymonSession::endTime).containsOnlyNulls();
            Map<String, SessionRecord> listed = listed(saymon, TimeRange.since(at(-180)));
            assertThat(listed.get("idle").end()).isEqualTo(at(-5));
            assertThat(listed.get("now").end()).as("an expiry at now has passed").isEqualTo(T0);
            assertThat(listed.get("busy").end()).as("an expiry ahead: still open").isNull();
            assertThat(listed.get("idle").attributes()).containsEntry(org.sessionsdk.core.feed.FeedAttributes.END_EXPIRED, "true");
            assertThat(listed.get("busy").attributes()).doesNotContainKey(org.sessionsdk.core.feed.FeedAttributes.END_EXPIRED);
            assertThat(listed(saymon, TimeRange.since(at(-3)))).as("ended before the range: outside it")
                    .containsOnlyKeys("now", "busy");

            Map<String, SessionRecord> fed = new HashMap<>();
            for (SessionChange c : feed.poll(Duration.ZERO).items()) {
                fed.put(c.session().user(), c.session());
            }
            assertThat(fed).as("the feed's last word on each session is the listing's").isEqualTo(listed);

            clock.set(at(21));
            Map<String, SessionRecord> later = listed(saymon, TimeRange.since(at(-180)));
            assertThat(later.get("busy").end()).isEqualTo(at(20));
            assertThat(changes(feed.poll(Duration.ZERO))).containsExactly(tuple(ChangeType.ENDED, "busy", at(20)));
            assertThat(later.get("busy").attributes()).containsEntry(org.sessionsdk.core.feed.FeedAttributes.END_EXPIRED, "true");
        }
    }

    private static Map<String, SessionRecord> listed(SaymonClient saymon, TimeRange range) {
        try (Stream<SessionRecord> s = saymon.sessionRecords(range)) {
            return s.collect(Collectors.toMap(SessionRecord::user, r -> r));
        }
    }

    @Test
    void aLogGrowingNewestFirstWhileReadReportsEachSessionOnce() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(300).withClock(clock);
             SaymonClient saymon = sim.client();
             Feed<SessionChange> feed = saymon.sessionFeed(options(clock).since(T0.minus(Duration.ofDays(2))).build())) {
            sim.insertAfterEachPage(7);
            Set<String> started = new HashSet<>();
            for (int k = 0; k < 5; k++) {
                for (SessionChange c : feed.poll(Duration.ZERO).items()) {
                    if (c.type() == ChangeType.STARTED) {
                        assertThat(started.add(c.session().id())).as("once: %s", c.session().id()).isTrue();
                    }
                }
                clock.advance(Duration.ofMinutes(1));
            }
            assertThat(started).isNotEmpty();
        }
    }

    @Test
    void theAuditFeedDeliversEveryUsersEntriesOnceInTimeOrderAndResumes() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(0).withAuditEntries(3).withClock(clock)
                .withScenario(SCENARIO);
             SaymonClient saymon = sim.client()) {
            List<String> delivered = new ArrayList<>();
            Checkpoint saved;
            try (Feed<AuditEvent> feed = saymon.auditFeed(options(clock).build())) {
                assertThat(feed.poll(Duration.ZERO).items()).as("start now: the generated entries are history").isEmpty();
                clock.set(at(12));
                FeedBatch<AuditEvent> b = feed.poll(Duration.ZERO);
                b.items().forEach(e -> delivered.add(e.actor() + ":" + e.action()));
                assertThat(b.items()).extracting(AuditEvent::time).isSorted();
                saved = b.checkpoint();
                clock.set(at(13));
                assertThat(feed.poll(Duration.ZERO).items()).as("the overlap repeats nothing").isEmpty();
            }
            assertThat(delivered).containsExactly("alice:created", "carol:deleted");
            // an entry logged late, inside the overlap, and one more of the scenario
            sim.addAuditEntry(at(12).plusSeconds(30), "alice", "update", "object", "o-9");
            clock.set(at(55));
            try (Feed<AuditEvent> resumed = saymon.auditFeed(options(clock).resumeFrom(Checkpoint.parse(saved.toString())).build())) {
                assertThat(resumed.poll(Duration.ZERO).items()).extracting(e -> e.actor() + ":" + e.action())
                        .containsExactly("alice:update", "alice:updated");
            }
        }
    }
}
