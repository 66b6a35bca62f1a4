package org.sessionsdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.kafka.internal.Records;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.Scenario;

class SessionSourceTaskTest {
    static final Scenario HISTORY = Scenario.builder()
            .start(Duration.ofMinutes(-50), "a", "alice", "192.0.2.10")
            .audit(Duration.ofMinutes(-45), "alice", "created", "domain", "a.example")
            .start(Duration.ofMinutes(-40), "b", "bob", "192.0.2.11")
            .audit(Duration.ofMinutes(-35), "bob", "deleted", "domain", "b.example")
            .end(Duration.ofMinutes(-30), "a")
            .build();

    @Test
    void keysTimestampsOffsetsAndResume() throws Exception {
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withAlerts(0).withScenario(HISTORY)) {
            Map<String, String> p = props(sim, "record");
            Map<Map<String, ?>, Map<String, ?>> stored = new HashMap<>();
            List<SourceRecord> all = drain(p, stored, 3 + 2);
            assertThat(all).extracting(r -> r.key().toString()).allMatch(k -> k.startsWith("ekran|" + sim.endpoint() + "|"));
            List<SourceRecord> sessions = all.stream().filter(r -> r.topic().equals("s")).toList();
            assertThat(sessions).hasSize(3);
            for (SourceRecord r : sessions) {
                Struct v = (Struct) r.value();
                Instant expected = ((java.util.Date) v.get(v.getString("change").equals("ENDED") ? "end" : "start")).toInstant();
                assertThat(r.timestamp()).isEqualTo(expected.toEpochMilli());
                assertThat(r.sourcePartition()).isEqualTo(SessionSourceTask.partition("ekran", sim.endpoint().toString(), "sessions"));
                Checkpoint.parse((String) r.sourceOffset().get("checkpoint")); // a checkpoint
            }
            List<SourceRecord> audit = all.stream().filter(r -> r.topic().equals("a")).toList();
            assertThat(audit).hasSize(2);
            assertThat(audit.get(0).valueSchema()).isEqualTo(Records.AUDIT_SCHEMA);
            assertThat(((Struct) audit.get(0).value()).getString("action")).isEqualTo("created");
            // resumed from the stored offsets: nothing again
            assertThat(drain(p, stored, 0)).isEmpty();
        }
    }

    @Test
    void onlyTheLastRecordOfABatchCarriesItsCheckpoint() throws Exception {
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withAlerts(0).withScenario(HISTORY)) {
            Map<String, String> p = props(sim, "ocsf");
            p.put("sessionsdk.streams", "audit");
            SessionSourceTask task = started(p, new HashMap<>());
            try {
                List<SourceRecord> batch = pollUntil(task, () -> true);
                assertThat(batch).hasSize(2);
                assertThat(batch.get(0).sourceOffset()).isNotEqualTo(batch.get(1).sourceOffset());
                assertThat(batch.get(0).value()).asString().contains("\"class_uid\"");
            } finally {
                task.stop();
            }
        }
    }

    @Test
    void aHangingEndpointHoldsUpNeitherPollNorTheOthers() throws Exception {
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withAlerts(0)) {
            EkranSimulator hanging = sim.tenant(1).withScenario(HISTORY);
            EkranSimulator healthy = sim.tenant(2).withScenario(HISTORY);
            hanging.faults().stallNext(); // its first answer stops mid-body and holds the connection
            Map<String, String> p = props(sim, "ocsf");
            p.put("sessionsdk.endpoints", hanging.endpoint() + "," + healthy.endpoint());
            p.put("sessionsdk.task.endpoints", "0,1");
            p.put("sessionsdk.streams", "sessions");
            p.put("sessionsdk.read.timeout.ms", "600000"); // the stall outlasts the test
            List<SourceRecord> got = drain(p, new HashMap<>(), 3);
            assertThat(got).allSatisfy(r -> assertThat(r.key().toString()).startsWith("ekran|" + healthy.endpoint() + "|"));
            assertThat(hanging.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void aBacklogComesInBatchesOfAtMostTheMaxBatchSizeEachWithItsOffset() throws Exception {
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withAlerts(1_200)) {
            Map<String, String> p = props(sim, "record");
            p.put("sessionsdk.streams", "audit");
            p.put("sessionsdk.since", "2000-01-01T00:00:00Z");
            p.put("sessionsdk.max.batch.size", "500");
            SessionSourceTask task = started(p, new HashMap<>());
            java.util.Set<String> keys = new java.util.HashSet<>();
            List<Integer> sizes = new ArrayList<>();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (keys.size() < 1_200 && System.nanoTime() < deadline) {
                    List<SourceRecord> got = task.poll();
                    if (got != null && !got.isEmpty()) {
                        sizes.add(got.size());
                        got.forEach(r -> keys.add(r.key().toString()));
                        // the batch's last record carries the offset after it: a commit there resumes after it
                        Checkpoint.parse((String) got.get(got.size() - 1).sourceOffset().get("checkpoint"));
                    }
                }
            } finally {
                task.stop();
            }
            assertThat(keys).hasSize(1_200);
            assertThat(sizes).allMatch(n -> n <= 500).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    static Map<String, String> props(EkranSimulator sim, String format) {
        Map<String, String> p = new HashMap<>();
        p.put("sessionsdk.vendor", "ekran");
        p.put("sessionsdk.endpoints", sim.endpoint().toString());
        p.put("sessionsdk.api.key", EkranSimulator.API_KEY);
        p.put("sessionsdk.sessions.topic", "s");
        p.put("sessionsdk.audit.topic", "a");
        p.put("sessionsdk.format", format);
        p.put("sessionsdk.poll.interval.ms", "50");
        p.put("sessionsdk.since", Instant.now().minus(Duration.ofHours(2)).toString());
        p.put("sessionsdk.task.endpoints", "0");
        return p;
    }

    /** Polls a fresh task until {@code expected} records came and one more round of polls added none. */
    static List<SourceRecord> drain(Map<String, String> p, Map<Map<String, ?>, Map<String, ?>> stored,
                                    int expected) throws Exception {
        SessionSourceTask task = started(p, stored);
        List<SourceRecord> out = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int quietRounds = 0;
            while (System.nanoTime() < deadline && (out.size() < expected || quietRounds < 10)) {
                List<SourceRecord> got = task.poll();
                if (got == null || got.isEmpty()) {
                    quietRounds++;
                } else {
                    quietRounds = 0;
                    out.addAll(got);
                    for (SourceRecord r : got) {
                        stored.put(r.sourcePartition(), r.sourceOffset());
                    }
                }
            }
        } finally {
            task.stop();
        }
        assertThat(out).hasSize(expected);
        return out;
    }

    static List<SourceRecord> pollUntil(SessionSourceTask task, Supplier<Boolean> more) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<SourceRecord> got = task.poll();
            if (got != null && !got.isEmpty()) {
                return got;
            }
        }
        throw new AssertionError("no records within 20 s");
    }

    static SessionSourceTask started(Map<String, String> p, Map<Map<String, ?>, Map<String, ?>> stored) {
        return started(p, reader(stored));
    }

    /** An offset reader over a map of stored offsets. */
    static OffsetStorageReader reader(Map<Map<String, ?>, Map<String, ?>> stored) {
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                @SuppressWarnings("unchecked")
                Map<String, Object> o = (Map<String, Object>) stored.get(partition);
                return o;
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> out = new HashMap<>();
                for (Map<String, T> q : partitions) {
                    if (stored.containsKey(q)) {
                        out.put(q, offset(q));
                    }
                }
                return out;
            }
        };
    }

    /** A task started with this offset reader in its context. */
    static SessionSourceTask started(Map<String, String> p, OffsetStorageReader reader) {
        return started(p, reader, () -> null, java.time.Clock.systemUTC());
    }

    /**
     * A task on a clock, started with this offset reader and these plugin metrics in its context.
     *
     * @param metrics what {@code pluginMetrics()} answers (or throws, as an older worker's context does)
     */
    static SessionSourceTask started(Map<String, String> p, OffsetStorageReader reader,
                                     Supplier<org.apache.kafka.common.metrics.PluginMetrics> metrics,
                                     java.time.Clock clock) {
        SessionSourceTask task = new SessionSourceTask(clock);
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return p;
            }

            @Override
            public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
                return metrics.get();
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return reader;
            }
        });
        task.start(p);
        return task;
    }
}
