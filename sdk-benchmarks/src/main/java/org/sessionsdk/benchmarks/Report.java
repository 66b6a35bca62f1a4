package org.sessionsdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.sessionsdk.benchmarks.support.GeneratedBody;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BenchVendors;

/**
 * Reads the JMH result file and the memory-check results and prints the ratio table (Markdown) with
 * the targets of issue 7, then issue 22's tables ({@link RoundTwoReport}) and, last, the one table of
 * issue 32's targets ({@link IssueThirtyTwoReport}). Usage: {@code Report <jmh.json> <dir with memory-*.json> <jmh settings>}.
 * Also writes {@code table.md} next to the JMH file. Exit status 0 even when a target is missed:
 * the table says which.
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** benchmark short name ("ParseBenchmark.sdk") + the vendor parameter, lower-case (":ekran") -> [score, error]. */
    private final Map<String, double[]> scores = new HashMap<>();
    private final Map<String, String> units = new HashMap<>();
    private final StringBuilder out = new StringBuilder();
    private int misses;
    private int parseRecords = 1_000_000;

    public static void main(String[] args) throws IOException {
        Path jmh = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        String settings = args.length > 2 ? args[2] : "";
        Report r = new Report();
        r.load(jmh);
        String table = r.render(dir, settings) + "\n" + RoundTwoReport.render(dir) + "\n"
                + IssueThirtyTwoReport.render(dir);
        System.out.println(table);
        Files.writeString(jmh.resolveSibling("table.md"), table, StandardCharsets.UTF_8);
    }

    private void load(Path jmh) throws IOException {
        if (!Files.exists(jmh)) {
            return;
        }
        for (JsonNode n : JSON.readTree(jmh.toFile())) {
            String name = n.get("benchmark").asText();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode params = n.get("params");
            String key = name + (params != null && params.has("vendor")
                    ? ":" + params.get("vendor").asText().toLowerCase(Locale.ROOT) : "");
            if (params != null && params.has("records") && name.startsWith("ParseBenchmark")) {
                parseRecords = params.get("records").asInt();
            }
            JsonNode m = n.get("primaryMetric");
            scores.put(key, new double[] {m.get("score").asDouble(), m.get("scoreError").asDouble()});
            units.put(key, m.get("scoreUnit").asText());
        }
    }

    private String render(Path dir, String settings) throws IOException {
        line("Run: " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")) + "; "
                + Runtime.getRuntime().availableProcessors() + " CPUs; " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + "; " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        line("JMH settings: " + (settings.isBlank() ? "(as annotated)" : settings));
        line("");
        line("Ratios are speed relative to the baseline: >1 means the SDK is faster. "
                + "Per call is time SDK / time baseline: <1 means the SDK is faster. Errors are JMH's 99.9% intervals.");
        line("");

        line(String.format(Locale.ROOT, "### 1. Streaming parse of %,d records, bytes held in memory (time per whole response)",
                parseRecords));
        line("");
        line("| vendor | body | SDK stream() ms | hand-written ms | naive ms | SDK vs hand-written (>= 0.90) | SDK vs naive (>= 1.50) |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        for (BenchVendor v : BenchVendors.all()) {
            double[] sdk = scores.get("ParseBenchmark.sdk:" + v.name());
            double[] hand = scores.get("ParseBenchmark.handWritten:" + v.name());
            double[] naive = scores.get("ParseBenchmark.naive:" + v.name());
            if (sdk == null && hand == null && naive == null) {
                continue;
            }
            line("| " + v.name() + " | " + bodySize(v) + " | " + ms(sdk) + " | " + ms(hand) + " | " + ms(naive) + " | "
                    + verdict(hand, sdk, 0.90, true) + " | " + verdict(naive, sdk, 1.50, true) + " |");
        }
        line("");

        line("### 2. Memory: ~1 GB generated on the fly by a loopback server, streamed in a -Xmx64m JVM");
        line("");
        line("| vendor | records | bytes | requests | time s | records/s | MB/s | peak heap (sum of pool peaks) | heap after GC | target: completes |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (BenchVendor v : BenchVendors.all()) {
            Path f = dir.resolve("memory-" + v.name() + ".json");
            if (!Files.exists(f)) {
                continue;
            }
            String text = Files.readString(f).trim();
            if (text.isEmpty() || !text.startsWith("{")) {
                misses++;
                line("| " + v.name() + " | | | | | | | | | **MISS**: " + text.replace('\n', ' ') + " |");
                continue;
            }
            JsonNode m = JSON.readTree(text);
            line(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f | %,.0f | %.0f | %.1f MB of %.0f MB | %.1f MB | %s |",
                    v.name(), m.get("records").asLong(), m.get("bytes").asLong(), m.get("requests").asLong(),
                    m.get("seconds").asDouble(), m.get("recordsPerSecond").asDouble(), m.get("mbPerSecond").asDouble(),
                    m.get("peakHeapBytes").asLong() / 1048576.0, m.get("maxHeapBytes").asLong() / 1048576.0,
                    m.get("heapAfterGcBytes").asLong() / 1048576.0, m.get("ok").asBoolean() ? "met" : "**MISS**"));
        }
        line("");

        String perCall = BenchVendors.perCall().displayName();
        line("### 3. Per call: " + perCall + " list() of 10 records over loopback");
        line("");
        line("| SDK list() µs | bare HttpClient + Jackson µs | SDK / bare (<= 1.10) |");
        line("|---:|---:|---:|");
        double[] sdkCall = scores.get("PerCallBenchmark.sdkList");
        double[] bareCall = scores.get("PerCallBenchmark.bareHttpClient");
        if (sdkCall != null || bareCall != null) {
            line("| " + num(sdkCall) + " | " + num(bareCall) + " | " + verdict(sdkCall, bareCall, 1.10, false) + " |");
        }
        line("");

        line("### 4. Concurrency: 256 concurrent " + perCall + " calls (10 records each) on one shared client");
        line("");
        line("| SDK listAsync ms / 256 calls | bare sendAsync ms / 256 calls | SDK calls/s | bare calls/s | all succeeded | SDK vs bare throughput (>= 0.90) |");
        line("|---:|---:|---:|---:|---|---:|");
        double[] sdkConc = scores.get("ConcurrencyBenchmark.sdkListAsync");
        double[] bareConc = scores.get("ConcurrencyBenchmark.bareSendAsync");
        if (sdkConc != null || bareConc != null) {
            line("| " + num(sdkConc) + " | " + num(bareConc) + " | " + perSecond(sdkConc) + " | " + perSecond(bareConc)
                    + " | " + (sdkConc != null ? "yes (every iteration checks 256 x 10 records)" : "**no result**")
                    + " | " + verdict(bareConc, sdkConc, 0.90, true) + " |");
        }
        line("");
        line(misses == 0 ? "All targets met." : misses + " target(s) missed; see docs/benchmarks.md for the analysis.");
        return out.toString();
    }

    /** ratio = a / b; target is a lower bound when atLeast, else an upper bound. */
    private String verdict(double[] a, double[] b, double target, boolean atLeast) {
        if (a == null || b == null) {
            misses++;
            return "**no result**";
        }
        double r = a[0] / b[0];
        boolean ok = atLeast ? r >= target : r <= target;
        if (!ok) {
            misses++;
        }
        return String.format(Locale.ROOT, "%.2fx %s", r, ok ? "met" : "**MISS**");
    }

    private static String ms(double[] s) {
        return s == null ? "-" : String.format(Locale.ROOT, "%,.0f ± %,.0f", s[0], s[1]);
    }

    private static String num(double[] s) {
        return s == null ? "-" : String.format(Locale.ROOT, "%,.1f ± %,.1f", s[0], s[1]);
    }

    private static String perSecond(double[] msPer256) {
        return msPer256 == null ? "-" : String.format(Locale.ROOT, "%,.0f", 256 / (msPer256[0] / 1000));
    }

    private String bodySize(BenchVendor v) {
        try (GeneratedBody g = new GeneratedBody(v.wire(), 0, parseRecords)) {
            g.transferTo(java.io.OutputStream.nullOutputStream());
            return String.format(Locale.ROOT, "%.1f MB", g.bytesServed() / 1e6);
        } catch (IOException e) {
            return "?";
        }
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
