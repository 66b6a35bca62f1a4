package org.sessionsdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sessionsdk.benchmarks.fleet.FleetCpuPerPoll;
import org.sessionsdk.benchmarks.vendor.BareClient;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BenchVendors;

/**
 * The one table of issue 32's targets, from what {@code run.sh} left in its result directory
 * ({@code sidebyside.jsonl}, {@code fleet.json}, {@code memory-*.json}, {@code feed-memory.json}): every
 * target on a row of its own with the measured value, the ~95% interval of the median where it is a
 * ratio of alternating rounds, the target, and a verdict: met; "MISS (within noise)" when the median
 * misses but its interval reaches the target; MISS; "not run" or "failed" when there is no measurement
 * (never a silently absent row). A measurement made below the target's scale (a smoke run) says so.
 */
final class IssueThirtyTwoReport {
    /** Endpoints of the fleet target. */
    static final int FLEET_ENDPOINTS = 10_000;
    /** Issue 32's fleet limits. */
    static final double LAG_P99_MS = 1000;
    static final int THREADS = 32;
    static final double HEAP_MIB = 512;
    static final double CORES = 1;
    /** Issue 32's ratio targets. */
    static final double CPU_PER_POLL = 1.20;
    static final double PER_CALL = 1.05;
    static final double CONCURRENCY = 1.00;
    static final double PARSE = 1.00;
    /** Bytes the memory target streams per vendor, and its heap. */
    static final long MEMORY_BYTES = 256L * 1024 * 1024;
    static final double MEMORY_HEAP_MIB = 64;
    static final double FEED_HEAP_MIB = 32;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MIB = 1024 * 1024;

    private final StringBuilder out = new StringBuilder();
    private final List<JsonNode> ratios = new ArrayList<>();
    private int met;
    private int missed;
    private int absent;

    private IssueThirtyTwoReport() {
    }

    static String render(Path dir) throws IOException {
        IssueThirtyTwoReport r = new IssueThirtyTwoReport();
        r.ratios.addAll(RoundTwoReport.sideBySide(dir));
        return r.table(dir);
    }

    private String table(Path dir) throws IOException {
        line("## Issue 32 targets");
        line("");
        line("Ratios: median of per-round ratios of two sides measured in alternating rounds in one JVM, "
                + "[~95% interval of that median]. A miss whose interval reaches the target is a MISS (within noise).");
        line("");
        line("| # | target | measured | interval | wanted | verdict |");
        line("|---|---|---:|---|---|---|");

        BenchVendor perCallVendor = BenchVendors.perCall();
        JsonNode conc = find("concurrency 256 x " + perCallVendor.name());
        ratioRow("1", "256 concurrent listAsync vs bare sendAsync (" + perCallVendor.name() + ", same pool size), "
                + "throughput SDK / bare", conc, CONCURRENCY, true, "");
        JsonNode direct = find("concurrency 256 x " + perCallVendor.name() + ", direct completion");
        if (direct != null) {
            ratioRow("1", "the same with asyncExecutor(Runnable::run): answers parsed and futures completed on the "
                    + "SDK's HTTP threads, as the bare side's are on its client's executor", direct, CONCURRENCY, true, "");
        }

        fleetRows(read(dir.resolve("fleet.json")), text(dir.resolve("fleet.json")));
        JsonNode cpu = find(FleetCpuPerPoll.NAME);
        String cpuScale = cpu == null ? "" : String.format(Locale.ROOT, "; %,d endpoints every %d s, %d rounds of %d s, "
                        + "bare %.0f µs, SDK %.0f µs CPU/poll, failures %d/%d, load %s",
                cpu.path("endpoints").asInt(), cpu.path("intervalSeconds").asInt(), cpu.path("rounds").asInt(),
                cpu.path("roundSeconds").asInt(), cpu.path("aUs").asDouble(), cpu.path("bUs").asDouble(),
                cpu.path("failuresSdk").asLong(), cpu.path("failuresBare").asLong(), cpu.path("load").asText());
        ratioRow("2", "fleet CPU per poll, SDK / bare loop (same endpoints, same requests, hand-written parse and diff)",
                cpu, CPU_PER_POLL, false, cpuScale);

        for (BenchVendor v : BenchVendors.all()) {
            JsonNode c = find("per call " + v.name() + " list()");
            if (c != null || hasBareClient(v)) {
                ratioRow("3", "per call " + v.name() + ": list() of 10 records, SDK / bare HttpClient", c, PER_CALL,
                        false, "");
            }
        }

        for (BenchVendor v : BenchVendors.all()) {
            ratioRow("4", "parse " + v.name() + ": stream() vs the hand-written loop, hand / SDK",
                    find("parse " + v.name() + " vs hand-written"), PARSE, true, "");
        }
        for (BenchVendor v : BenchVendors.all()) {
            if (v.wire().contentType().toLowerCase(Locale.ROOT).contains("xml")) {
                // an XML vendor's hand-written loop is itself a plain StAX loop (XMLStreamReader into the
                // same records), so it is that comparison unless a run named a separate one
                JsonNode stax = findStax(v);
                ratioRow("4", "parse " + v.name() + ": stream() vs a plain StAX loop"
                                + (stax == null ? " (its hand-written loop: XMLStreamReader into the same records)" : "")
                                + ", StAX / SDK", stax != null ? stax : find("parse " + v.name() + " vs hand-written"),
                        PARSE, true, "");
            }
        }

        for (BenchVendor v : BenchVendors.all()) {
            memoryRow(v, dir.resolve("memory-" + v.name() + ".json"));
        }
        feedMemoryRow(dir.resolve("feed-memory.json"));

        line("");
        line(met + " issue-32 targets met, " + missed + " missed, " + absent + " without a measurement.");
        return out.toString();
    }

    private void fleetRows(JsonNode f, String failure) {
        String what = "fleet, " + String.format(Locale.ROOT, "%,d", FLEET_ENDPOINTS) + " endpoints every 10 s for "
                + "10 min: ";
        if (f == null) {
            String why = failure == null ? "not run" : "failed: " + failure;
            for (String t : List.of("start lag p99", "live threads", "heap", "CPU cores", "failed polls")) {
                absentRow("2", what + t, why);
            }
            return;
        }
        int endpoints = f.path("endpoints").asInt();
        double minutes = f.path("seconds").asDouble() / 60;
        String scale = endpoints >= FLEET_ENDPOINTS && minutes >= 9.9 && f.path("intervalSeconds").asInt(10) <= 10 ? ""
                : String.format(Locale.ROOT, " (ran %,d endpoints every %d s for %.1f min: below the target's scale)",
                endpoints, f.path("intervalSeconds").asInt(), minutes);
        String load = f.has("load") ? "; load " + f.get("load").asText() : "";
        double lag = f.path("lagP99Ms").asDouble();
        row("2", what + "start lag p99", String.format(Locale.ROOT, "%.0f ms (p50 %.0f, max %.0f; p99 from the "
                        + "second minute on %.0f)%s", lag, f.path("lagP50Ms").asDouble(), f.path("lagMaxMs").asDouble(),
                f.path("laterLagP99Ms").asDouble(), load), "", "< 1000 ms",
                lag < LAG_P99_MS, scale);
        int threads = f.path("threadsMax").asInt();
        row("2", what + "live threads", threads + " " + f.path("threadNames").asText(), "", "<= " + THREADS,
                threads <= THREADS, scale);
        double heap = f.path("heapMaxMb").asDouble() * 1e6 / MIB;
        double limit = f.path("heapLimitMb").asDouble() * 1e6 / MIB;
        row("2", what + "heap", String.format(Locale.ROOT, "%.0f MiB used at most, -Xmx %.0f MiB", heap, limit), "",
                "<= 512 MiB (-Xmx512m)", heap <= HEAP_MIB && limit <= HEAP_MIB + 1, scale);
        double cores = f.path("cpuCores").asDouble();
        row("2", what + "CPU cores", String.format(Locale.ROOT, "%.2f (servers' process: %.2f)", cores,
                f.path("serverCpuCores").asDouble(-1)), "", "< 1", cores < CORES, scale);
        long failures = f.path("failures").asLong();
        row("2", what + "failed polls", String.format(Locale.ROOT, "%d of %,d", failures, f.path("polls").asLong()), "",
                "0", failures == 0, scale);
    }

    private void memoryRow(BenchVendor v, Path f) throws IOException {
        String what = "memory " + v.name() + ": 256 MiB through stream() in -Xmx64m";
        JsonNode m = read(f);
        if (m == null) {
            String t = text(f);
            absentRow("5", what, t == null ? "not run" : "failed: " + t);
            return;
        }
        long bytes = m.path("bytes").asLong();
        double heap = m.path("maxHeapBytes").asLong() / MIB;
        String scale = bytes >= MEMORY_BYTES ? "" : String.format(Locale.ROOT,
                " (streamed %.0f MiB: below the target's 256 MiB)", bytes / MIB);
        row("5", what, String.format(Locale.ROOT, "%,.0f MiB, %,d records in %.1f s, heap peak %.1f of %.0f MiB",
                        bytes / MIB, m.path("records").asLong(), m.path("seconds").asDouble(),
                        m.path("peakHeapBytes").asLong() / MIB, heap), "", "completes",
                m.path("ok").asBoolean() && heap <= MEMORY_HEAP_MIB + 1, scale);
    }

    private void feedMemoryRow(Path f) throws IOException {
        String what = "feed memory: a " + BenchVendors.feedMemory().name() + " feed in -Xmx32m";
        JsonNode m = read(f);
        if (m == null) {
            String t = text(f);
            absentRow("5", what, t == null ? "not run" : "failed: " + t);
            return;
        }
        double heap = m.path("maxHeapBytes").asLong() / MIB;
        row("5", what, String.format(Locale.ROOT, "%,d rows, %.1f MB a poll, heap %.0f MiB, first poll %.2f s",
                        m.path("rows").asLong(), m.path("bytes").asLong() / 2 / 1e6, heap,
                        m.path("firstPollSeconds").asDouble()), "", "completes",
                m.path("ok").asBoolean() && heap <= FEED_HEAP_MIB + 1, "");
    }

    private void ratioRow(String n, String what, JsonNode r, double target, boolean atLeast, String note) {
        String wanted = (atLeast ? ">= " : "<= ") + String.format(Locale.ROOT, "%.2f", target);
        if (r == null) {
            absentRow(n, what, "not run (or failed: see the run's .err files)");
            return;
        }
        double m = r.get("ratio").asDouble();
        double lo = r.get("low").asDouble();
        double hi = r.get("high").asDouble();
        boolean ok = atLeast ? m >= target : m <= target;
        boolean reach = atLeast ? hi >= target : lo <= target;
        String verdict = ok ? "met" : reach ? "**MISS (within noise)**" : "**MISS**";
        count(ok);
        line("| " + n + " | " + what + note + " | " + String.format(Locale.ROOT, "%.3f", m) + " | "
                + String.format(Locale.ROOT, "[%.3f, %.3f] (%d rounds)", lo, hi, r.path("rounds").asInt()) + " | "
                + wanted + " | " + verdict + " |");
    }

    private void row(String n, String what, String measured, String interval, String wanted, boolean ok, String scale) {
        count(ok);
        line("| " + n + " | " + what + " | " + measured + " | " + interval + " | " + wanted + " | "
                + (ok ? "met" : "**MISS**") + scale + " |");
    }

    private void absentRow(String n, String what, String why) {
        absent++;
        line("| " + n + " | " + what + " | - | - | | **" + why.replace('|', '/') + "** |");
    }

    private void count(boolean ok) {
        if (ok) {
            met++;
        } else {
            missed++;
        }
    }

    private JsonNode find(String name) {
        for (JsonNode n : ratios) {
            if (n.path("name").asText().equals(name)) {
                return n;
            }
        }
        return null;
    }

    /** A parse comparison with a plain StAX loop: named {@code parse VENDOR vs ...StAX...}. */
    private JsonNode findStax(BenchVendor v) {
        for (JsonNode n : ratios) {
            String name = n.path("name").asText();
            if (name.startsWith("parse " + v.name() + " vs ") && name.toLowerCase(Locale.ROOT).contains("stax")) {
                return n;
            }
        }
        return null;
    }

    private static boolean hasBareClient(BenchVendor v) {
        try (BareClient c = v.bareClient(URI.create("http://127.0.0.1:9"), null).orElse(null)) {
            return c != null;
        }
    }

    private static JsonNode read(Path f) throws IOException {
        String t = text(f);
        return t != null && t.startsWith("{") ? JSON.readTree(t) : null;
    }

    /** {@return the file's text, trimmed, or null if there is no such file or it is empty} */
    private static String text(Path f) throws IOException {
        if (!Files.exists(f)) {
            return null;
        }
        String t = Files.readString(f).trim().replace('\n', ' ');
        return t.isEmpty() ? null : t;
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
