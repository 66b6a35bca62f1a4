package org.sessionsdk.kafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A second JVM for {@link PartitionKeyOrderTest}: what a worker restarted in a new process does.
 *
 * <p>{@code bytes VENDOR ENDPOINT STREAM} prints the partition as Connect's offset store keys it
 * (base64). {@code follow OFFSETS PROPS N} runs a task on a standalone worker's offset file until it
 * delivered N records, commits their offsets as the worker does, prints {@code DELIVERED key} per
 * record and exits.
 */
public final class OffsetsChild {
    private OffsetsChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("bytes")) {
            byte[] key = ConnectOffsetFile.converter(true).fromConnectData("c", null,
                    List.of("c", SessionSourceTask.partition(args[1], args[2], args[3])));
            System.out.println("BYTES " + Base64.getEncoder().encodeToString(key));
            return;
        }
        Properties props = new Properties();
        props.load(Files.newBufferedReader(Path.of(args[2]), StandardCharsets.UTF_8));
        Map<String, String> p = new HashMap<>();
        props.forEach((k, v) -> p.put(k.toString(), v.toString()));
        int expected = Integer.parseInt(args[3]);
        try (ConnectOffsetFile offsets = new ConnectOffsetFile(Path.of(args[1]), "c")) {
            SessionSourceTask task = PartitionKeyOrderTest.started(p, offsets);
            List<SourceRecord> got = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            try {
                while (got.size() < expected && System.nanoTime() < deadline) {
                    List<SourceRecord> batch = task.poll();
                    if (batch != null) {
                        offsets.commit(batch);
                        got.addAll(batch);
                    }
                }
            } finally {
                task.stop();
            }
            for (SourceRecord r : got) {
                System.out.println("DELIVERED " + r.key());
            }
        }
    }
}
