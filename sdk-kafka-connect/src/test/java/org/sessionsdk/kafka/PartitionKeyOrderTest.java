package org.sessionsdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.testkit.testing.TestCheckpoints;
import org.sessionsdk.kafka.internal.SourcePartitions;
import org.sessionsdk.testkit.EkranSimulator;

/**
 * Connect finds an offset only under the same serialized partition, so a partition's key order must be
 * the same in every JVM (a restarted worker is a new JVM) and the one Connect itself writes when it
 * reads a partition back ({@code GET /connectors/NAME/offsets}). Checked with Connect's own converters
 * and offset file, across processes.
 */
class PartitionKeyOrderTest {
    private static final String ENDPOINT = "https://panel.example:8443/";

    @Test
    void aPartitionIsTheSameBytesInEveryJvm() throws Exception {
        String here = base64(keyBytes(SessionSourceTask.partition("ekran", ENDPOINT, "sessions")));
        List<String> there = new ArrayList<>();
        for (int jvm = 0; jvm < 4; jvm++) {
            there.add(lineOf(child("bytes", "ekran", ENDPOINT, "sessions"), "BYTES "));
        }
        assertThat(there).as("the partition's bytes in four other JVMs").containsOnly(here);
    }

    @Test
    void connectsReadBackOfAPartitionFindsItAgain() {
        for (String stream : List.of("sessions", "audit")) {
            Map<String, Object> partition = SessionSourceTask.partition("saymon", ENDPOINT, stream);
            byte[] written = keyBytes(partition);
            // GET /offsets: the stored key is read back (into Connect's own map) and serialized again
            SchemaAndValue read = ConnectOffsetFile.converter(true).toConnectData("c", written);
            byte[] again = ConnectOffsetFile.converter(true).fromConnectData("c", null, read.value());
            assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(new String(written, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aTaskInANewJvmResumesWhereAWorkerInAnotherStoppedAndRestShowsTheOffsets(@TempDir Path dir) throws Exception {
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withAlerts(0)
                .withScenario(SessionSourceTaskTest.HISTORY)) {
            Map<String, String> p = SessionSourceTaskTest.props(sim, "record");
            Path file = dir.resolve("offsets.dat");
            Path props = dir.resolve("task.properties");
            Properties out = new Properties();
            out.putAll(p);
            try (Writer w = Files.newBufferedWriter(props, StandardCharsets.UTF_8)) {
                out.store(w, null);
            }
            Process first = child("follow", file.toString(), props.toString(), "5");
            List<String> delivered = lines(first, "DELIVERED ");
            assertThat(delivered).hasSize(5);

            try (ConnectOffsetFile offsets = new ConnectOffsetFile(file, "c")) {
                Map<Map<String, Object>, Map<String, Object>> rest = offsets.restView();
                assertThat(rest).hasSize(2);
                assertThat(rest.values()).as("GET /offsets shows a checkpoint for every partition")
                        .allSatisfy(o -> {
                            assertThat(o).isNotNull();
                            Checkpoint.parse((String) o.get(SessionSourceTask.OFFSET_CHECKPOINT));
                        });
                assertThat(drain(p, offsets)).as("records delivered again by the task in this JVM").isEmpty();
            }
        }
    }

    @Test
    void offsetsAnOlderReleaseStoredInAnotherKeyOrderAreFoundTheCurrentOrderFirst(@TempDir Path dir) throws Exception {
        Map<String, Object> partition = SessionSourceTask.partition("ekran", new NamedEndpoint("panel-7", ENDPOINT), "audit");
        List<Map<String, Object>> forms = SourcePartitions.forms(partition, SessionSourceTask.PARTITION_NAME);
        // the current form, then the six key orders of the shape without a name that older releases wrote
        assertThat(forms).hasSize(7);
        assertThat(forms.get(0)).isSameAs(partition);
        assertThat(forms.subList(1, 7)).allSatisfy(f -> assertThat(f).doesNotContainKey("name").hasSize(3));
        assertThat(forms.stream().map(f -> List.copyOf(f.keySet()))).doesNotHaveDuplicates();
        assertThat(SourcePartitions.forms(SessionSourceTask.partition("ekran", ENDPOINT, "audit"))).hasSize(24);
        try (ConnectOffsetFile offsets = new ConnectOffsetFile(dir.resolve("o.dat"), "c")) {
            offsets.put(forms.get(3), offset(200));
            offsets.put(forms.get(5), offset(100));
            assertThat(found(offsets.reader(), partition)).as("the furthest along of the older orders").isEqualTo(200);
            offsets.put(partition, offset(50));
            assertThat(found(offsets.reader(), partition)).as("this release's own order wins").isEqualTo(50);
        }
    }

    @Test
    void partitionKeysAreInTheOrderConnectReadsThemBack() {
        assertThat(List.copyOf(SessionSourceTask.partition("ekran", ENDPOINT, "audit").keySet()))
                .containsExactly("endpoint", "stream", "vendor", "name");
        Map<String, Object> legacy = new LinkedHashMap<>();
        legacy.put("vendor", "ekran");
        legacy.put("stream", "audit");
        legacy.put("endpoint", ENDPOINT);
        assertThat(new String(keyBytes(legacy), StandardCharsets.UTF_8))
                .isNotEqualTo(new String(keyBytes(SessionSourceTask.partition("ekran", ENDPOINT, "audit")), StandardCharsets.UTF_8));
    }

    private static long found(OffsetStorageReader reader, Map<String, Object> partition) {
        String text = SourcePartitions.storedCheckpoints(reader, List.of(partition), SessionSourceTask.OFFSET_CHECKPOINT,
                SessionSourceTask.PARTITION_NAME).get(partition);
        return TestCheckpoints.number(Checkpoint.parse(text), "since");
    }

    private static Map<String, Object> offset(long since) {
        return Map.of(SessionSourceTask.OFFSET_CHECKPOINT, TestCheckpoints.of("ekran/audit/windows", Map.of("since", since)).toString());
    }

    static byte[] keyBytes(Map<String, Object> partition) {
        JsonConverter keys = ConnectOffsetFile.converter(true);
        return keys.fromConnectData("c", null, List.of("c", partition));
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    /** Polls a task on the offset file until ten polls in a row brought nothing; commits what came. */
    private static List<SourceRecord> drain(Map<String, String> p, ConnectOffsetFile offsets) throws Exception {
        SessionSourceTask task = started(p, offsets);
        List<SourceRecord> out = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            for (int quiet = 0; quiet < 10 && System.nanoTime() < deadline; ) {
                List<SourceRecord> got = task.poll();
                if (got == null || got.isEmpty()) {
                    quiet++;
                } else {
                    quiet = 0;
                    offsets.commit(got);
                    out.addAll(got);
                }
            }
        } finally {
            task.stop();
        }
        return out;
    }

    static SessionSourceTask started(Map<String, String> p, ConnectOffsetFile offsets) {
        return SessionSourceTaskTest.started(p, offsets.reader());
    }

    private static Process child(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                OffsetsChild.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        return p;
    }

    private static String lineOf(Process p, String prefix) throws Exception {
        List<String> l = lines(p, prefix);
        assertThat(l).hasSize(1);
        return l.get(0);
    }

    private static List<String> lines(Process p, String prefix) throws Exception {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(prefix)) {
                    out.add(line.substring(prefix.length()));
                }
            }
        }
        assertThat(p.waitFor()).as("the child JVM's exit").isZero();
        return out;
    }
}
