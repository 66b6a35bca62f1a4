package org.sessionsdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.testkit.testing.TestCheckpoints;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.Scenario;

/**
 * The connector on a real deployment's processes: a KRaft broker (broker and controller in one JVM) and a
 * distributed group of two Connect workers, each a JVM of its own started from the Kafka jars on the test
 * class path, the connector loaded from the module's plugin jar through {@code plugin.path} (the workers'
 * class path holds no class of this project). Six Ekran tenants play a real-time scenario while a worker,
 * picked at random, is SIGKILLed at random moments and started again. A {@code read_committed} consumer
 * then finds, per mode:
 * <ul>
 *   <li>exactly-once: every scripted change once: 0 lost, 0 repeated;</li>
 *   <li>at-least-once: 0 lost; every repeat follows a kill, was first written after the last offset
 *   commit its partition had before that kill (an uncommitted batch), and the repeats of a partition are
 *   the tail of what it wrote before the kill;</li>
 *   <li>{@code GET /connectors/NAME/offsets} shows every partition, each with the checkpoint last stored
 *   for it, and a task resumed from those offsets delivers nothing more;</li>
 *   <li>the endpoints listed in another order: every task resumes every partition from its stored offset,
 *   nothing is delivered again, the offsets stay as they were.</li>
 * </ul>
 *
 * <p>Under exactly-once, a task starting while the leader it forwards its zombie-fencing request to has just
 * been killed is failed by Connect for good; the test restarts such tasks over REST, as an operator would
 * (KAFKA-15059), counts them in the figures, and fails on any other task failure.
 *
 * <p>Kills: {@value #DEFAULT_KILLS} per mode by default (about a minute a mode on two busy cores); more with
 * {@code -Dsessionsdk.it.kills=N}, e.g. {@code mvn -pl sdk-kafka-connect -am verify -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SessionSourceConnectorProcessesIT -Dsessionsdk.it.kills=20}
 * (the scenario grows with the kills). The pauses before the kills and the picks among the workers running
 * tasks come from a seed printed with the figures; {@code -Dsessionsdk.it.seed=S} draws them again (the moments
 * also depend on how fast the workers come back). The child JVMs' properties and logs are under
 * {@code target/kafka-processes}; a failure prints the tails of the logs.
 *
 * <p>Runs inside the loopback-only network namespace of the {@code kafka-integration} execution (the child
 * JVMs inherit it); skipped, saying why, where there is none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSourceConnectorProcessesIT {
    static final int DEFAULT_KILLS = 2;
    static final int KILLS = Integer.getInteger("sessionsdk.it.kills", DEFAULT_KILLS);
    static final long SEED = Long.getLong("sessionsdk.it.seed", System.nanoTime());
    static final int TENANTS = 6;
    static final int TASKS = 3;
    static final int WORKERS = 2;
    /** Seconds between two rounds of a tenant's scenario (a session starts, an audit entry, it ends). */
    static final int ROUND_SECONDS = 3;
    /**
     * How long after the broker appended a record its acknowledgement may still be on the way to the
     * worker (so the offset commit that follows the append may not cover it), and how long after a kill a
     * request the killed worker had sent may still be appended.
     */
    static final long ACK_ALLOWANCE_MS = 1_000;
    static final Path DIR = Path.of(System.getProperty("sessionsdk.it.dir", "target/kafka-processes"));

    KraftBroker broker;
    String kafkaClassPath;
    Path pluginDir;
    final List<String> report = new ArrayList<>();

    @BeforeAll
    void startBroker() throws Exception {
        String netns = System.getProperty("sessionsdk.netns", "unavailable (not started by src/test/netns/bin/java)");
        if (!"loopback-only".equals(netns)) {
            System.err.println("Kafka process integration tests SKIPPED: no loopback-only network namespace: " + netns);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue("loopback-only".equals(netns),
                () -> "Kafka process integration tests skipped: no loopback-only network namespace here: " + netns);
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            assertThat(nic.isLoopback()).as("only loopback in the namespace: %s", nic).isTrue();
        }
        kafkaClassPath = kafkaClassPath();
        pluginDir = DIR.resolve("plugins").toAbsolutePath();
        Path jar = Path.of(System.getProperty("sessionsdk.connect.plugin", "target/plugin.jar"));
        assertThat(jar).as("the plugin jar (the shade plugin makes it at package)").isRegularFile();
        deleteTree(DIR);
        Files.createDirectories(pluginDir);
        Files.copy(jar, pluginDir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Instant t0 = Instant.now();
        broker = KraftBroker.start(DIR.resolve("broker"), kafkaClassPath);
        report.add("broker formatted and up after s: " + Duration.between(t0, Instant.now()).toSeconds());
        report.add("kills per mode " + KILLS + ", seed " + SEED + " (-Dsessionsdk.it.seed=" + SEED + " draws the same pauses and picks)");
    }

    @AfterAll
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
        report.forEach(l -> System.out.println("FIGURES processes: " + l));
    }

    /**
     * The test class path without this project's own classes and jars: Kafka's jars and their
     * dependencies, for the broker and the workers. The workers find the connector in the plugin jar only.
     */
    static String kafkaClassPath() {
        Path project = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().normalize().startsWith(project))
                .filter(e -> !e.contains(File.separator + "sessionsdk" + File.separator) && !e.contains("org/sessionsdk"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void atLeastOnceAcrossWorkerKills() throws Exception {
        new Run(false).play();
    }

    @Test
    void exactlyOnceAcrossWorkerKills() throws Exception {
        new Run(true).play();
    }

    /**
     * A tenant where nothing happens still has its partitions' offsets (heartbeat records give every
     * partition one after its first poll), and they stay where they were across a SIGKILL of the worker
     * that ran its task.
     */
    @Test
    void anIdlePartitionKeepsItsPositionAcrossAWorkerKill() throws Exception {
        Run run = new Run(false, "idle", 2);
        run.idlePartitionKeepsItsPosition();
    }

    /** One mode's run: topics, a worker group, simulators, a consumer. */
    final class Run {
        final boolean exactlyOnce;
        final String mode;
        final String name;
        final String sessions;
        final String audit;
        final String offsetsTopic;
        final int tenants;
        final Path dir;
        final Random random = new Random(SEED);
        final List<Long> kills = new ArrayList<>();
        final List<Double> recovery = new ArrayList<>();
        final List<String> moments = new ArrayList<>();
        /** Tasks restarted over REST after Connect failed them for a fencing request the dead leader refused. */
        int fencingRestarts;
        final List<Delivered> delivered = new ArrayList<>();
        EkranSimulator sim;
        ConnectWorkers workers;
        KafkaConsumer<byte[], byte[]> consumer;
        int rounds;

        Run(boolean exactlyOnce) {
            this(exactlyOnce, exactlyOnce ? "eos" : "alos", TENANTS);
        }

        Run(boolean exactlyOnce, String mode, int tenants) {
            this.exactlyOnce = exactlyOnce;
            this.mode = mode;
            this.name = "sessions-" + mode;
            this.sessions = "sessions-" + mode;
            this.audit = "audit-" + mode;
            this.offsetsTopic = "connect-offsets-" + mode;
            this.tenants = tenants;
            this.dir = DIR.resolve(mode);
        }

        Map<String, String> workerSettings() {
            Map<String, String> w = new HashMap<>();
            w.put("bootstrap.servers", broker.bootstrap());
            w.put("group.id", "sessionsdk-" + mode);
            w.put("config.storage.topic", "connect-configs-" + mode);
            w.put("offset.storage.topic", offsetsTopic);
            w.put("status.storage.topic", "connect-status-" + mode);
            w.put("config.storage.replication.factor", "1");
            w.put("offset.storage.replication.factor", "1");
            w.put("status.storage.replication.factor", "1");
            w.put("offset.storage.partitions", "3");
            w.put("status.storage.partitions", "1");
            w.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            w.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
            w.put("plugin.path", pluginDir.toString());
            w.put("plugin.discovery", "service_load");
            w.put("offset.flush.interval.ms", "1000");
            w.put("scheduled.rebalance.max.delay.ms", "0");
            // a SIGKILLed worker is noticed after 3 s instead of 10
            w.put("session.timeout.ms", "3000");
            w.put("heartbeat.interval.ms", "1000");
            if (exactlyOnce) {
                w.put("exactly.once.source.support", "enabled");
                // a SIGKILLed task's open transaction holds every read_committed reader of the offsets topic,
                // a worker starting among them, until it is fenced or times out (60 s by default): when the
                // other worker is down too, nothing fences it
                w.put("producer.transaction.timeout.ms", "10000");
            }
            return w;
        }

        Scenario scenario(int n) {
            Scenario.Builder b = Scenario.builder();
            for (int i = 0; i < rounds; i++) {
                int at = 3 + i * ROUND_SECONDS + n % ROUND_SECONDS;
                b.start(Duration.ofSeconds(at), "s" + n + "-" + i, "u" + n, "192.0.2." + n)
                        .audit(Duration.ofSeconds(at + 1), "u" + n, "changed", "domain", "d" + n + "-" + i + ".example")
                        .end(Duration.ofSeconds(at + 2), "s" + n + "-" + i);
            }
            return b.build();
        }

        int expected() {
            return tenants * rounds * 3;
        }

        /** How many tasks the connector makes: never more than endpoints. */
        int tasks() {
            return Math.min(TASKS, tenants);
        }

        List<String> endpoints() {
            List<String> out = new ArrayList<>();
            for (int n = 1; n <= tenants; n++) {
                out.add("t" + n + "=" + sim.tenant(n).endpoint());
            }
            return out;
        }

        Map<String, String> connector(List<String> endpoints) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("connector.class", "org.sessionsdk.kafka.SessionSourceConnector");
            p.put("tasks.max", Integer.toString(TASKS));
            p.put("sessionsdk.vendor", "ekran");
            p.put("sessionsdk.endpoints", String.join(",", endpoints));
            p.put("sessionsdk.api.key", EkranSimulator.API_KEY);
            p.put("sessionsdk.sessions.topic", sessions);
            p.put("sessionsdk.audit.topic", audit);
            p.put("sessionsdk.format", "ocsf");
            p.put("sessionsdk.poll.interval.ms", "500");
            p.put("sessionsdk.retry.backoff.ms", "500");
            p.put("sessionsdk.retry.backoff.max.ms", "2000");
            p.put("sessionsdk.since", Instant.now().minus(Duration.ofHours(1)).toString());
            p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            p.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
            if (exactlyOnce) {
                p.put("exactly.once.support", "required");
            }
            return p;
        }

        /** Topics, the worker group and a consumer; then the simulators, whose scenario starts now. */
        void setUp(int scenarioSeconds) throws Exception {
            broker.createTopics(2, sessions, audit);
            workers = new ConnectWorkers(dir, kafkaClassPath, workerSettings(), WORKERS);
            for (int i = 0; i < WORKERS; i++) {
                workers.start(i);
            }
            await(Duration.ofSeconds(120), "both workers answer", () -> {
                for (int i = 0; i < WORKERS; i++) {
                    if (!workers.get(i, "connectors").ok()) {
                        return false;
                    }
                }
                return true;
            });
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : List.of(sessions, audit)) {
                consumer.partitionsFor(t).forEach(i -> parts.add(new TopicPartition(t, i.partition())));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            rounds = Math.max(1, scenarioSeconds / ROUND_SECONDS);
            sim = EkranSimulator.start().withSessions(0).withAlerts(0);
            for (int n = 1; n <= tenants; n++) {
                sim.tenant(n).withSessions(0).withAlerts(0).withScenario(scenario(n));
            }
        }

        void tearDown() throws Exception {
            if (consumer != null) {
                consumer.close();
            }
            if (workers != null) {
                workers.close();
            }
            if (sim != null) {
                sim.close();
            }
        }

        void play() throws Exception {
            Instant t0 = Instant.now();
            String m = exactlyOnce ? "exactly-once" : "at-least-once";
            try {
                // the scenario lasts about as long as the kills take (a random pause, a kill and the tasks
                // running again: ~14 s)
                setUp(Math.max(24, KILLS * 14));
                assertThat(workers.put(0, "connectors/" + name + "/config", connector(endpoints())).ok()).isTrue();
                awaitRunning(Duration.ofSeconds(90), "the connector and its tasks run", true);
                report.add(m + ": 2 workers up and connector running after s: " + Duration.between(t0, Instant.now()).toSeconds());

                for (int k = 0; k < KILLS; k++) {
                    consumeFor(Duration.ofMillis(1_000 + random.nextInt(3_000)));
                    // a worker running tasks: the one starting again after the previous kill may be the other
                    List<Integer> busy = busyWorkers();
                    int victim = busy.get(random.nextInt(busy.size()));
                    long at = System.currentTimeMillis();
                    int exit = workers.kill(victim);
                    assertThat(exit).as("exit of a worker ended by SIGKILL").isEqualTo(ChildJvm.KILLED_BY_SIGKILL);
                    kills.add(at);
                    moments.add("worker " + victim + " at " + (at - t0.toEpochMilli()) / 100 / 10.0 + " s");
                    workers.start(victim);
                    awaitRunning(Duration.ofSeconds(120), "tasks running again after kill " + (k + 1), false);
                    recovery.add((System.currentTimeMillis() - at) / 100 / 10.0);
                }
                awaitRunning(Duration.ofSeconds(120), "both workers back", true);
                report.add(m + ": " + KILLS + " kills done after s: " + Duration.between(t0, Instant.now()).toSeconds()
                        + "; killed " + moments + ", s from each kill until every task ran again: " + recovery
                        + (exactlyOnce ? ", tasks restarted over REST after a refused fencing request: " + fencingRestarts : ""));

                Duration left = Duration.ofSeconds(3L + rounds * ROUND_SECONDS + 90);
                awaitConsuming(left, "every scripted change", () -> distinct() >= expected());
                int lost = expected() - distinct();
                int repeats = delivered.size() - distinct();
                report.add(m + ": endpoints " + tenants + ", tasks " + TASKS + ", kills " + kills.size() + ", events "
                        + expected() + ", distinct " + distinct() + ", received " + delivered.size() + ", lost " + lost
                        + ", repeats " + repeats);
                assertThat(lost).as("lost").isZero();
                if (exactlyOnce) {
                    assertThat(repeats).as("exactly-once repeats").isZero();
                } else {
                    assertRepeatsOnlyFromUncommittedBatches();
                }

                Map<Map<String, Object>, String> offsets = assertOffsetsShowEveryPartitionAsStored();
                assertReorderedEndpointsChangeNoPartition(offsets);
                workers.close();
                assertATaskResumedFromTheOffsetsDeliversNothing(offsets);
                report.add(m + ": run s: " + Duration.between(t0, Instant.now()).toSeconds());
            } catch (Throwable t) {
                System.err.println("FAILED " + m + " (seed " + SEED + "):\n" + (workers == null ? "" : workers.tails(60))
                        + "\n" + broker.jvm().tail(30));
                throw t;
            } finally {
                tearDown();
            }
        }

        /**
         * At-least-once: a repeat is a record a task wrote before a kill and wrote again after it, because
         * the offset stored for its partition when the worker died stood before it.
         */
        void assertRepeatsOnlyFromUncommittedBatches() {
            Map<String, List<Long>> commits = commitTimes();
            Map<String, Delivered> first = new HashMap<>();
            // per partition and kill: the first appends of what was written again, and of what was not
            Map<String, Long> earliestRepeated = new HashMap<>();
            Map<String, Long> latestKept = new HashMap<>();
            Set<String> repeatedIds = new HashSet<>();
            for (Delivered d : delivered) {
                Delivered f = first.putIfAbsent(d.id(), d);
                if (f == null) {
                    continue;
                }
                repeatedIds.add(d.id());
                int kill = firstKillAfter(f.appended());
                assertThat(kill).as("a kill between the first write (%s) and the repeat (%s) of %s", f.appended(),
                        d.appended(), d.id()).isGreaterThanOrEqualTo(0);
                assertThat(kills.get(kill)).as("the kill before the repeat of %s", d.id()).isLessThan(d.appended());
                long lastCommit = lastCommitBefore(commits.get(d.partition()), kills.get(kill));
                assertThat(f.appended()).as("%s, repeated after kill %s, was first written after its partition's "
                                + "last offset commit before the kill (at %s, less %s ms for acknowledgements)", d.id(),
                        kill + 1, lastCommit, ACK_ALLOWANCE_MS).isGreaterThanOrEqualTo(lastCommit - ACK_ALLOWANCE_MS);
                earliestRepeated.merge(d.partition() + " " + kill, f.appended(), Math::min);
            }
            for (Delivered f : first.values()) {
                int kill = firstKillAfter(f.appended());
                if (kill >= 0 && !repeatedIds.contains(f.id())) {
                    latestKept.merge(f.partition() + " " + kill, f.appended(), Math::max);
                }
            }
            earliestRepeated.forEach((partitionAndKill, repeatedFrom) ->
                    assertThat(latestKept.getOrDefault(partitionAndKill, Long.MIN_VALUE))
                            .as("%s: what was written again is the tail of what was written before the kill",
                                    partitionAndKill).isLessThanOrEqualTo(repeatedFrom));
            report.add("at-least-once: repeats per partition and kill: " + new TreeMap<>(
                    delivered.stream().collect(Collectors.groupingBy(Delivered::id, Collectors.counting()))
                            .entrySet().stream().filter(e -> e.getValue() > 1)
                            .collect(Collectors.groupingBy(e -> first.get(e.getKey()).partition() + " after kill "
                                    + (firstKillAfter(first.get(e.getKey()).appended()) + 1),
                                    Collectors.summingLong(e -> e.getValue() - 1)))));
        }

        int firstKillAfter(long appended) {
            for (int k = 0; k < kills.size(); k++) {
                if (kills.get(k) + ACK_ALLOWANCE_MS > appended) {
                    return k;
                }
            }
            return -1;
        }

        long lastCommitBefore(List<Long> commitTimes, long kill) {
            long last = Long.MIN_VALUE + ACK_ALLOWANCE_MS;
            for (long c : commitTimes == null ? List.<Long>of() : commitTimes) {
                if (c < kill) {
                    last = Math.max(last, c);
                }
            }
            return last;
        }

        /** When the broker appended each offset commit, per partition ("endpoint stream"). */
        Map<String, List<Long>> commitTimes() {
            Map<String, List<Long>> out = new HashMap<>();
            for (StoredOffset o : storedOffsets()) {
                out.computeIfAbsent(o.endpoint() + " " + o.stream(), k -> new ArrayList<>()).add(o.appended());
            }
            return out;
        }

        /**
         * {@code GET /connectors/NAME/offsets} shows exactly the scenario's partitions (two a tenant), each
         * with the checkpoint last stored for it in the offsets topic (under exactly-once, in the
         * transaction of the partition's last record).
         */
        Map<Map<String, Object>, String> assertOffsetsShowEveryPartitionAsStored() throws Exception {
            Set<Map<String, Object>> partitions = new HashSet<>();
            for (String e : endpoints()) {
                NamedEndpoint ep = NamedEndpoint.parse("e", List.of(e)).get(0);
                for (String stream : List.of("sessions", "audit")) {
                    partitions.add(new HashMap<>(SessionSourceTask.partition("ekran", ep, stream)));
                }
            }
            AtomicReference<Map<Map<String, Object>, String>> shown = new AtomicReference<>();
            // every record has arrived: once no offset commit came for two flush intervals, the last records'
            // offsets are stored (at-least-once commits them up to a flush interval after they were written)
            await(Duration.ofSeconds(30), "GET /offsets shows what the offsets topic holds last, the commits done", () -> {
                shown.set(restOffsets());
                Map<Map<String, Object>, String> stored = new HashMap<>();
                List<StoredOffset> all = storedOffsets();
                if (all.isEmpty() || System.currentTimeMillis() - all.get(all.size() - 1).appended() < 2_500) {
                    return false;
                }
                for (StoredOffset o : all) {
                    if (o.checkpoint() == null) {
                        stored.remove(o.partition());
                    } else {
                        stored.put(o.partition(), o.checkpoint());
                    }
                }
                return shown.get().equals(stored);
            });
            assertThat(shown.get().keySet()).as("GET /offsets: every partition").isEqualTo(partitions);
            assertThat(shown.get().values()).allSatisfy(Checkpoint::parse);
            report.add((exactlyOnce ? "exactly-once" : "at-least-once") + ": GET /offsets partitions "
                    + shown.get().size() + ", each with the checkpoint last stored");
            return shown.get();
        }

        /**
         * The same endpoints listed in reverse: the tasks get other endpoints, every new task resumes each
         * of its partitions from a stored offset, nothing is delivered again, and the offsets stay.
         */
        void assertReorderedEndpointsChangeNoPartition(Map<Map<String, Object>, String> before) throws Exception {
            List<String> reversed = new ArrayList<>(endpoints());
            Collections.reverse(reversed);
            Map<Path, List<String>> started = startLines();
            int received = delivered.size();
            assertThat(workers.put(workers.live(), "connectors/" + name + "/config", connector(reversed)).ok()).isTrue();
            await(Duration.ofSeconds(60), "every new task started", () -> startLinesSince(started).size() >= tasks());
            Map<Integer, Integer> requests = new HashMap<>();
            for (int n = 1; n <= tenants; n++) {
                requests.put(n, sim.tenant(n).requestCount());
            }
            // the new tasks polled every endpoint and stream a few times
            awaitConsuming(Duration.ofSeconds(60), "polls of every endpoint by the new tasks", () -> {
                for (int n = 1; n <= tenants; n++) {
                    if (sim.tenant(n).requestCount() < requests.get(n) + 8) {
                        return false;
                    }
                }
                return true;
            });
            drainToEnd();
            List<String> lines = startLinesSince(started);
            assertThat(lines).as("the new tasks' start lines")
                    .allSatisfy(l -> assertThat(l).matches(".*, (\\d+) partition\\(s\\), \\1 resumed from stored offsets.*"));
            assertThat(delivered.size() - received).as("records delivered after the endpoints were reordered").isZero();
            assertThat(restOffsets()).as("GET /offsets after the reorder").isEqualTo(before);
            report.add((exactlyOnce ? "exactly-once" : "at-least-once") + ": endpoints reordered: "
                    + lines.size() + " tasks resumed every partition, 0 records again, offsets unchanged");
        }

        /** The start lines of the connector's tasks, per worker log, oldest first. */
        Map<Path, List<String>> startLines() {
            Map<Path, List<String>> out = new TreeMap<>();
            try (var files = Files.list(dir)) {
                for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                    out.put(log, Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                            .filter(l -> l.contains("sessionsdk task following")).toList());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out;
        }

        /** The start lines logged since {@code before} was read. */
        List<String> startLinesSince(Map<Path, List<String>> before) {
            List<String> out = new ArrayList<>();
            startLines().forEach((log, lines) ->
                    out.addAll(lines.subList(before.getOrDefault(log, List.of()).size(), lines.size())));
            return out;
        }

        /**
         * With the workers gone, a task in this JVM given the offsets {@code GET /offsets} showed polls every
         * endpoint twice and delivers nothing: each checkpoint stands at its partition's last record.
         */
        void assertATaskResumedFromTheOffsetsDeliversNothing(Map<Map<String, Object>, String> offsets) throws Exception {
            Map<String, String> p = new HashMap<>(connector(endpoints()));
            List<String> all = new ArrayList<>();
            for (int i = 0; i < tenants; i++) {
                all.add(Integer.toString(i));
            }
            p.put(SessionSourceConfig.TASK_ENDPOINTS, String.join(",", all));
            Map<Map<String, ?>, Map<String, ?>> stored = new HashMap<>();
            offsets.forEach((partition, checkpoint) -> stored.put(partition, Map.of(SessionSourceTask.OFFSET_CHECKPOINT, checkpoint)));
            Map<Integer, Integer> requests = new HashMap<>();
            for (int n = 1; n <= tenants; n++) {
                requests.put(n, sim.tenant(n).requestCount());
            }
            SessionSourceTask task = SessionSourceTaskTest.started(p, stored);
            List<SourceRecord> got = new ArrayList<>();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                boolean polled = false;
                while (!polled && System.nanoTime() < deadline) {
                    List<SourceRecord> r = task.poll();
                    if (r != null) {
                        got.addAll(r);
                    }
                    polled = true;
                    for (int n = 1; n <= tenants; n++) {
                        polled &= sim.tenant(n).requestCount() >= requests.get(n) + 4;
                    }
                }
                assertThat(polled).as("every endpoint polled twice within 30 s").isTrue();
            } finally {
                task.stop();
            }
            assertThat(got).as("records from a task resumed from GET /offsets").isEmpty();
        }

        /** The connector's offsets as {@code GET /connectors/NAME/offsets} shows them: partition to checkpoint. */
        Map<Map<String, Object>, String> restOffsets() {
            ConnectWorkers.Answer a = workers.get(workers.live(), "connectors/" + name + "/offsets");
            assertThat(a.ok()).as("GET /offsets: %s", a.body()).isTrue();
            Map<Map<String, Object>, String> out = new HashMap<>();
            for (JsonNode o : a.json().get("offsets")) {
                out.put(partitionOf(o.get("partition")), o.get("offset").get(SessionSourceTask.OFFSET_CHECKPOINT).asText());
            }
            return out;
        }

        /** The connector's records in the offsets topic, read_committed, in order. */
        List<StoredOffset> storedOffsets() {
            List<StoredOffset> out = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> parts = c.partitionsFor(offsetsTopic).stream()
                        .map(i -> new TopicPartition(offsetsTopic, i.partition())).toList();
                c.assign(parts);
                c.seekToBeginning(parts);
                Map<TopicPartition, Long> end = c.endOffsets(parts);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                    assertThat(System.nanoTime()).as("offsets topic read within 30 s").isLessThan(deadline);
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                        JsonNode key = ConnectWorkers.parse(new String(r.key(), StandardCharsets.UTF_8));
                        if (!key.get(0).asText().equals(name)) {
                            continue;
                        }
                        Map<String, Object> partition = partitionOf(key.get(1));
                        String checkpoint = r.value() == null ? null : ConnectWorkers.parse(
                                new String(r.value(), StandardCharsets.UTF_8)).get(SessionSourceTask.OFFSET_CHECKPOINT).asText();
                        out.add(new StoredOffset(partition, checkpoint, r.timestamp()));
                    }
                }
            }
            out.sort(Comparator.comparingLong(StoredOffset::appended));
            return out;
        }

        int distinct() {
            return (int) delivered.stream().map(Delivered::id).distinct().count();
        }

        void consume(Duration pollFor) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(pollFor)) {
                assertThat(r.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
                String key = new String(r.key(), StandardCharsets.UTF_8);
                String value = new String(r.value(), StandardCharsets.UTF_8);
                String stream = r.topic().equals(sessions) ? "sessions" : "audit";
                String activity = stream.equals("sessions") ? " " + value.replaceAll("(?s).*?\"activity_id\":(\\d+).*", "$1") : "";
                String endpoint = key.split("\\|")[1];
                delivered.add(new Delivered(stream + " " + key + activity, endpoint + " " + stream, r.timestamp()));
            }
        }

        /** Goes on consuming for the given time: the random moment of a kill. */
        void consumeFor(Duration d) {
            long until = System.nanoTime() + d.toNanos();
            while (System.nanoTime() < until) {
                consume(Duration.ofMillis(Math.max(1, Math.min(200, (until - System.nanoTime()) / 1_000_000))));
            }
        }

        void drainToEnd() {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                assertThat(System.nanoTime()).as("topics read to their end within 30 s").isLessThan(deadline);
                consume(Duration.ofMillis(200));
            }
        }

        void awaitConsuming(Duration timeout, String what, BooleanSupplier done) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("within " + timeout.toSeconds() + " s: " + what + "; got " + distinct()
                            + " of " + expected() + " records");
                }
                consume(Duration.ofMillis(200));
            }
        }

        /**
         * Waits (consuming meanwhile) until the connector and all its tasks run, each on a live worker's
         * current incarnation; with {@code allWorkers}, until every worker answers too.
         */
        void awaitRunning(Duration timeout, String what, boolean allWorkers) {
            awaitConsuming(timeout, what, () -> {
                // a task's worker id names the incarnation that runs it: a killed one's port is never reused
                Set<String> live = new HashSet<>();
                for (int i = 0; i < WORKERS; i++) {
                    if (workers.isAlive(i) && (!allWorkers || workers.get(i, "connectors").ok())) {
                        live.add(workers.id(i));
                    }
                }
                if (allWorkers && live.size() < WORKERS) {
                    return false;
                }
                JsonNode s = status();
                if (s == null || !"RUNNING".equals(s.path("connector").path("state").asText())
                        || s.path("tasks").size() != tasks()) {
                    return false;
                }
                for (JsonNode t : s.path("tasks")) {
                    if ("FAILED".equals(t.path("state").asText()) && live.contains(t.path("worker_id").asText())) {
                        restartFailedTask(t);
                        return false;
                    }
                    if (!"RUNNING".equals(t.path("state").asText()) || !live.contains(t.path("worker_id").asText())) {
                        return false;
                    }
                }
                return true;
            });
        }

        /**
         * Under exactly-once a task that starts asks the leader to fence its zombies; when the leader is the
         * worker just killed, the forwarded request is refused and Connect fails the task for good ("will not
         * recover until manually restarted", KAFKA-15059: "it's easy enough to restart failed tasks via the
         * REST API"). That one failure is restarted, as an operator would, and counted; any other fails the test.
         */
        void restartFailedTask(JsonNode task) {
            String trace = task.path("trace").asText();
            if (!(exactlyOnce && trace.contains("fenceZombieSourceTasks"))) {
                throw new AssertionError("task " + task.path("id").asText() + " failed:\n" + trace);
            }
            ConnectWorkers.Answer a = workers.post(workers.live(),
                    "connectors/" + name + "/restart?includeTasks=true&onlyFailed=true");
            if (a.ok()) {
                fencingRestarts++;
            }
        }

        /** {@code GET /connectors/NAME/status} from a live worker, or null when none answers. */
        JsonNode status() {
            for (int i = 0; i < WORKERS; i++) {
                if (workers.isAlive(i)) {
                    ConnectWorkers.Answer a = workers.get(i, "connectors/" + name + "/status");
                    if (a.ok()) {
                        return a.json();
                    }
                }
            }
            return null;
        }

        /** The workers running at least one of the connector's tasks now. */
        List<Integer> busyWorkers() {
            Set<String> hosts = new HashSet<>();
            JsonNode s = status();
            assertThat(s).as("a worker answers GET /status").isNotNull();
            s.path("tasks").forEach(t -> hosts.add(t.path("worker_id").asText()));
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                if (workers.isAlive(i) && hosts.contains(workers.id(i))) {
                    out.add(i);
                }
            }
            assertThat(out).as("workers running tasks").isNotEmpty();
            return out;
        }

        /**
         * The idle tenant's partitions get offsets (heartbeats) and keep them across a SIGKILL of the worker
         * that ran its task: after the restart they stand where they stood, or further.
         */
        void idlePartitionKeepsItsPosition() throws Exception {
            try {
                setUp(30);
                try {
                    broker.createTopics(1, "sessionsdk-heartbeats");
                } catch (java.util.concurrent.ExecutionException e) {
                    // the kill runs before this one send heartbeats too: the broker made the topic for them
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
                // tenant 2 has nothing at all: its scenario is empty
                sim.tenant(2).withScenario(Scenario.builder().build());
                assertThat(workers.put(0, "connectors/" + name + "/config", connector(endpoints())).ok()).isTrue();
                awaitRunning(Duration.ofSeconds(90), "the connector and its tasks run", true);
                Map<String, Object> idleSessions = new HashMap<>(SessionSourceTask.partition("ekran",
                        NamedEndpoint.parse("e", List.of(endpoints().get(1))).get(0), "sessions"));
                Map<String, Object> idleAudit = new HashMap<>(idleSessions);
                idleAudit.put(SessionSourceTask.PARTITION_STREAM, "audit");
                AtomicReference<Map<Map<String, Object>, String>> before = new AtomicReference<>();
                await(Duration.ofSeconds(60), "the idle partitions have offsets", () -> {
                    before.set(restOffsets());
                    return before.get().containsKey(idleSessions) && before.get().containsKey(idleAudit);
                });
                // the idle endpoint (position 1) is task 1's, with two endpoints on two tasks
                JsonNode status = workers.get(workers.live(), "connectors/" + name + "/status").json();
                String holder = null;
                for (JsonNode t : status.path("tasks")) {
                    if (t.path("id").asInt() == 1) {
                        holder = t.path("worker_id").asText();
                    }
                }
                int victim = workers.id(0).equals(holder) ? 0 : 1;
                kills.add(System.currentTimeMillis());
                assertThat(workers.kill(victim)).isEqualTo(ChildJvm.KILLED_BY_SIGKILL);
                workers.start(victim);
                awaitRunning(Duration.ofSeconds(120), "tasks running again after the kill", true);
                AtomicReference<Map<Map<String, Object>, String>> after = new AtomicReference<>();
                await(Duration.ofSeconds(60), "the idle partitions have offsets after the restart", () -> {
                    after.set(restOffsets());
                    return after.get().containsKey(idleSessions) && after.get().containsKey(idleAudit);
                });
                for (Map<String, Object> idle : List.of(idleSessions, idleAudit)) {
                    assertThat(notBehind(after.get().get(idle), before.get().get(idle)))
                            .as("%s after the restart (%s) stands where it stood before (%s) or further", idle,
                                    after.get().get(idle), before.get().get(idle)).isTrue();
                }
            } finally {
                tearDown();
            }
        }
    }

    /** Whether checkpoint {@code a} stands where {@code b} does or further: by time or cursor id. */
    static boolean notBehind(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Checkpoint ca = Checkpoint.parse(a);
        Checkpoint cb = Checkpoint.parse(b);
        for (String key : List.of("since", "after", "next", "from")) {
            Long x = TestCheckpoints.number(ca, key);
            Long y = TestCheckpoints.number(cb, key);
            if (x != null && y != null) {
                return x >= y;
            }
        }
        return false;
    }

    static Map<String, Object> partitionOf(JsonNode node) {
        Map<String, Object> out = new HashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        org.apache.kafka.test.TestUtils.waitForCondition(condition::getAsBoolean, timeout.toMillis(), what);
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A record as consumed: its identity, its source partition ("endpoint stream"), when the broker appended it. */
    record Delivered(String id, String partition, long appended) {
    }

    /** A record of the offsets topic: partition, checkpoint (null for a tombstone), when the broker appended it. */
    record StoredOffset(Map<String, Object> partition, String checkpoint, long appended) {
        String endpoint() {
            return (String) partition.get(SessionSourceTask.PARTITION_ENDPOINT);
        }

        String stream() {
            return (String) partition.get(SessionSourceTask.PARTITION_STREAM);
        }
    }
}
