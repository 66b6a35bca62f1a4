package org.sessionsdk.benchmarks.vendor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The benchmarked vendors ({@link BuiltInBenchVendor} registers them) and the roles some of them play. */
public final class BenchVendors {
    private static final List<BenchVendor> ALL =
            Arrays.stream(BuiltInBenchVendor.values()).map(BuiltInBenchVendor::bench).toList();

    private BenchVendors() {
    }

    /** {@return every vendor, in the order the tables list them} */
    public static List<BenchVendor> all() {
        return ALL;
    }

    /**
     * {@return the vendor of this name}
     *
     * @param name a vendor's name, any case
     * @throws IllegalArgumentException naming the vendors there are, if none has this name
     */
    public static BenchVendor named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(v -> v.name().equals(n)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown vendor " + name + "; the benchmarks know " + names("|")));
    }

    /**
     * {@return every vendor's name, joined}
     *
     * @param separator between two names
     */
    public static String names(String separator) {
        return ALL.stream().map(BenchVendor::name).collect(Collectors.joining(separator));
    }

    /** {@return the one vendor of the JMH per-call, listener and concurrency benchmarks} */
    public static BenchVendor perCall() {
        return BuiltInBenchVendor.PER_CALL.bench();
    }

    /** {@return the vendor of the feed memory check} */
    public static BenchVendor feedMemory() {
        return BuiltInBenchVendor.FEED_MEMORY.bench();
    }
}
