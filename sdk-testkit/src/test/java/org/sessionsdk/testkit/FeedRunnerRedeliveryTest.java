package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.FeedRunner;
import org.sessionsdk.core.feed.FileCheckpointStore;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.senhasegura.SenhaseguraClient;

/** A handler that fails never makes the runner skip its batch (issue 28, item 2). */
class FeedRunnerRedeliveryTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String KEY = "panel-audit";

    /** The ids of one batch, as the handler was given them. */
    private static List<String> ids(FeedBatch<AuditEvent> batch) {
        return batch.items().stream().map(AuditEvent::id).toList();
    }

    private static FeedOptions.Builder options(SimClock clock) {
        return FeedOptions.builder().clock(clock).pollInterval(Duration.ofMinutes(1));
    }

    @Test
    void runAgainAfterTheHandlerGaveUpDeliversTheSameBatchAndSavesNothingPastIt(@TempDir Path dir) throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withEvents(5).withClock(clock);
             PleskClient plesk = sim.client();
             Feed<AuditEvent> feed = plesk.auditFeed(options(clock).build())) {
            FileCheckpointStore store = new FileCheckpointStore(dir);
            assertThat(feed.poll(Duration.ZERO).items()).as("start now: the 5 logged are history").isEmpty();
            store.save(KEY, feed.checkpoint());
            Checkpoint before = feed.checkpoint();
            sim.addEvents(2);
            clock.advance(Duration.ofMinutes(2));
            List<List<String>> given = new ArrayList<>();
            int[] failuresLeft = {3};
            AtomicReference<FeedRunner<AuditEvent>> runner = new AtomicReference<>();
            runner.set(new FeedRunner<>(feed, store, KEY, batch -> {
                given.add(ids(batch));
                assertThat(store.load(KEY)).as("nothing saved past an unhandled batch").contains(before);
                if (failuresLeft[0]-- > 0) {
                    throw new IllegalStateException("the sink is down");
                }
                runner.get().close();
            }));
            // the default policy tries 3 times in a row, then gives up with the handler's failure
            assertThat(catchException(runner.get()::run)).hasMessage("the sink is down");
            assertThat(store.load(KEY)).contains(before);
            sim.addEvents(1);
            clock.advance(Duration.ofMinutes(2));
            runner.get().run();
            assertThat(given).as("the failed batch again, then with what came since")
                    .containsExactly(List.of("6", "7"), List.of("6", "7"), List.of("6", "7"), List.of("6", "7", "8"));
            assertThat(store.load(KEY)).isNotEqualTo(Optional.of(before));
        }
    }

    @Test
    void aHandlerFailingThreeTimesInARowGetsTheBatchUntilItSucceedsAndEveryItemIsDelivered(@TempDir Path dir)
            throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withEvents(5).withClock(clock);
             PleskClient plesk = sim.client();
             Feed<AuditEvent> feed = plesk.auditFeed(options(clock).build())) {
            FileCheckpointStore store = new FileCheckpointStore(dir);
            List<Duration> backoffs = new ArrayList<>();
            RetryPolicy patient = RetryPolicy.builder().maxAttempts(10).random(new Random(7)).sleeper(backoffs::add).build();
            List<List<String>> given = new ArrayList<>();
            List<String> handled = new ArrayList<>();
            int[] failuresLeft = {3};
            FeedRunner<AuditEvent> runner = new FeedRunner<>(feed, store, KEY, batch -> {
                given.add(ids(batch));
                if (batch.items().stream().anyMatch(e -> e.id().equals("8")) && failuresLeft[0]-- > 0) {
                    throw new IllegalStateException("the sink is down");
                }
                handled.addAll(ids(batch));
            }, patient);
            // a scheduler's turns: each returns at once with the wait before the next
            assertThat(runner.pollIfDue()).as("start now: the next poll is a poll interval away").isEqualTo(Duration.ofMinutes(1));
            sim.addEvents(2);
            clock.advance(Duration.ofMinutes(1));
            assertThat(runner.pollIfDue()).isEqualTo(Duration.ofMinutes(1));
            Checkpoint after7 = store.load(KEY).orElseThrow();
            int requests = sim.requestCount();
            clock.advance(Duration.ofSeconds(20));
            assertThat(runner.pollIfDue()).as("not due: nothing asked").isEqualTo(Duration.ofSeconds(40));
            assertThat(sim.requestCount()).isEqualTo(requests);
            sim.addEvents(2);
            clock.advance(Duration.ofMinutes(1));
            for (int k = 0; k < 3; k++) {
                runner.pollIfDue(); // the handler fails: the feed goes back, the backoff is returned
                assertThat(store.load(KEY)).as("nothing saved past the unhandled batch").contains(after7);
            }
            assertThat(runner.pollIfDue()).isEqualTo(Duration.ofMinutes(1));
            assertThat(handled).containsExactly("6", "7", "8", "9");
            assertThat(given).containsExactly(List.of("6", "7"), List.of("8", "9"), List.of("8", "9"), List.of("8", "9"),
                    List.of("8", "9"));
            assertThat(backoffs).as("pollIfDue never waits").isEmpty();

            // the blocking loop backs off by the same policy
            sim.addEvents(1);
            clock.advance(Duration.ofMinutes(1));
            try (Feed<AuditEvent> again = plesk.auditFeed(options(clock).resumeFrom(store.load(KEY).orElseThrow()).build())) {
                List<List<String>> got = new ArrayList<>();
                int[] fails = {2};
                AtomicReference<FeedRunner<AuditEvent>> loop = new AtomicReference<>();
                loop.set(new FeedRunner<>(again, store, KEY, batch -> {
                    got.add(ids(batch));
                    if (fails[0]-- > 0) {
                        throw new IllegalStateException("the sink is down");
                    }
                    loop.get().close();
                }, patient));
                loop.get().run();
                assertThat(got).containsExactly(List.of("10"), List.of("10"), List.of("10"));
                assertThat(backoffs).hasSize(2);
            }
        }
    }

    @Test
    void aRestartedRunnerGetsTheBatchItsPredecessorFailedOn(@TempDir Path dir) throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withEvents(5).withClock(clock);
             PleskClient plesk = sim.client()) {
            FileCheckpointStore store = new FileCheckpointStore(dir);
            try (Feed<AuditEvent> feed = plesk.auditFeed(options(clock).build())) {
                FeedRunner<AuditEvent> runner = new FeedRunner<>(feed, store, KEY, batch -> {
                    throw new IllegalStateException("the sink is down");
                }, RetryPolicy.none());
                assertThat(runner.pollIfDue()).isEqualTo(Duration.ofMinutes(1));
                sim.addEvents(2);
                clock.advance(Duration.ofMinutes(1));
                assertThatThrownBy(runner::pollIfDue).hasMessage("the sink is down");
                runner.close(); // the process dies here
            }
            List<String> got = new ArrayList<>();
            try (Feed<AuditEvent> feed = plesk.auditFeed(options(clock).resumeFrom(store.load(KEY).orElseThrow()).build())) {
                FeedRunner<AuditEvent> runner = new FeedRunner<>(feed, store, KEY, batch -> got.addAll(ids(batch)));
                runner.pollIfDue();
            }
            assertThat(got).containsExactly("6", "7");
        }
    }

    @Test
    void aSessionFeedStartedNowGoesBackToItsFirstPollSoASessionThatEndedMeanwhileIsNotLost(@TempDir Path dir)
            throws Exception {
        SimClock clock = SimClock.at(T0);
        Scenario scenario = Scenario.parse("""
                +1m  start  s1  alice  192.0.2.10
                +3m  end    s1
                """);
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withSessions(0).withClock(clock).withScenario(scenario);
             SenhaseguraClient pam = sim.client();
             Feed<SessionChange> feed = pam.sessionFeed(options(clock).build())) {
            FileCheckpointStore store = new FileCheckpointStore(dir);
            List<List<Object>> given = new ArrayList<>();
            boolean[] fail = {true};
            FeedRunner<SessionChange> runner = new FeedRunner<>(feed, store, KEY, batch -> {
                given.add(batch.items().stream().map(c -> (Object) (c.type() + " " + c.session().user())).toList());
                if (fail[0]) {
                    fail[0] = false;
                    throw new IllegalStateException("the sink is down");
                }
            }, RetryPolicy.none());
            clock.set(T0.plusSeconds(120));
            assertThatThrownBy(runner::pollIfDue).hasMessage("the sink is down");
            assertThat(store.load(KEY)).as("nothing saved yet").isEmpty();
            clock.set(T0.plusSeconds(240)); // s1 ended at +3m, before the batch came again
            runner.pollIfDue();
            assertThat(given).containsExactly(List.of("STARTED alice"), List.of("STARTED alice", "ENDED alice"));
            assertThat(store.load(KEY)).isPresent();
        }
    }
}
