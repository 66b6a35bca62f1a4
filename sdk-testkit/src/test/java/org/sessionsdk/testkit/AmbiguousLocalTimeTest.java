package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.senhasegura.SenhaseguraClient;

/**
 * A session whose time a vendor wrote as a local time of the hour the server's zone repeats when its
 * clocks go back (issue 28): the feed delivers it, read with the earlier offset, and reports one
 * {@code AMBIGUOUS_LOCAL_TIME} gap naming the session, the time and the offset taken.
 */
class AmbiguousLocalTimeTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 02:00 to 03:00 local happens twice this night: 00:00Z to 01:00Z (+02:00), then 01:00Z to 02:00Z (+01:00). */
    private static final Instant FALL_BACK = Instant.parse("2026-10-25T00:00:00Z");
    /** Both start at 02:30 local: a on the first pass (00:30Z), b on the second (01:30Z); c at 03:30 local, not ambiguous. */
    private static final Scenario THREE = Scenario.parse("""
            +30m    start  a  alice  192.0.2.10
            +1h30m  start  b  bob    192.0.2.11
            +2h30m  start  c  carol  192.0.2.12
            """);
    private static final Instant FIRST = Instant.parse("2026-10-25T00:30:00Z");
    private static final Instant SECOND = Instant.parse("2026-10-25T01:30:00Z");

    private static void assertGaps(FeedBatch<SessionChange> b, String a, String bId) {
        assertThat(b.items()).as("every session delivered, none dropped")
                .extracting(c -> c.type(), c -> c.session().user(), c -> c.session().start())
                .containsExactlyInAnyOrder(tuple(ChangeType.STARTED, "alice", FIRST), tuple(ChangeType.STARTED, "bob", FIRST),
                        tuple(ChangeType.STARTED, "carol", Instant.parse("2026-10-25T02:30:00Z")));
        assertThat(b.gaps()).extracting(FeedGap::kind, FeedGap::scope, FeedGap::from, FeedGap::to)
                .containsExactlyInAnyOrder(
                        tuple(FeedGap.Kind.AMBIGUOUS_LOCAL_TIME, "session " + a, FIRST, SECOND),
                        tuple(FeedGap.Kind.AMBIGUOUS_LOCAL_TIME, "session " + bId, FIRST, SECOND));
        assertThat(b.gaps()).allSatisfy(g -> assertThat(g.detail()).contains("2026-10-25T02:30", "+02:00", "+01:00",
                "the start of session"));
    }

    @Test
    void pleskDeliversTheRepeatedHoursSessionsAndSaysWhichOffsetItTook() throws Exception {
        SimClock clock = SimClock.at(FALL_BACK);
        try (PleskSimulator sim = PleskSimulator.start().withSessions(0).withClock(clock).withServerZone(BERLIN)
                .withScenario(THREE); PleskClient plesk = sim.client();
             Feed<SessionChange> feed = plesk.sessionFeed(FeedOptions.builder().clock(clock).since(FALL_BACK).build())) {
            clock.advance(Duration.ofHours(3));
            assertGaps(feed.poll(Duration.ZERO), sim.sessionId("a"), sim.sessionId("b"));
            clock.advance(Duration.ofMinutes(1));
            FeedBatch<SessionChange> next = feed.poll(Duration.ZERO);
            assertThat(next.items()).isEmpty();
            assertThat(next.gaps()).as("reported once, with the change").isEmpty();
        }
    }

    @Test
    void senhaseguraDoesTheSame() throws Exception {
        SimClock clock = SimClock.at(FALL_BACK);
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withSessions(0).withClock(clock)
                .withServerZone(BERLIN).withScenario(THREE); SenhaseguraClient pam = sim.client();
             Feed<SessionChange> feed = pam.sessionFeed(FeedOptions.builder().clock(clock).since(FALL_BACK).build())) {
            clock.advance(Duration.ofHours(3));
            assertGaps(feed.poll(Duration.ZERO), sim.sessionId("a"), sim.sessionId("b"));
        }
    }
}
