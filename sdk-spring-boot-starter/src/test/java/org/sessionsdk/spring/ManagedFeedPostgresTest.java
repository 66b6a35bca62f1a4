package org.sessionsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionsdk.checkpoint.jdbc.EmbeddedPg;
import org.sessionsdk.checkpoint.jdbc.JdbcCheckpointStore;
import org.sessionsdk.core.feed.CheckpointStore;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.Scenario;
import org.sessionsdk.testkit.SenhaseguraSimulator;
import org.sessionsdk.testkit.SimClock;
import org.sessionsdk.testkit.Simulator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Two managed feeds deliver a scenario's starts and ends into the handler bean, with their position in
 * PostgreSQL: stopped with the context half-way, restarted in a new context, nothing lost. The
 * simulators' clock is the starter's ({@code sessionsdkClock}), so the test moves time instead of
 * waiting for it.
 */
class ManagedFeedPostgresTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Scenario SCENARIO = Scenario.parse("""
            +1m  start  s1  alice  192.0.2.10
            +2m  start  s2  bob    192.0.2.11
            +3m  end    s1
            +5m  start  s3  carol  192.0.2.12
            +6m  end    s2
            +7m  end    s3
            """);
    /** By user: each vendor numbers its sessions its own way. */
    private static final List<String> ALL = List.of("STARTED alice", "STARTED bob", "ENDED alice", "STARTED carol",
            "ENDED bob", "ENDED carol");

    @TempDir
    static Path dir;
    static EmbeddedPostgres pg;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPg.start(dir);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    /** What the handler bean was given, by feed. */
    private final Map<String, List<String>> delivered = Collections.synchronizedMap(new LinkedHashMap<>());

    @Test
    void startsAndEndsAreDeliveredAcrossARestartWithThePositionInPostgres() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator panel = PleskSimulator.start().withSessions(0).withClock(clock).withScenario(SCENARIO);
             SenhaseguraSimulator pam = SenhaseguraSimulator.start().withSessions(0).withClock(clock).withScenario(SCENARIO)) {
            ApplicationContextRunner app = new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(SessionSdkAutoConfiguration.class))
                    .withPropertyValues(properties("panel7", panel))
                    .withPropertyValues(properties("pam", pam))
                    .withPropertyValues(
                            "sessionsdk.feeds.panel-sessions.server=panel7",
                            "sessionsdk.feeds.panel-sessions.poll-interval=1m",
                            "sessionsdk.feeds.pam-sessions.server=pam",
                            "sessionsdk.feeds.pam-sessions.stream=sessions",
                            "sessionsdk.feeds.pam-sessions.poll-interval=1m")
                    .withBean("sessionsdkClock", java.time.Clock.class, () -> clock)
                    .withBean(DataSource.class, () -> pg.getPostgresDatabase())
                    .withBean(SessionFeedHandler.class, () -> (feed, batch) -> {
                        for (Object item : batch.items()) {
                            SessionChange c = (SessionChange) item;
                            delivered.computeIfAbsent(feed, f -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(c.type() + " " + c.session().user());
                        }
                    });

            app.run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(CheckpointStore.class)).isInstanceOf(JdbcCheckpointStore.class);
                assertThat(context.getBean(ManagedFeeds.class).running()).containsExactly("pam-sessions", "panel-sessions");
                awaitSaved("panel-sessions");
                awaitSaved("pam-sessions"); // each feed's first poll: it starts now
                clock.set(T0.plusSeconds(150));
                await(() -> has("panel-sessions", 2) && has("pam-sessions", 2));
            });
            assertThat(feedThreads()).as("stopped with the context").isEmpty();
            assertThat(delivered.get("panel-sessions")).containsExactlyInAnyOrder("STARTED alice", "STARTED bob");

            // alice and bob end and carol starts while nothing follows (a session that starts and ends
            // between two polls is invisible where the vendor lists only the sessions open now)
            clock.set(T0.plusSeconds(6 * 60 + 30));
            app.run(context -> {
                assertThat(context).hasNotFailed();
                await(() -> has("panel-sessions", 5) && has("pam-sessions", 5));
                clock.set(T0.plusSeconds(8 * 60));
                await(() -> has("panel-sessions", 6) && has("pam-sessions", 6));
            });
            assertThat(feedThreads()).isEmpty();
        }
        for (String feed : List.of("panel-sessions", "pam-sessions")) {
            assertThat(delivered.get(feed)).as(feed + ": each start and end once, in order per session")
                    .containsExactlyInAnyOrderElementsOf(ALL);
            assertThat(delivered.get(feed).indexOf("STARTED carol")).isLessThan(delivered.get(feed).indexOf("ENDED carol"));
        }
    }

    private static String[] properties(String name, Simulator sim) {
        return ServerProperties.of(name, sim).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    private boolean has(String feed, int n) {
        List<String> got = delivered.get(feed);
        return got != null && got.size() >= n;
    }

    private static List<String> feedThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("sessionsdk-feed-")).toList();
    }

    /** Waits until a feed's checkpoint is in the table. */
    private void awaitSaved(String feed) {
        await(() -> {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from sessionsdk_checkpoint where feed_key = '" + feed + "'")) {
                return rs.next() && rs.getInt(1) > 0;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Polls a condition with a deadline: the feeds run on their own threads. */
    private void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not met within 20 s; delivered: %s", delivered).isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
