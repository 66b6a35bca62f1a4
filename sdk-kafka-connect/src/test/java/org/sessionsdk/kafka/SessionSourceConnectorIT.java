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
import javax.management.MBeanServer;
import javax.management.ObjectName;
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
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.Scenario;

/**
 * The connector in an in-process Connect cluster (1 broker, 3 workers) following 30 Ekran tenants over 3
 * tasks: everything scripted arrives across a connector restart and a worker removed mid-stream, at least
 * once without and exactly once with exactly-once source support, and the workers show each endpoint's
 * metrics over JMX. Then a quiet Plesk panel keeps its position across a stop: what it logged while the
 * connector was stopped is delivered after the restart (heartbeats stored its offset). Runs inside a
 * loopback-only network namespace (see src/test/netns); skipped, saying why, where there is none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSourceConnectorIT {
    static final int TENANTS = 30;
    static final String SESSIONS = "sessions";
    static final String AUDIT = "audit";
    static final String QUIET = "quiet";
    static final String HEARTBEATS = "sessionsdk-heartbeats";
    static final String WRONG_KEY = "wrong-Key/not-this-one";
    static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/kafka-it.log"));

    EkranSimulator sim;
    PleskSimulator plesk;
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
        plesk = PleskSimulator.start().withSessions(0).withEvents(0);
        secrets = Files.createTempDirectory("sessionsdk-it").resolve("secrets.properties");
        Files.writeString(secrets, "ekran.key=" + EkranSimulator.API_KEY.replace("\\", "\\\\") + "\n"
                + "plesk.key=" + PleskSimulator.SECRET_KEY + "\n");
    }

    @AfterAll
    void close() {
        if (sim != null) {
            sim.close();
        }
        if (plesk != null) {
            plesk.close();
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
        c.kafka().createTopic(QUIET, 1);
        c.kafka().createTopic(HEARTBEATS, 1);
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
            endpointMetricsOverJmx(name, exactlyOnce, mode);
            quietPanelKeepsItsPositionAcrossAStop(connect, exactlyOnce, mode);
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

    /**
     * The workers publish each endpoint's stream's metrics as plugin metrics, which their JMX reporter
     * shows as {@code kafka.connect:type=plugins,connector=C,task=T,endpoint=E,stream=S}: every endpoint
     * of the running tasks has them, the healthy ones polled and with no failures, the one with a wrong key
     * with some. (The counts start with each task, and by now these tasks may have had nothing left to
     * deliver: the quiet panel's connector checks a count.)
     */
    void endpointMetricsOverJmx(String name, boolean exactlyOnce, String mode) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        int endpoints = TENANTS + (exactlyOnce ? 0 : 1);
        String bad = "t" + (TENANTS + 1);
        // every endpoint's stream has its first poll behind it: a success, or for the wrong key a failure
        org.apache.kafka.test.TestUtils.waitForCondition(() -> endpointBeans(server, name).size() == endpoints * 2
                        && endpointBeans(server, name).stream().allMatch(n -> bad.equals(n.getKeyProperty("endpoint"))
                        ? attribute(server, n, "consecutive-failures") > 0
                        : attribute(server, n, "last-successful-poll-timestamp-ms") > 0),
                30_000, () -> "endpoint metrics of " + name + " over JMX: " + endpointBeans(server, name));
        long records = 0;
        for (ObjectName n : endpointBeans(server, name)) {
            if (bad.equals(n.getKeyProperty("endpoint"))) {
                assertThat(attribute(server, n, "last-successful-poll-timestamp-ms")).as("%s", n).isEqualTo(-1);
                continue;
            }
            assertThat(attribute(server, n, "consecutive-failures")).as("%s", n).isZero();
            assertThat(attribute(server, n, "last-successful-poll-timestamp-ms")).as("%s", n).isPositive();
            records += attribute(server, n, "records-total");
        }
        report.add(mode + ": JMX endpoint metric beans " + endpointBeans(server, name).size() + ", records-total "
                + records + " (since the tasks last started)");
    }

    static Set<ObjectName> endpointBeans(MBeanServer server, String connector) {
        try {
            Set<ObjectName> out = new HashSet<>();
            for (ObjectName n : server.queryNames(new ObjectName("kafka.connect:type=plugins,connector=" + connector + ",*"), null)) {
                if (n.getKeyProperty("endpoint") != null) {
                    out.add(n);
                }
            }
            return out;
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static long attribute(MBeanServer server, ObjectName name, String attribute) {
        try {
            return ((Number) server.getAttribute(name, attribute)).longValue();
        } catch (javax.management.JMException e) {
            throw new AssertionError(name + " " + attribute, e);
        }
    }

    /**
     * Issue 29's quiet panel: a connector started "now" on a Plesk panel that logs nothing is stopped, the
     * panel logs 3 entries, the connector resumes and the panel logs 2 more. Without a stored offset the
     * resumed task would start at its own "now" and deliver 2; the heartbeat of each partition's first
     * poll stored where it stood, which {@code GET /connectors/NAME/offsets} shows, so all 5 arrive.
     */
    void quietPanelKeepsItsPositionAcrossAStop(EmbeddedConnectCluster connect, boolean exactlyOnce, String mode)
            throws Exception {
        PleskSimulator panel = plesk.tenant(exactlyOnce ? 2 : 1).withSessions(0).withEvents(0);
        String name = "quiet-" + (exactlyOnce ? "eos" : "alos");
        Map<String, String> p = new HashMap<>();
        p.put("connector.class", SessionSourceConnector.class.getName());
        p.put("tasks.max", "1");
        p.put("sessionsdk.vendor", "plesk");
        p.put("sessionsdk.endpoints", "quiet=" + panel.endpoint());
        p.put("sessionsdk.api.key", "${file:" + secrets + ":plesk.key}");
        p.put("topic", QUIET);
        p.put("sessionsdk.poll.interval.ms", "500");
        p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        p.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        if (exactlyOnce) {
            p.put("exactly.once.support", "required");
        }
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + name,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), QUIET, HEARTBEATS)) {
            connect.configureConnector(name, p);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "quiet connector did not start");
            org.apache.kafka.test.TestUtils.waitForCondition(() -> quietOffsets(connect, name).size() == 2, 60_000,
                    () -> "GET /offsets of the quiet panel: " + connect.connectorOffsets(name).offsets());
            connect.stopConnector(name);
            connect.assertions().assertConnectorIsStopped(name, "quiet connector did not stop");
            panel.addEvents(3);
            connect.resumeConnector(name);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(name, 1, "quiet connector did not resume");
            panel.addEvents(2);

            Set<String> events = new HashSet<>();
            Set<String> heartbeats = new HashSet<>();
            int received = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (events.size() < 5 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String key = new String(r.key(), StandardCharsets.UTF_8);
                    if (r.topic().equals(HEARTBEATS)) {
                        heartbeats.add(key);
                    } else {
                        events.add(key);
                        received++;
                    }
                }
            }
            assertThat(events).as("entries the quiet panel logged, 3 of them while the connector was stopped")
                    .hasSize(5);
            if (exactlyOnce) {
                assertThat(received).as("exactly-once repeats").isEqualTo(5);
            }
            assertThat(heartbeats).contains("plesk|quiet|sessions", "plesk|quiet|audit");
            // the resumed task handed the 5 entries: its metrics, over JMX, count them
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName audit = endpointBeans(server, name).stream().filter(n -> "audit".equals(n.getKeyProperty("stream")))
                    .findFirst().orElseThrow(() -> new AssertionError("no metrics of " + name + " over JMX"));
            assertThat(attribute(server, audit, "records-total")).as("%s", audit).isGreaterThanOrEqualTo(5);
            assertThat(attribute(server, audit, "consecutive-failures")).as("%s", audit).isZero();
            report.add(mode + ": quiet panel, 3 entries logged while stopped and 2 after: delivered " + events.size()
                    + " (received " + received + "), heartbeat keys " + heartbeats.size());
            connect.deleteConnector(name);
        }
    }

    /** The quiet connector's partitions with a stored checkpoint, as {@code GET /connectors/NAME/offsets} shows them. */
    static List<Map<String, ?>> quietOffsets(EmbeddedConnectCluster connect, String name) {
        List<Map<String, ?>> out = new ArrayList<>();
        for (org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset o : connect.connectorOffsets(name).offsets()) {
            if (o.offset() != null && "quiet".equals(o.partition().get(SessionSourceTask.PARTITION_NAME))) {
                org.sessionsdk.core.feed.Checkpoint.parse((String) o.offset().get(SessionSourceTask.OFFSET_CHECKPOINT));
                out.add(o.partition());
            }
        }
        return out;
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
