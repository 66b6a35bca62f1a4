package org.sessionsdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.sessionsdk.benchmarks.support.LoopbackServer;
import org.sessionsdk.benchmarks.support.SdkClient;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BenchVendors;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;

/**
 * Target 4, memory: a session feed of the feed memory vendor ({@link BenchVendors#feedMemory()}:
 * senhasegura) polls a list of {@code rows} rows (generated on the fly by a loopback server, chunked,
 * never held; one in ten still open) twice, in a JVM started with a heap
 * far smaller than the list's records would take: the first poll reports what is open now, the second
 * finds nothing changed. A plain {@code main}: {@code FeedMemoryCheck ROWS OUT.json}.
 */
public final class FeedMemoryCheck {
    private FeedMemoryCheck() {
    }

    public static void main(String[] args) throws Exception {
        String json = run(Integer.parseInt(args[0]));
        System.out.println(json);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), json + "\n", StandardCharsets.UTF_8);
        }
    }

    /** {@return the result as one JSON object} Polls twice as described above. */
    public static String run(int rows) throws Exception {
        String json;
        BenchVendor vendor = BenchVendors.feedMemory();
        try (LoopbackServer server = LoopbackServer.generating(vendor.wire(), rows);
             SdkClient client = SdkClient.create(vendor, server.endpoint());
             Feed<SessionChange> feed = client.sessionFeed(FeedOptions.builder().pollInterval(Duration.ofMillis(1))
                     .build())) {
            long t0 = System.nanoTime();
            FeedBatch<SessionChange> first = feed.poll(Duration.ofSeconds(1));
            long t1 = System.nanoTime();
            FeedBatch<SessionChange> second = feed.poll(Duration.ofSeconds(1));
            long t2 = System.nanoTime();
            long expectedOpen = (rows + 9) / 10;
            if (first.items().size() != expectedOpen || !second.items().isEmpty()) {
                throw new IllegalStateException("first poll " + first.items().size() + " changes (expected " + expectedOpen
                        + "), second " + second.items().size() + " (expected 0)");
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            json = String.format(Locale.ROOT, "{\"rows\":%d,\"open\":%d,\"bytes\":%d,\"firstPollSeconds\":%.3f,"
                            + "\"unchangedPollSeconds\":%.3f,\"checkpointChars\":%d,\"peakHeapBytes\":%d,\"maxHeapBytes\":%d,"
                            + "\"ok\":true}", rows, expectedOpen, server.bytesSent(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    second.checkpoint().toString().length(), peak, Runtime.getRuntime().maxMemory());
        }
        return json;
    }
}
