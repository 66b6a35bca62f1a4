package org.sessionsdk.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
import org.sessionsdk.benchmarks.support.LoopbackServer;
import org.sessionsdk.benchmarks.support.SdkClient;
import org.sessionsdk.benchmarks.vendor.BareClient;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BenchVendors;

/**
 * Item 4: one operation is {@code calls} concurrent list calls (10 records each) of the per-call vendor
 * ({@link BenchVendors#perCall()}: Ekran) over loopback
 * on ONE shared client, all awaited; every call must succeed with every record or the operation
 * fails. SDK {@code listAsync} against bare {@code HttpClient.sendAsync} + Jackson. Throughput is
 * {@code calls} divided by the time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.maxIdleConnections=1024"})
public class ConcurrencyBenchmark {
    public static final int RECORDS_PER_CALL = 10;

    @Param("256")
    public int calls;

    private LoopbackServer server;
    private SdkClient client;
    private BareClient bare;

    @Setup(Level.Trial)
    public void setUp() {
        BenchVendor vendor = BenchVendors.perCall();
        server = LoopbackServer.fixed(vendor.wire(), vendor.wire().sessionListBody(RECORDS_PER_CALL), 4);
        client = SdkClient.create(vendor, server.endpoint());
        bare = vendor.bareClient(server.endpoint(), null).orElseThrow();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        bare.close();
        server.close();
    }

    @Benchmark
    public long sdkListAsync() {
        return await(calls, client::listAsync);
    }

    @Benchmark
    public long bareSendAsync() {
        return await(calls, bare::listAsync);
    }

    /** Starts {@code n} calls, waits for all (bounded), fails unless every one returned every record. */
    public static long await(int n, Supplier<? extends CompletableFuture<? extends List<?>>> call) {
        List<CompletableFuture<? extends List<?>>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            futures.add(call.get());
        }
        long records = 0;
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            for (CompletableFuture<? extends List<?>> f : futures) {
                records += f.join().size();
            }
        } catch (Exception e) {
            throw new IllegalStateException("not every call succeeded: " + e, e);
        }
        if (records != (long) n * RECORDS_PER_CALL) {
            throw new IllegalStateException("got " + records + " records from " + n + " calls");
        }
        return records;
    }
}
