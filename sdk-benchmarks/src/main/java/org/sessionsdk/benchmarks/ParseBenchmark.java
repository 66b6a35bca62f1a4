package org.sessionsdk.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.sessionsdk.benchmarks.support.InMemoryTransport;
import org.sessionsdk.benchmarks.support.SdkClient;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BuiltInBenchVendor;

/**
 * Item 1: parse one list response of {@code records} records held in memory, three ways, on the same
 * bytes: the SDK's public {@code stream()} (through an in-memory {@code HttpTransport}, so no socket),
 * a hand-written loop on the raw parser, and whole-document binding. Time per whole response.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class ParseBenchmark {
    /** Every registered vendor unless {@code -p vendor=...} picks some (an enum: JMH runs all its constants). */
    @Param
    public BuiltInBenchVendor vendor;

    @Param("1000000")
    public int records;

    private BenchVendor bench;
    private byte[] body;
    private SdkClient client;

    @Setup(Level.Trial)
    public void setUp() {
        bench = vendor.bench();
        body = bench.wire().body(records);
        client = SdkClient.create(bench, SdkClient.UNUSED_ENDPOINT, new InMemoryTransport(bench.wire(), () -> body));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
    }

    public long bodyBytes() {
        return body.length;
    }

    @Benchmark
    public long sdk(Blackhole bh) {
        return check(sdk(client, records, bh::consume));
    }

    @Benchmark
    public long handWritten(Blackhole bh) throws IOException {
        return check(bench.parseHandWritten(new ByteArrayInputStream(body), bh::consume));
    }

    @Benchmark
    public long naive(Blackhole bh) throws IOException {
        return check(bench.parseNaive(new ByteArrayInputStream(body), bh::consume));
    }

    /** The SDK's stream() over the whole response; a vendor that pages (SAYMON) reads it as one page of {@code records}. */
    public static long sdk(SdkClient client, int records, Consumer<Object> sink) {
        long[] n = {0};
        try (Stream<?> s = client.stream(records, records)) {
            s.forEach(o -> {
                sink.accept(o);
                n[0]++;
            });
        }
        return n[0];
    }

    private long check(long n) {
        if (n != records) {
            throw new IllegalStateException("parsed " + n + " records, expected " + records);
        }
        return n;
    }
}
