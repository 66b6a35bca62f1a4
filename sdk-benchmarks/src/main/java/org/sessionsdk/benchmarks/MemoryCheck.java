package org.sessionsdk.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.sessionsdk.benchmarks.support.LoopbackServer;
import org.sessionsdk.benchmarks.support.SdkClient;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BenchVendors;

/**
 * Item 2 (not JMH): streams about {@code bytes} of one vendor's list response, generated on the fly by
 * a loopback server in this JVM, through the client's public {@code stream()}, and reports records,
 * throughput and heap. Meant to run in a JVM with a small heap, e.g.
 * {@code java -Xmx64m -cp benchmarks.jar org.sessionsdk.benchmarks.MemoryCheck ekran 1073741824 out.json}.
 * A vendor that pages (SAYMON) pages with its default page size (500). Exit status 0 only when every
 * record arrived.
 */
public final class MemoryCheck {
    /** Records per request, where the vendor's list call pages (SAYMON's default). */
    public static final int PAGE_SIZE = 500;

    private MemoryCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MemoryCheck <" + BenchVendors.names("|") + "> <bytes> [result.json]");
            System.exit(2);
        }
        BenchVendor vendor = BenchVendors.named(args[0]);
        long bytes = Long.parseLong(args[1]);
        String json = run(vendor, bytes);
        System.out.println(json);
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), json + "\n", StandardCharsets.UTF_8);
        }
    }

    /** Runs the check and returns its result as one JSON object. */
    public static String run(BenchVendor vendor, long bytes) throws Exception {
        int records = (int) Math.min(Integer.MAX_VALUE - 1, Math.ceil(bytes / vendor.wire().bytesPerRecord()));
        long count = 0;
        long start;
        long elapsed;
        long sent;
        int requests;
        try (LoopbackServer server = LoopbackServer.generating(vendor.wire(), records);
             SdkClient client = SdkClient.create(vendor, server.endpoint())) {
            start = System.nanoTime();
            try (Stream<?> s = client.stream(PAGE_SIZE, 0)) {
                Iterator<?> it = s.iterator();
                while (it.hasNext()) {
                    if (it.next() == null) {
                        throw new IllegalStateException("null record");
                    }
                    count++;
                }
            }
            elapsed = System.nanoTime() - start;
            sent = server.bytesSent();
            requests = server.requests();
        }
        if (count != records) {
            throw new IllegalStateException(vendor.name() + ": streamed " + count + " records, expected " + records);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        StringJoiner gcs = new StringJoiner(", ");
        long gcCount = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(gc.getName());
            gcCount += Math.max(0, gc.getCollectionCount());
        }
        System.gc();
        long afterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        double seconds = elapsed / 1e9;
        return String.format(Locale.ROOT, "{\"vendor\":\"%s\",\"records\":%d,\"bytes\":%d,\"requests\":%d,"
                        + "\"seconds\":%.3f,\"recordsPerSecond\":%.0f,\"mbPerSecond\":%.1f,\"peakHeapBytes\":%d,"
                        + "\"maxHeapBytes\":%d,\"heapAfterGcBytes\":%d,\"gcCount\":%d,\"gc\":\"%s\",\"ok\":true}",
                vendor.name(), count, sent, requests, seconds, count / seconds, sent / 1e6 / seconds, peak,
                Runtime.getRuntime().maxMemory(), afterGc, gcCount, gcs);
    }
}
