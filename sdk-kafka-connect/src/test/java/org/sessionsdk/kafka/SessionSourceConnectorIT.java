package org.sessionsdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.Scenario;

/**
 * The connector in an in-process Connect cluster (1 broker, 3 workers) following 30 Ekran tenants over 3
 * tasks: everything scripted arrives across a connector restart and a worker removed mid-stream, at least
 * once without and exactly once with exactly-once source support. Runs inside a loopback-only network
 * namespace (see src/test/netns); skipped, saying why, where there is none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSourceConnectorIT {
    static final int TENANTS = 30;
    static final String SESSIONS = "sessions";
    static final String AUDIT = "audit";
    static final String WRONG_KEY = "wrong-Key/not-this-one";
    static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/kafka-it.log"));

    EkranSimulator sim;
    Path secrets;
    final List<String> report = new ArrayList<>();
    Instant started;

    @BeforeAll
    void inNamespace() throws Exception {
        String netns = System.getProperty("sessionsdk.netns", "unavailable (not started by src/test/netns/bin/java)");
        if (!"loopback-only".equals(netns)) {
            System.err.println("Kafka integration tests SKIPPED: no loopback-only network namespace: " + netns);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue("loopback-only".equals(netns),
                () -> "Kafka integration tests skipped: the embedded broker listens on all interfaces and no "
                        + "loopback-only network namespace is available here: " + netns);
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            assertThat(nic.isLoopback()).as("only loopback in the namespace: %s", nic).isTrue();
        }
        started = Instant.now();
        sim = EkranSimulator.start().withSessions(0).withAlerts(0);
        for (int n = 1; n <= TENANTS + 1; n++) {
            sim.tenant(n).withSessions(0).withAlerts(0).withScenario(scenario(n));
        }
        secrets = Files.createTempDirectory("sessionsdk-it").resolve("secrets.properties");
        Files.writeString(secrets, "ekran.key=" + EkranSimulator.API_KEY.replace("\\", "\\\\") + "\n");
    }

    @AfterAll
    void close() {
        if (sim != null) {
            sim.close();
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        report.add("peak heap (sum of pool peaks) MB: " + peak / (1024 * 1024));
        if (started != null) {
            report.add("class time s: " + Duration.between(started, Instant.now()).toSeconds());
        }
        report.forEach(l -> System.out.println("FIGURES " + l));
    }

    /**
     * Tenant n: a session and an audit entry already in the past, a session open since before the
     * connector starts that ends while it runs, a session that starts and ends while it runs, and two
     * audit entries while it runs, spread from 4 s to 26 s so they arrive around the restart and the
     * worker removal.
     */
    static Scenario scenario(int n) {
        int k = n % 11;
        return Scenario.builder()
                .start(Duration.ofMinutes(-20), "old" + n, "u" + n, "192.0.2." + n)
                .audit(Duration.ofMinutes(-15), "u" + n, "created", "domain", "d" + n + ".example")
                .end(Duration.ofMinutes(-10), "old" + n)
                .start(Duration.ofMinutes(-5), "long" + n, "v" + n, "192.0.2.100")
                .audit(Duration.ofSeconds(4 + k), "v" + n, "changed", "domain", "d" + n + ".example")
                .start(Duration.ofSeconds(5 + k), "new" + n, "w" + n, "198.51.100." + n)
                .end(Duration.ofSeconds(10 + k), "long" + n)
                .audit(Duration.ofSeconds(12 + k), "w" + n, "deleted", "domain", "d" + n + ".example")
                .end(Duration.ofSeconds(15 + k), "new" + n)
                .build();
    }

    /** Per tenant: 3 sessions started and ended, 3 audit entries. */
    static final int EXPECTED = TENANTS * (3 * 2 + 3);

    EmbeddedConnectCluster cluster(boolean exactlyOnce) {
        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.discovery", "service_load");
        worker.put("scheduled.rebalance.max.delay.ms", "0");
        worker.put("offset.flush.interval.ms", "1000");
        worker.put("config.providers", "file");
        worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        Properties broker = new Properties();
        if (exactlyOnce) {
            worker.put("exactly.once.source.support", "enabled");
            broker.put("transaction.state.log.replication.factor", "1");
            broker.put("transaction.state.log.min.isr", "1");
        }
        EmbeddedConnectCluster c = new EmbeddedConnectCluster.Builder()
                .name("sessionsdk-" + (exactlyOnce ? "eos" : "alos"))
                .numWorkers(3).numBrokers(1).workerProps(worker).brokerProps(broker).build();
        c.start();
        c.kafka().createTopic(SESSIONS, 3);
        c.kafka().createTopic(AUDIT, 3);
        return c;
    }

    Map<String, String> connector(boolean withBadEndpoint, boolean exactlyOnce) {
        List<String> endpoints = new ArrayList<>();
        for (int n = 1; n <= TENANTS + (withBadEndpoint ? 1 : 0); n++) {
            endpoints.add("t" + n + "=" + sim.tenant(n).endpoint());
        }
        Map<String, String> p = new HashMap<>();
        p.put("connector.class", SessionSourceConnector.class.getName());
        p.put("tasks.max", "3");
        p.put("sessionsdk.vendor", "ekran");
        p.put("sessionsdk.endpoints", String.join(",", endpoints));
        p.put("sessionsdk.api.key", "${file:" + secrets + ":ekran.key}");
        if (withBadEndpoint) {
            p.put("sessionsdk.endpoint.t" + (TENANTS + 1) + ".api.key", WRONG_KEY);
        }
        p.put("sessionsdk.sessions.topic", SESSIONS);
        p.put("sessionsdk.audit.topic", AUDIT);
        p.put("sessionsdk.format", "ocsf");
        p.put("sessionsdk.poll.interval.ms", "500");
        p.put("sessionsdk.retry.backoff.ms", "500");
        p.put("sessionsdk.retry.backoff.max.ms", "2000");
        p.put("sessionsdk.since", started.minus(Duration.ofHours(1)).toString());
        p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        p.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        if (exactlyOnce) {
            p.put("exactly.once.support", "required");
        }
        return p;
    }

    @Test
    void atLeastOnceAcrossRestartAndWorkerLoss() throws Exception {
        scenarioRun(false);
    }

    @Test
    void exactlyOnceAcrossRestartAndWorkerLoss() throws Exception {
        scenarioRun(true);
    }

    void scenarioRun(boolean exactlyOnce) throws Exception {
        String mode = exactlyOnce ? "exactly-once" : "at-least-once";
        Instant t0 = Instant.now();
        EmbeddedConnectCluster connect = cluster(exactlyOnce);
        String name = "sessions-" + (exactlyOnce ? "eos" : "alos");
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + name,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), SESSIONS, AUDIT)) {
            Seen seen = new Seen();
            connect.configureConnector(name, connector(!exactlyOnce, exactlyOnce));
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 3, "connector did not start");
            report.add(mode + ": cluster up and connector running after s: " + Duration.between(t0, Instant.now()).toSeconds());

            awaitRecords(consumer, seen, () -> seen.distinct() >= EXPECTED / 4, "a quarter of the records");
            int beforeRestart = seen.distinct();
            connect.restartConnectorAndTasks(name, false, true, false);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 3, "connector did not restart");

            awaitRecords(consumer, seen, () -> seen.distinct() >= EXPECTED / 2, "half of the records");
            int beforeRemoval = seen.distinct();
            connect.removeWorker();
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 3, "tasks not reassigned");

            awaitRecords(consumer, seen, () -> seen.distinct() >= EXPECTED, "every scripted change");
            assertThat(seen.distinct()).isEqualTo(EXPECTED);
            report.add(mode + ": endpoints " + TENANTS + ", distinct records " + seen.distinct() + ", received "
                    + seen.total + ", repeats " + seen.repeats() + " (restart after " + beforeRestart
                    + ", worker removed after " + beforeRemoval + ")");
            if (exactlyOnce) {
                assertThat(seen.repeats()).as("exactly-once repeats").isZero();
            }

            // the REST API shows the ConfigProvider reference, never the secret
            String config = body(connect, "connectors/" + name + "/config");
            String tasks = body(connect, "connectors/" + name + "/tasks");
            assertThat(config + tasks).doesNotContain(EkranSimulator.API_KEY).contains("${file:");
            if (!exactlyOnce) {
                // the tenant with the wrong key is reported; the 30 others flowed (all records arrived)
                String bad = sim.tenant(TENANTS + 1).endpoint().toString();
                awaitLog(() -> logText().contains(bad + " (sessions): credentials refused"));
                ConnectorStateInfo status = connect.connectorStatus(name);
                assertThat(status.tasks()).allMatch(t -> t.state().equals("RUNNING"));
            }
            assertThat(logText()).doesNotContain(EkranSimulator.API_KEY).doesNotContain(WRONG_KEY);
            // GET /connectors/NAME/offsets (KIP-875): Connect reads each stored partition back and looks it
            // up again; with a partition key order of its own that lookup came back "offset": null
            List<org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset> offsets =
                    connect.connectorOffsets(name).offsets();
            assertThat(offsets).as("GET /offsets: a partition per endpoint and stream that delivered")
                    .hasSizeGreaterThanOrEqualTo(TENANTS * 2);
            assertThat(offsets).allSatisfy(o -> {
                assertThat(o.partition()).containsKey(SessionSourceTask.PARTITION_NAME);
                assertThat(o.offset()).as("offset of %s", o.partition()).isNotNull();
                org.sessionsdk.core.feed.Checkpoint.parse((String) o.offset().get(SessionSourceTask.OFFSET_CHECKPOINT));
            });
            report.add(mode + ": GET /offsets partitions with a checkpoint: " + offsets.size());
            report.add(mode + ": scenario s: " + Duration.between(t0, Instant.now()).toSeconds());
            // after removeWorker() a request forwarded to the leader can meet the removed worker until the
            // group has rebalanced ("Connection refused"): try again until the group answers
            org.apache.kafka.test.TestUtils.waitForCondition(() -> {
                try {
                    connect.deleteConnector(name);
                    return true;
                } catch (org.apache.kafka.connect.runtime.rest.errors.ConnectRestException notYet) {
                    return false;
                }
            }, 60_000, "the connector could not be deleted");
        } finally {
            connect.stop();
        }
    }

    static String body(EmbeddedConnectCluster connect, String path) {
        Object entity = connect.requestGet(connect.endpointForResource(path)).getEntity();
        assertThat(entity).as("GET %s", path).isNotNull();
        return entity.toString();
    }

    static String logText() {
        try {
            return Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void awaitLog(BooleanSupplier condition) throws InterruptedException {
        org.apache.kafka.test.TestUtils.waitForCondition(condition::getAsBoolean, 30_000, "not logged");
    }

    static void awaitRecords(KafkaConsumer<byte[], byte[]> consumer, Seen seen, BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within 60 s: " + what + "; got " + seen.distinct() + " of " + EXPECTED);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                seen.add(r);
            }
        }
    }

    /** Counts records by identity: topic, key and, for sessions, the OCSF activity (logon or logoff). */
    static final class Seen {
        final Set<String> ids = new HashSet<>();
        int total;

        void add(ConsumerRecord<byte[], byte[]> r) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            String value = new String(r.value(), StandardCharsets.UTF_8);
            String activity = value.replaceAll("(?s).*?\"activity_id\":(\\d+).*", "$1");
            ids.add(r.topic() + " " + key + " " + (r.topic().equals(SESSIONS) ? activity : ""));
            total++;
        }

        int distinct() {
            return ids.size();
        }

        int repeats() {
            return total - ids.size();
        }
    }
}
