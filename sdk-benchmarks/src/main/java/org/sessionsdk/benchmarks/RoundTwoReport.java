package org.sessionsdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BenchVendors;

/**
 * The tables of issue 22's targets, from what {@code run.sh} left in its result directory: the
 * side-by-side ratios ({@code sidebyside.jsonl}), the feed memory check (senhasegura's)
 * ({@code feed-memory.json}) and the fleet run ({@code fleet.json}). A ratio's verdict: met when its
 * median meets the target; "MISS (within noise)" when the median misses but its ~95% interval reaches
 * the target; MISS otherwise.
 */
final class RoundTwoReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringBuilder out = new StringBuilder();
    private final List<JsonNode> ratios = new ArrayList<>();
    private int met;
    private int missed;

    private RoundTwoReport() {
    }

    /**
     * {@return the side-by-side results {@code run.sh} left in {@code dir} ({@code sidebyside.jsonl}, one
     * JSON object a line), none when it has none}
     *
     * @param dir the result directory
     * @throws IOException if the file cannot be read
     */
    static List<JsonNode> sideBySide(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        Path f = dir.resolve("sidebyside.jsonl");
        if (Files.exists(f)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("{")) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    static String render(Path dir) throws IOException {
        RoundTwoReport r = new RoundTwoReport();
        r.ratios.addAll(sideBySide(dir));
        return r.renderTables(dir);
    }

    private String renderTables(Path dir) throws IOException {
        line("## Issue 22 targets (side by side, alternating rounds in one JVM; medians, ~95% interval of the median ratio)");
        line("");
        line("### T1. Parse, 200,000 records held in memory: SDK stream() vs the hand-written loop (>= 1.00) and naive binding");
        line("");
        line("| vendor | SDK ms | hand-written ms | hand / SDK (>= 1.00) | naive ms | naive / SDK |");
        line("|---|---:|---:|---:|---:|---:|");
        for (String v : BenchVendors.all().stream().map(BenchVendor::name).toList()) {
            JsonNode hand = find("parse " + v + " vs hand-written");
            JsonNode naive = find("parse " + v + " vs naive");
            if (hand == null && naive == null) {
                continue;
            }
            line("| " + v + " | " + ms(hand, "aUs") + " | " + ms(hand, "bUs") + " | " + verdict(hand, 1.0, true) + " | "
                    + ms(naive, "bUs") + " | " + ratio(naive) + " |");
        }
        line("");
        line("### T2. Per call: list() of 10 records over loopback vs a bare HttpClient call (<= 1.05)");
        line("");
        line("| vendor | bare µs | SDK µs | SDK / bare (<= 1.05) |");
        line("|---|---:|---:|---:|");
        // only the vendors with a bare-client baseline have a per-call result
        for (String v : BenchVendors.all().stream().map(BenchVendor::name).toList()) {
            JsonNode c = find("per call " + v + " list()");
            if (c != null) {
                line("| " + v + " | " + us(c, "aUs") + " | " + us(c, "bUs") + " | " + verdict(c, 1.05, false) + " |");
            }
        }
        line("");
        BenchVendor perCall = BenchVendors.perCall();
        line("### T3. Concurrency: 256 concurrent " + perCall.displayName()
                + " calls on one client, same pool sizes on both sides (>= 1.00)");
        line("");
        line("| SDK ms / 256 calls | bare ms / 256 calls | SDK throughput / bare (>= 1.00) |");
        line("|---:|---:|---:|");
        JsonNode conc = find("concurrency 256 x " + perCall.name());
        if (conc != null) {
            line("| " + ms(conc, "aUs") + " | " + ms(conc, "bUs") + " | " + verdict(conc, 1.0, true) + " |");
        }
        line("");
        String feedMemory = BenchVendors.feedMemory().name();
        line("### T4. Feeds: a poll of an unchanged source vs one list() (<= 1.20), and a 100,000-row " + feedMemory
                + " poll");
        line("");
        line("| vendor | list() µs | poll µs | poll / list (<= 1.20) |");
        line("|---|---:|---:|---:|");
        for (String v : BenchVendors.all().stream().map(BenchVendor::name).toList()) {
            JsonNode c = find("feed poll " + v + " (unchanged)");
            if (c != null) {
                line("| " + v + " | " + us(c, "aUs") + " | " + us(c, "bUs") + " | " + verdict(c, 1.2, false) + " |");
            }
        }
        line("");
        JsonNode mem = read(dir.resolve("feed-memory.json"));
        if (mem != null) {
            boolean ok = mem.path("ok").asBoolean();
            count(ok);
            line(String.format(Locale.ROOT, "%s feed, %,d rows (%,d open), %.1f MB per poll, in a %.0f MB heap: "
                            + "first poll %.2f s, unchanged poll %.2f s, checkpoint %,d chars: %s", feedMemory,
                    mem.get("rows").asLong(),
                    mem.get("open").asLong(), mem.get("bytes").asLong() / 2 / 1e6, mem.get("maxHeapBytes").asLong() / 1048576.0,
                    mem.get("firstPollSeconds").asDouble(), mem.get("unchangedPollSeconds").asDouble(),
                    mem.get("checkpointChars").asLong(), ok ? "met (completes)" : "**MISS**"));
            line("");
        }
        line("### T5. Fleet: one JVM follows many endpoints (servers in another process)");
        line("");
        JsonNode fleet = read(dir.resolve("fleet.json"));
        if (fleet != null) {
            line("| endpoints | minutes | polls/s | events/s | failures | lag p50 / p99 / max ms (p99 < 1000) "
                    + "| poll p50 / p99 ms | live threads max (<= 32) | heap max MB (<= 512 MiB) | CPU cores (< 1) |");
            line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            boolean lag = fleet.get("lagP99Ms").asDouble() < 1000;
            boolean threads = fleet.get("threadsMax").asInt() <= 32;
            // issue 32's limits: 512 MiB (-Xmx512m), 32 threads, lag p99 under a second, under one core
            boolean heap = fleet.get("heapMaxMb").asDouble() <= 537 && fleet.get("heapLimitMb").asDouble() <= 540;
            boolean cpu = fleet.get("cpuCores").asDouble() < 1;
            boolean failures = fleet.get("failures").asLong() == 0;
            count(lag);
            count(threads);
            count(heap);
            count(cpu);
            count(failures);
            line(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %.2f | %d %s | %.1f / %.1f / %.1f %s | %.1f / %.1f | %d %s | %.0f %s | %.2f %s |",
                    fleet.get("endpoints").asInt(), fleet.get("seconds").asDouble() / 60, fleet.get("pollsPerSecond").asDouble(),
                    fleet.get("eventsPerSecond").asDouble(), fleet.get("failures").asLong(), ok(failures),
                    fleet.get("lagP50Ms").asDouble(), fleet.get("lagP99Ms").asDouble(), fleet.get("lagMaxMs").asDouble(), ok(lag),
                    fleet.get("pollP50Ms").asDouble(), fleet.get("pollP99Ms").asDouble(), fleet.get("threadsMax").asInt(),
                    ok(threads), fleet.get("heapMaxMb").asDouble(), ok(heap), fleet.get("cpuCores").asDouble(), ok(cpu)));
        } else {
            line("(no fleet.json: the fleet run did not run or failed)");
        }
        line("");
        line(met + " issue-22 checks met, " + missed + " missed.");
        return out.toString();
    }

    private JsonNode find(String name) {
        for (JsonNode n : ratios) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        return null;
    }

    private static JsonNode read(Path f) throws IOException {
        if (!Files.exists(f)) {
            return null;
        }
        String text = Files.readString(f).trim();
        return text.startsWith("{") ? JSON.readTree(text) : null;
    }

    private String verdict(JsonNode r, double target, boolean atLeast) {
        if (r == null) {
            count(false);
            return "**no result**";
        }
        double m = r.get("ratio").asDouble();
        double lo = r.get("low").asDouble();
        double hi = r.get("high").asDouble();
        boolean ok = atLeast ? m >= target : m <= target;
        boolean reach = atLeast ? hi >= target : lo <= target;
        count(ok);
        String v = ok ? "met" : reach ? "**MISS** (within noise)" : "**MISS**";
        return String.format(Locale.ROOT, "%.2fx [%.2f, %.2f] %s", m, lo, hi, v);
    }

    private static String ratio(JsonNode r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.2fx [%.2f, %.2f]", r.get("ratio").asDouble(),
                r.get("low").asDouble(), r.get("high").asDouble());
    }

    private void count(boolean ok) {
        if (ok) {
            met++;
        } else {
            missed++;
        }
    }

    private static String ok(boolean ok) {
        return ok ? "met" : "**MISS**";
    }

    private static String ms(JsonNode r, String field) {
        return r == null ? "-" : String.format(Locale.ROOT, "%,.1f", r.get(field).asDouble() / 1000);
    }

    private static String us(JsonNode r, String field) {
        return r == null ? "-" : String.format(Locale.ROOT, "%,.1f", r.get(field).asDouble());
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
