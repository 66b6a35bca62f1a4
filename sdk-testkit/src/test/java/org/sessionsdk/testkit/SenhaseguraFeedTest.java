package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.testkit.testing.TestCheckpoints;
import org.sessionsdk.senhasegura.SenhaseguraClient;

/** senhasegura's long unfiltered list followed: one request a poll, state bounded by the open rows (issue 18). */
class SenhaseguraFeedTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Scenario SCENARIO = Scenario.parse("""
            +1m   start  s1    alice  192.0.2.10
            +4m   start  blip  dave   192.0.2.9
            +5m   end    blip
            +10m  end    s1
            """);

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    @Test
    void aLongListCostsOneRequestAPollAndTheCheckpointHoldsOnlyTheOpenRows() throws Exception {
        SimClock clock = SimClock.at(T0);
        int n = 50_000;
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withSessions(n).withClock(clock).withScenario(SCENARIO);
             SenhaseguraClient pam = sim.client();
             Feed<SessionChange> feed = pam.sessionFeed(FeedOptions.builder().clock(clock)
                     .pollInterval(Duration.ofMinutes(1)).build())) {
            long open;
            try (var rows = pam.sessions().stream()) {
                open = rows.filter(r -> r.end() == null).count();
            }
            FeedBatch<SessionChange> first = feed.poll(Duration.ZERO);
            assertThat(first.items()).hasSize((int) open).allMatch(c -> c.type() == ChangeType.STARTED);
            Checkpoint cp = first.checkpoint();
            assertThat(TestCheckpoints.number(cp, "openSessions")).isEqualTo(open);
            assertThat(TestCheckpoints.number(cp, "endedSessions")).isZero();
            // the state is the open rows (a fixed eighth of the generated ones here), never the list
            System.out.printf("senhasegura: %d rows, %d open, checkpoint %d chars%n", n, open, cp.toString().length());
            assertThat(cp.toString().length()).isLessThan((int) open * 80 + 200);

            clock.set(at(2));
            int before = sim.requestCount();
            assertThat(feed.poll(Duration.ZERO).items()).extracting(c -> c.type(), c -> c.session().user())
                    .containsExactly(tuple(ChangeType.STARTED, "alice"));
            assertThat(sim.requestCount() - before).as("one list (the token is reused)").isEqualTo(1);
            clock.set(at(12));
            assertThat(feed.poll(Duration.ZERO).items())
                    .extracting(c -> c.type(), c -> c.session().user(), c -> c.session().start(), c -> c.session().end())
                    .containsExactlyInAnyOrder(tuple(ChangeType.STARTED, "dave", at(4), at(5)), tuple(ChangeType.ENDED, "dave", at(4), at(5)),
                            tuple(ChangeType.ENDED, "alice", at(1), at(10)));
            assertThat(TestCheckpoints.number(feed.checkpoint(), "openSessions")).isEqualTo(open);
        }
    }
}
