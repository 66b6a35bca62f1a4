package org.sessionsdk.benchmarks.vendor;

/**
 * The registration of the benchmarked vendors, in the order the tables list them, and which one the
 * single-vendor benchmarks use. An enum so that it is also {@code ParseBenchmark}'s JMH parameter
 * ({@code -p vendor=EKRAN}): JMH runs every constant of an enum parameter by default.
 */
public enum BuiltInBenchVendor {
    /** Plesk: its event log streams, its sessions are listed. */
    PLESK(new PleskBench()),
    /** Ekran System: its sessions. */
    EKRAN(new EkranBench()),
    /** SAYMON: its session log, paged. */
    SAYMON(new SaymonBench()),
    /** senhasegura: its remote sessions. */
    SENHASEGURA(new SenhaseguraBench());

    /** The vendor of issue 7's per-call, listener and concurrency benchmarks: one vendor measures a call's cost. */
    static final BuiltInBenchVendor PER_CALL = EKRAN;
    /** The vendor of the feed memory check: the largest rows of the four. */
    static final BuiltInBenchVendor FEED_MEMORY = SENHASEGURA;

    private final BenchVendor bench;

    BuiltInBenchVendor(BenchVendor bench) {
        this.bench = bench;
    }

    /** {@return what the benchmarks need from this vendor} */
    public BenchVendor bench() {
        return bench;
    }
}
