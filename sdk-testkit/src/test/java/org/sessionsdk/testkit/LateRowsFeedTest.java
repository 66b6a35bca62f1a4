package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.testkit.testing.TestCheckpoints;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/**
 * Sessions listed late, stamped by a server clock behind ours, or in a repeated DST hour are still
 * reported once (issue 28, item 1). senhasegura's simulator serves offset-less local times in a zone
 * and takes rows at any moment, so it plays all three.
 */
class LateRowsFeedTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static SenhaseguraSession row(String id, String user, Instant start, Instant end, ZoneId zone) {
        return new SenhaseguraSession(id, user, "192.0.2.7", "root", "10.66.0.1:22", "ssh", "SSH Proxy",
                "feedcafe" + id, LocalDateTime.ofInstant(start, zone), LocalDateTime.ofInstant(end, zone),
                Duration.between(start, end), false, null, null);
    }

    private static FeedOptions.Builder options(SimClock clock) {
        return FeedOptions.builder().clock(clock).pollInterval(Duration.ofMinutes(1));
    }

    @Test
    void aSessionListedOnlyAtThePollAfterItEndedIsReportedOnceAsStartedAndEnded() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withSessions(0).withClock(clock);
             SenhaseguraClient pam = sim.client();
             Feed<SessionChange> feed = pam.sessionFeed(options(clock).build())) {
            assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
            clock.set(at(8));
            assertThat(feed.poll(Duration.ZERO).items()).as("the row is not uploaded yet").isEmpty();
            // it came and went before the last poll, but the server lists it only now
            sim.withSession(row("late", "erin", at(6), at(7), ZoneOffset.UTC));
            List<SessionChange> all = new ArrayList<>();
            for (int m = 9; m <= 60; m++) {
                clock.set(at(m));
                all.addAll(feed.poll(Duration.ZERO).items());
            }
            assertThat(all).extracting(c -> c.type(), c -> c.session().id(), c -> c.session().start(), c -> c.session().end())
                    .as("reported once, over 52 polls").containsExactly(
                            tuple(ChangeType.STARTED, "late", at(6), at(7)), tuple(ChangeType.ENDED, "late", at(6), at(7)));
            assertThat(TestCheckpoints.number(feed.checkpoint(), "endedSessions")).as("forgotten once past the overlap").isZero();
        }
    }

    @Test
    void aServerClockThirtySecondsBehindOursStillHasItsShortSessionsReported() throws Exception {
        SimClock server = SimClock.at(T0);
        SimClock ours = SimClock.at(T0.plusSeconds(30));
        Scenario quick = Scenario.parse("""
                +35s  start  quick  frank  192.0.2.8
                +50s  end    quick
                """);
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withSessions(0).withClock(server).withScenario(quick);
             SenhaseguraClient pam = sim.client();
             Feed<SessionChange> feed = pam.sessionFeed(options(ours).build())) {
            server.set(T0.plusSeconds(30));
            ours.set(T0.plusSeconds(60));
            assertThat(feed.poll(Duration.ZERO).items()).as("nothing open yet by the server's clock").isEmpty();
            Set<String> seen = new HashSet<>();
            List<SessionChange> all = new ArrayList<>();
            for (int k = 1; k <= 30; k++) {
                server.advance(Duration.ofMinutes(1));
                ours.advance(Duration.ofMinutes(1));
                for (SessionChange c : feed.poll(Duration.ZERO).items()) {
                    all.add(c);
                    assertThat(seen.add(c.type() + " " + c.session().id())).as("no duplicate: " + c).isTrue();
                }
            }
            // the server stamped 10:00:50, before our previous poll at 10:01:00: still reported
            assertThat(all).extracting(c -> c.type(), c -> c.session().user(), c -> c.session().end())
                    .containsExactly(tuple(ChangeType.STARTED, "frank", T0.plusSeconds(50)),
                            tuple(ChangeType.ENDED, "frank", T0.plusSeconds(50)));
        }
    }

    @Test
    void aSessionInTheRepeatedAutumnHourOfTheServersZoneIsReported() throws Exception {
        // Berlin falls back at 01:00Z on 2026-10-25: local 02:00-03:00 happens twice
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant fallBack = Instant.parse("2026-10-25T01:00:00Z");
        SimClock clock = SimClock.at(fallBack.plusSeconds(10 * 60));
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withSessions(0).withClock(clock).withZone(berlin);
             SenhaseguraClient pam = sim.client();
             Feed<SessionChange> feed = pam.sessionFeed(options(clock).build())) {
            assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
            // 01:20Z-01:40Z is local 02:20-02:40 the second time; read back, it is the first (an hour earlier)
            Instant start = fallBack.plusSeconds(20 * 60);
            Instant end = fallBack.plusSeconds(40 * 60);
            sim.withSession(row("dst", "gina", start, end, berlin));
            List<SessionChange> all = new ArrayList<>();
            for (int m = 45; m <= 120; m += 5) {
                clock.set(fallBack.plusSeconds(m * 60L));
                all.addAll(feed.poll(Duration.ZERO).items());
            }
            assertThat(all).extracting(c -> c.type(), c -> c.session().id())
                    .containsExactly(tuple(ChangeType.STARTED, "dst"), tuple(ChangeType.ENDED, "dst"));
            // the local time is ambiguous: the earlier reading of it is what the record says
            assertThat(all.get(1).session().end()).isEqualTo(end.minus(Duration.ofHours(1)));
        }
    }
}
