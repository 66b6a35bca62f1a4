package org.sessionsdk.checkpoint.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.sessionsdk.core.feed.Checkpoint;

/**
 * What a {@link JdbcCheckpointStore} promises, run against each real database by a subclass. Every
 * test has a table of its own, created through the store.
 */
abstract class CheckpointStoreContract {
    private static final AtomicInteger TABLES = new AtomicInteger();

    String table;

    /** {@return the database under test} */
    abstract DataSource dataSource();

    /** {@return the database's JDBC URL, for a child JVM} */
    abstract String url();

    @BeforeEach
    void newTable(TestInfo test) throws IOException {
        String name = test.getTestMethod().orElseThrow().getName().toLowerCase();
        table = "cp" + TABLES.incrementAndGet() + "_" + name.substring(0, Math.min(40, name.length()));
        store("setup").createTable();
    }

    JdbcCheckpointStore store(String holder) {
        return JdbcCheckpointStore.builder(dataSource()).table(table).holder(holder).build();
    }

    @Test
    void roundTrip() throws IOException {
        JdbcCheckpointStore a = store("a");
        a.save("panel7-sessions", Checkpoints.small("one"));
        assertThat(store("reader").load("panel7-sessions")).contains(Checkpoints.small("one"));
        a.save("panel7-sessions", Checkpoints.small("two"));
        assertThat(store("reader").load("panel7-sessions")).contains(Checkpoints.small("two"));
        // keys are separate, and a key is any text up to 200 characters
        String other = "é/ü " + "k".repeat(196);
        a.save(other, Checkpoints.small("other"));
        assertThat(store("reader").load(other)).contains(Checkpoints.small("other"));
        assertThat(store("reader").load("panel7-sessions")).contains(Checkpoints.small("two"));
    }

    @Test
    void anAbsentKeyLoadsEmpty() throws IOException {
        assertThat(store("a").load("never-saved")).isEmpty();
    }

    @Test
    void createTableTwiceKeepsWhatIsStored() throws IOException {
        store("a").save("k", Checkpoints.small("kept"));
        store("b").createTable();
        assertThat(store("b").load("k")).contains(Checkpoints.small("kept"));
    }

    @Test
    void aSecondInstanceOnTheSameKeyGetsAConflictAndTheFirstOnesCheckpointStays() throws IOException {
        JdbcCheckpointStore first = store("first follower");
        JdbcCheckpointStore second = store("second follower");
        assertThat(first.load("k")).isEmpty();
        assertThat(second.load("k")).isEmpty();
        first.save("k", Checkpoints.small("first"));

        assertThatThrownBy(() -> second.save("k", Checkpoints.small("second")))
                .isInstanceOfSatisfying(CheckpointConflictException.class, e -> {
                    assertThat(e.key()).isEqualTo("k");
                    assertThat(e.storedVersion()).isEqualTo(1);
                    assertThat(e.storedBy()).contains("first follower");
                    assertThat(e.storedAt()).isPresent();
                    assertThat(e).hasMessageContaining("two instances follow the same feed")
                            .hasMessageContaining("first follower");
                });
        assertThat(store("reader").load("k")).contains(Checkpoints.small("first"));

        // saving on: the first goes on; the second keeps failing, retrying does not help
        first.save("k", Checkpoints.small("first again"));
        assertThatThrownBy(() -> second.save("k", Checkpoints.small("second")))
                .isInstanceOf(CheckpointConflictException.class);

        // loading takes the key over; then the first one is refused, naming the second
        assertThat(second.load("k")).contains(Checkpoints.small("first again"));
        second.save("k", Checkpoints.small("second took over"));
        assertThatThrownBy(() -> first.save("k", Checkpoints.small("first")))
                .isInstanceOfSatisfying(CheckpointConflictException.class,
                        e -> assertThat(e.storedBy()).contains("second follower"));
        assertThat(store("reader").load("k")).contains(Checkpoints.small("second took over"));
    }

    @Test
    void aDeletedCheckpointIsAConflictToo() throws Exception {
        JdbcCheckpointStore a = store("a");
        a.save("k", Checkpoints.small("one"));
        sql("DELETE FROM " + table);
        assertThatThrownBy(() -> a.save("k", Checkpoints.small("two")))
                .isInstanceOfSatisfying(CheckpointConflictException.class, e -> {
                    assertThat(e.storedVersion()).isZero();
                    assertThat(e.storedBy()).isEmpty();
                    assertThat(e).hasMessageContaining("was deleted");
                });
    }

    @Test
    void racingInstancesOneWinsEachRoundAndNoneOverwritesSilently() throws Exception {
        int writers = 6;
        int rounds = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<JdbcCheckpointStore> stores = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                stores.add(store("writer " + w));
            }
            for (int round = 0; round < rounds; round++) {
                // round 0 races to insert the key, the others to update it; 10 KB: three parts each
                CyclicBarrier loaded = new CyclicBarrier(writers);
                List<Future<Checkpoint>> outcomes = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    JdbcCheckpointStore s = stores.get(w);
                    Checkpoint mine = Checkpoints.sized(10_000, "round " + round + " writer " + w);
                    outcomes.add(pool.submit(() -> {
                        s.load("k");
                        loaded.await(60, TimeUnit.SECONDS);
                        try {
                            s.save("k", mine);
                            return mine;
                        } catch (CheckpointConflictException e) {
                            return null;
                        }
                    }));
                }
                List<Checkpoint> won = new ArrayList<>();
                for (Future<Checkpoint> f : outcomes) {
                    Checkpoint c = f.get();
                    if (c != null) {
                        won.add(c);
                    }
                }
                assertThat(won).as("round %d: exactly one save wins", round).hasSize(1);
                assertThat(store("reader").load("k")).as("round %d", round).contains(won.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCheckpointOf256KbRoundTrips() throws IOException {
        Checkpoint big = Checkpoints.sized(256 * 1024, "big");
        assertThat(big.toString().length()).isBetween(256 * 1024 - 8, 256 * 1024);
        JdbcCheckpointStore a = store("a");
        a.save("k", Checkpoints.small("before"));
        a.save("k", big);
        assertThat(store("reader").load("k")).contains(big);
        // and back to one part: the old tail is gone, not read as part of the next
        a.save("k", Checkpoints.small("after"));
        assertThat(store("reader").load("k")).contains(Checkpoints.small("after"));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aCheckpointOfTheLargestSizeRoundTripsAndALargerOneIsRefusedBeforeWriting() throws IOException {
        Checkpoint max = Checkpoints.sized(JdbcCheckpointStore.MAX_CHECKPOINT_CHARS, "max");
        assertThat(max.toString().length()).isBetween(JdbcCheckpointStore.MAX_CHECKPOINT_CHARS - 8,
                JdbcCheckpointStore.MAX_CHECKPOINT_CHARS);
        JdbcCheckpointStore a = store("a");
        a.save("k", max);
        assertThat(store("reader").load("k")).contains(max);

        Checkpoint over = Checkpoints.sized(JdbcCheckpointStore.MAX_CHECKPOINT_CHARS + 16, "over");
        assertThatThrownBy(() -> a.save("k", over)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the most a JdbcCheckpointStore saves is " + JdbcCheckpointStore.MAX_CHECKPOINT_CHARS);
        assertThat(store("reader").load("k")).contains(max);
    }

    @Test
    void aCrashBetweenTheWritesAndTheCommitLeavesThePreviousCheckpoint() throws Exception {
        JdbcCheckpointStore parent = store("parent");
        parent.save("k", Checkpoints.small("before the crash"));

        // the child loads, writes a 300 KB checkpoint (75 parts over the one) and dies at the commit
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), url(), table, "k", "300000")
                .redirectErrorStream(true).start();
        child.getOutputStream().close();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as(out).isTrue();
        assertThat(child.exitValue()).as(out).isEqualTo(CrashChild.HALTED);
        assertThat(out).contains("LOADED true", "UNCOMMITTED version=2 parts=75").doesNotContain("COMMITTED\n");

        assertThat(store("reader").load("k")).contains(Checkpoints.small("before the crash"));
        assertThat(count()).isEqualTo(1);
        // nothing of the dead transaction is in the way: the parent saves on from the version it knew
        parent.save("k", Checkpoints.small("after the crash"));
        assertThat(store("reader").load("k")).contains(Checkpoints.small("after the crash"));
    }

    @Test
    void aCommitWhoseAnswerIsLostDoesNotMakeTheStoreConflictWithItself() throws IOException {
        // the commit happens, then the connection fails before the store hears it; once
        AtomicBoolean loseAnswer = new AtomicBoolean(false);
        JdbcCheckpointStore lost = JdbcCheckpointStore.builder(CommitHook.wrap(dataSource(), real -> {
            real.commit();
            if (loseAnswer.getAndSet(false)) {
                throw new SQLException("connection reset after commit", "08006");
            }
        })).table(table).holder("lost").build();
        lost.save("k", Checkpoints.small("one"));
        loseAnswer.set(true);
        assertThatThrownBy(() -> lost.save("k", Checkpoints.small("two"))).isInstanceOf(IOException.class)
                .isNotInstanceOf(CheckpointConflictException.class);
        assertThat(store("reader").load("k")).contains(Checkpoints.small("two"));
        // the same store goes on from whichever of its two versions is stored
        lost.save("k", Checkpoints.small("three"));
        assertThat(store("reader").load("k")).contains(Checkpoints.small("three"));
        // and an instance that saved meanwhile still wins over it
        loseAnswer.set(true);
        assertThatThrownBy(() -> lost.save("k", Checkpoints.small("four"))).isInstanceOf(IOException.class);
        JdbcCheckpointStore other = store("other");
        assertThat(other.load("k")).contains(Checkpoints.small("four"));
        other.save("k", Checkpoints.small("other's"));
        assertThatThrownBy(() -> lost.save("k", Checkpoints.small("five")))
                .isInstanceOf(CheckpointConflictException.class);
        assertThat(store("reader").load("k")).contains(Checkpoints.small("other's"));
    }

    @Test
    void aCommitThatFailsLeavesThePreviousCheckpointAndTheStoreGoesOn() throws IOException {
        AtomicBoolean fail = new AtomicBoolean(false);
        JdbcCheckpointStore failing = JdbcCheckpointStore.builder(CommitHook.wrap(dataSource(), real -> {
            if (fail.getAndSet(false)) {
                real.rollback();
                throw new SQLException("connection reset before commit", "08006");
            }
            real.commit();
        })).table(table).holder("failing").build();
        failing.save("k", Checkpoints.small("one"));
        fail.set(true);
        assertThatThrownBy(() -> failing.save("k", Checkpoints.small("two"))).isInstanceOf(IOException.class)
                .hasMessageContaining("whether it happened is unknown");
        assertThat(store("reader").load("k")).contains(Checkpoints.small("one"));
        failing.save("k", Checkpoints.small("three"));
        assertThat(store("reader").load("k")).contains(Checkpoints.small("three"));
    }

    @Test
    void aTornCheckpointIsReportedNotParsed() throws Exception {
        store("a").save("k", Checkpoints.sized(9000, "three parts"));
        sql("DELETE FROM " + table + " WHERE part = 1");
        assertThatThrownBy(() -> store("reader").load("k")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is damaged");
    }

    @Test
    void badKeysAndTableNamesAreRefused() {
        assertThatThrownBy(() -> store("a").load("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store("a").save("k".repeat(201), Checkpoints.small("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcCheckpointStore.builder(dataSource()).table("cp; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JdbcCheckpointStore.builder(dataSource()).table("public.cp").build().table()).isEqualTo("public.cp");
    }

    @Test
    void savedAtComesFromTheClock() throws IOException {
        Instant t = Instant.parse("2026-03-29T01:30:00Z");
        JdbcCheckpointStore a = JdbcCheckpointStore.builder(dataSource()).table(table).holder("a")
                .clock(java.time.Clock.fixed(t, java.time.ZoneOffset.UTC)).build();
        a.save("k", Checkpoints.small("one"));
        assertThatThrownBy(() -> store("b").save("k", Checkpoints.small("two")))
                .isInstanceOfSatisfying(CheckpointConflictException.class, e -> assertThat(e.storedAt()).contains(t));
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private int count() {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
