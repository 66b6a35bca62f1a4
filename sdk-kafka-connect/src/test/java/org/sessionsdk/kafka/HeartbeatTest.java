package org.sessionsdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.kafka.internal.Records;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.SimClock;

/**
 * An idle partition's position reaches Connect by heartbeat records: at once on the first poll when no
 * offset is stored, then at most once per interval and only when its checkpoint moved. The simulator,
 * the feeds and the task share one hand-moved clock, and each step waits until every feed's poll at the
 * clock's instant was taken by the task (the last-successful-poll metric shows it), so "none" means none.
 */
class HeartbeatTest {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final String HEARTBEATS = "sessionsdk-heartbeats";

    @Test
    void anIdlePartitionGetsAHeartbeatOnItsFirstPollThenOnlyAfterTheIntervalAndOnlyWhenItMoved() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withClock(clock).withSessions(0).withAlerts(0)) {
            Map<String, String> p = props(sim);
            FakePluginMetrics metrics = new FakePluginMetrics();
            SessionSourceTask task = SessionSourceTaskTest.started(p, SessionSourceTaskTest.reader(new HashMap<>()),
                    () -> metrics, clock);
            try {
                List<SourceRecord> first = settled(task, metrics, clock);
                assertThat(first).as("one heartbeat per partition on the first poll").hasSize(2)
                        .allSatisfy(r -> {
                            assertThat(r.topic()).isEqualTo(HEARTBEATS);
                            assertThat(r.timestamp()).isEqualTo(T0.toEpochMilli());
                            assertThat(r.value()).asString().contains("\"type\":\"heartbeat\"", "\"endpoint\":\"panel\"",
                                    "\"time\":\"" + T0 + "\"");
                            Checkpoint.parse((String) r.sourceOffset().get(SessionSourceTask.OFFSET_CHECKPOINT));
                        });
                assertThat(first).extracting(r -> r.key().toString())
                        .containsExactlyInAnyOrder("ekran|panel|sessions", "ekran|panel|audit");
                assertThat(first).extracting(SourceRecord::sourcePartition).containsExactlyInAnyOrder(
                        partition(sim, "sessions"), partition(sim, "audit"));
                Map<String, Object> sessionsOffset = offsetOf(first, "sessions");

                clock.advance(Duration.ofSeconds(1)); // polled again: within the interval, so nothing
                assertThat(settled(task, metrics, clock)).isEmpty();

                clock.advance(Duration.ofSeconds(60));
                List<SourceRecord> later = settled(task, metrics, clock);
                // the sessions checkpoint moves with every poll; the audit cursor stands until an alert comes
                assertThat(later).as("after the interval, only the partition whose checkpoint moved").singleElement()
                        .satisfies(r -> {
                            assertThat(r.sourcePartition()).isEqualTo(partition(sim, "sessions"));
                            assertThat(r.sourceOffset()).isNotEqualTo(sessionsOffset);
                        });
                assertThat(metrics.value("heartbeats-total", "panel", "sessions")).isEqualTo(2);
                assertThat(metrics.value("heartbeats-total", "panel", "audit")).isEqualTo(1);
                assertThat(metrics.value("records-total", "panel", "audit")).isZero();
            } finally {
                task.stop();
            }
        }
    }

    @Test
    void noHeartbeatsWhenTheIntervalIsZero() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withClock(clock).withSessions(0).withAlerts(0)) {
            Map<String, String> p = props(sim);
            p.put(SessionSourceConfig.HEARTBEAT_INTERVAL_MS, "0");
            FakePluginMetrics metrics = new FakePluginMetrics();
            SessionSourceTask task = SessionSourceTaskTest.started(p, SessionSourceTaskTest.reader(new HashMap<>()),
                    () -> metrics, clock);
            try {
                assertThat(settled(task, metrics, clock)).isEmpty();
                clock.advance(Duration.ofMinutes(5));
                assertThat(settled(task, metrics, clock)).isEmpty();
            } finally {
                task.stop();
            }
        }
    }

    @Test
    void aResumedPartitionGetsNoneUntilItsCheckpointMovedAndTheIntervalPassed() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withClock(clock).withSessions(0).withAlerts(0)) {
            Map<String, String> p = props(sim);
            p.put(SessionSourceConfig.FORMAT, "record");
            Map<Map<String, ?>, Map<String, ?>> stored = new HashMap<>();
            FakePluginMetrics first = new FakePluginMetrics();
            SessionSourceTask task = SessionSourceTaskTest.started(p, SessionSourceTaskTest.reader(stored),
                    () -> first, clock);
            try {
                List<SourceRecord> heartbeats = settled(task, first, clock);
                assertThat(heartbeats).hasSize(2).allSatisfy(r -> {
                    assertThat(r.valueSchema()).isEqualTo(Records.HEARTBEAT_SCHEMA);
                    assertThat(((Struct) r.value()).getString("endpoint")).isEqualTo("panel");
                    assertThat(((Struct) r.value()).getString("url")).isEqualTo(sim.endpoint().toString());
                });
                heartbeats.forEach(r -> stored.put(r.sourcePartition(), r.sourceOffset())); // Connect commits them
            } finally {
                task.stop();
            }

            FakePluginMetrics second = new FakePluginMetrics();
            task = SessionSourceTaskTest.started(p, SessionSourceTaskTest.reader(stored), () -> second, clock);
            try {
                assertThat(settled(task, second, clock)).as("resumed from stored offsets: nothing at once").isEmpty();
                clock.advance(Duration.ofSeconds(59));
                assertThat(settled(task, second, clock)).as("within the interval").isEmpty();
                clock.advance(Duration.ofSeconds(2));
                assertThat(settled(task, second, clock)).as("the audit cursor stood still; the sessions one moved")
                        .singleElement().satisfies(r -> assertThat(r.sourcePartition()).isEqualTo(partition(sim, "sessions")));
            } finally {
                task.stop();
            }
        }
    }

    /** A quiet panel named {@code panel}, started now, both streams, the default heartbeats. */
    static Map<String, String> props(EkranSimulator sim) {
        Map<String, String> p = SessionSourceTaskTest.props(sim, "ocsf");
        p.put(SessionSourceConfig.ENDPOINTS, "panel=" + sim.endpoint());
        p.remove(SessionSourceConfig.SINCE);
        return p;
    }

    static Map<String, Object> partition(EkranSimulator sim, String stream) {
        return SessionSourceTask.partition("ekran", new NamedEndpoint("panel", sim.endpoint().toString()), stream);
    }

    static Map<String, Object> offsetOf(List<SourceRecord> records, String stream) {
        return records.stream().filter(r -> stream.equals(r.sourcePartition().get(SessionSourceTask.PARTITION_STREAM)))
                .findFirst().orElseThrow().sourceOffset().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue()));
    }

    /**
     * Polls the task until it has taken every feed's poll at the clock's instant (the clock stands, so
     * there is exactly one each), and returns what it handed over meanwhile.
     */
    static List<SourceRecord> settled(SessionSourceTask task, FakePluginMetrics metrics, SimClock clock) throws Exception {
        long at = clock.millis();
        List<SourceRecord> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (metrics.value("last-successful-poll-timestamp-ms", "panel", "sessions") != at
                || metrics.value("last-successful-poll-timestamp-ms", "panel", "audit") != at) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not every feed polled at " + clock.instant() + " within 20 s");
            }
            List<SourceRecord> got = task.poll();
            if (got != null) {
                out.addAll(got);
            }
        }
        return out;
    }
}
