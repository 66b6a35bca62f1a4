package org.sessionsdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.Scenario;

/**
 * The plugin, built against one connect-api, on other Kafka releases: for each release a KRaft broker and a
 * distributed worker, each a JVM of its own, run from that release's jars alone ({@code target/kafka-<version>},
 * copied by the {@code kafka-versions} profile); the worker loads the plugin jar through {@code plugin.path},
 * reports its own version, and the connector delivers every change of a short real-time scenario and shows
 * its offsets in {@code GET /connectors/NAME/offsets}. Runs only with that profile
 * ({@code -Pkafka-versions}), inside the loopback-only network namespace.
 */
@EnabledIfSystemProperty(named = "sessionsdk.kafka.versions", matches = ".+")
class SessionSourceConnectorKafkaVersionsIT {
    static final int TENANTS = 3;
    static final int ROUNDS = 3;

    static Stream<String> versions() {
        return Arrays.stream(System.getProperty("sessionsdk.kafka.versions").split(",")).map(String::trim);
    }

    @ParameterizedTest(name = "Kafka {0}")
    @MethodSource("versions")
    void thePluginLoadsAndDelivers(String version) throws Exception {
        String netns = System.getProperty("sessionsdk.netns", "unavailable (not started by src/test/netns/bin/java)");
        Assumptions.assumeTrue("loopback-only".equals(netns), () -> "no loopback-only network namespace: " + netns);
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            assertThat(nic.isLoopback()).as("only loopback in the namespace: %s", nic).isTrue();
        }
        Path jars = Path.of(System.getProperty("sessionsdk.kafka.versions.dir", "target"), "kafka-" + version);
        assertThat(jars).as("Kafka %s's jars (the kafka-versions profile copies them)", version).isDirectory();
        String classPath = jars.toAbsolutePath() + "/*";
        Path dir = Path.of("target", "kafka-versions", version).toAbsolutePath();
        SessionSourceConnectorProcessesIT.deleteTree(dir);
        Path plugins = dir.resolve("plugins");
        Files.createDirectories(plugins);
        Path jar = Path.of(System.getProperty("sessionsdk.connect.plugin", "target/plugin.jar"));
        Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);

        Instant t0 = Instant.now();
        KraftBroker broker = KraftBroker.start(dir.resolve("broker"), classPath);
        ConnectWorkers workers = null;
        EkranSimulator sim = null;
        try {
            broker.createTopics(1, "sessions", "audit");
            Map<String, String> w = new HashMap<>();
            w.put("bootstrap.servers", broker.bootstrap());
            w.put("group.id", "sessionsdk-" + version);
            w.put("config.storage.topic", "connect-configs");
            w.put("offset.storage.topic", "connect-offsets");
            w.put("status.storage.topic", "connect-status");
            w.put("config.storage.replication.factor", "1");
            w.put("offset.storage.replication.factor", "1");
            w.put("status.storage.replication.factor", "1");
            w.put("offset.storage.partitions", "1");
            w.put("status.storage.partitions", "1");
            w.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            w.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
            w.put("plugin.path", plugins.toString());
            w.put("offset.flush.interval.ms", "1000");
            workers = new ConnectWorkers(dir.resolve("worker"), classPath, w, 1);
            workers.start(0);
            ConnectWorkers group = workers;
            await(Duration.ofSeconds(120), "the worker answers", () -> group.get(0, "connectors").ok());
            assertThat(workers.get(0, "").json().path("version").asText()).as("the worker's Kafka version")
                    .isEqualTo(version);
            JsonNode plugin = null;
            for (JsonNode p : workers.get(0, "connector-plugins").json()) {
                if (p.path("class").asText().equals(SessionSourceConnector.class.getName())) {
                    plugin = p;
                }
            }
            assertThat(plugin).as("the plugin among the worker's connector plugins").isNotNull();

            sim = EkranSimulator.start().withSessions(0).withAlerts(0);
            List<String> endpoints = new ArrayList<>();
            for (int n = 1; n <= TENANTS; n++) {
                Scenario.Builder b = Scenario.builder();
                for (int i = 0; i < ROUNDS; i++) {
                    b.start(Duration.ofSeconds(2 + i * 2L), "s" + i, "u" + n, "192.0.2." + n)
                            .audit(Duration.ofSeconds(3 + i * 2L), "u" + n, "changed", "domain", "d" + i + ".example")
                            .end(Duration.ofSeconds(3 + i * 2L), "s" + i);
                }
                sim.tenant(n).withSessions(0).withAlerts(0).withScenario(b.build());
                endpoints.add("t" + n + "=" + sim.tenant(n).endpoint());
            }
            Map<String, String> c = new HashMap<>();
            c.put("connector.class", SessionSourceConnector.class.getName());
            c.put("tasks.max", "2");
            c.put("sessionsdk.vendor", "ekran");
            c.put("sessionsdk.endpoints", String.join(",", endpoints));
            c.put("sessionsdk.api.key", EkranSimulator.API_KEY);
            c.put("sessionsdk.sessions.topic", "sessions");
            c.put("sessionsdk.audit.topic", "audit");
            c.put("sessionsdk.poll.interval.ms", "500");
            c.put("sessionsdk.since", Instant.now().minus(Duration.ofHours(1)).toString());
            ConnectWorkers.Answer created = workers.put(0, "connectors/sessions/config", c);
            assertThat(created.ok()).as("PUT the connector: %s", created.body()).isTrue();

            int expected = TENANTS * ROUNDS * 3;
            Set<String> seen = new HashSet<>();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> parts = List.of(new TopicPartition("sessions", 0), new TopicPartition("audit", 0));
                consumer.assign(parts);
                consumer.seekToBeginning(parts);
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (seen.size() < expected) {
                    assertThat(System.nanoTime()).as("%s of %s records within 90 s", seen.size(), expected)
                            .isLessThan(deadline);
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        String value = new String(r.value(), StandardCharsets.UTF_8);
                        seen.add(r.topic() + " " + new String(r.key(), StandardCharsets.UTF_8) + " "
                                + value.replaceAll("(?s).*?\"activity_id\":(\\d+).*", "$1"));
                    }
                }
            }
            assertThat(seen).hasSize(expected);
            await(Duration.ofSeconds(30), "GET /offsets shows both streams of every endpoint", () -> {
                ConnectWorkers.Answer a = group.get(0, "connectors/sessions/offsets");
                return a.ok() && a.json().path("offsets").size() == TENANTS * 2;
            });
            System.out.println("FIGURES Kafka " + version + ": worker version " + version + ", plugin "
                    + plugin.path("version").asText() + " loaded, " + seen.size() + " of " + expected
                    + " records, GET /offsets " + TENANTS * 2 + " partitions, s: "
                    + Duration.between(t0, Instant.now()).toSeconds());
        } catch (Throwable t) {
            System.err.println("FAILED on Kafka " + version + ":\n" + (workers == null ? "" : workers.tails(60))
                    + "\n" + broker.jvm().tail(40));
            throw t;
        } finally {
            if (workers != null) {
                workers.close();
            }
            if (sim != null) {
                sim.close();
            }
            broker.close();
        }
    }

    static void await(Duration timeout, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        org.apache.kafka.test.TestUtils.waitForCondition(condition::getAsBoolean, timeout.toMillis(), what);
    }
}
