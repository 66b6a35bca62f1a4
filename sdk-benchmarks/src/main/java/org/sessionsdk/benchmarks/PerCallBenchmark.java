package org.sessionsdk.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
 * Item 3: one {@code list()} of a 10-record response over loopback HTTP (server in the same JVM), of
 * the per-call vendor ({@link BenchVendors#perCall()}: Ekran), against the same request with a bare
 * {@code HttpClient} and Jackson databind.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PerCallBenchmark {
    /** Records in the response (a constant, so a {@code -p records=...} meant for the parse benchmark leaves it alone). */
    public static final int RECORDS = 10;

    public int records = RECORDS;

    private LoopbackServer server;
    private SdkClient client;
    private BareClient bare;

    @Setup(Level.Trial)
    public void setUp() {
        BenchVendor vendor = BenchVendors.perCall();
        server = LoopbackServer.fixed(vendor.wire(), vendor.wire().sessionListBody(records), 2);
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
    public List<?> sdkList() {
        return check(client.list());
    }

    @Benchmark
    public List<?> bareHttpClient() throws IOException, InterruptedException {
        return check(bare.list());
    }

    private List<?> check(List<?> got) {
        if (got.size() != records) {
            throw new IllegalStateException("got " + got.size() + " records, expected " + records);
        }
        return got;
    }
}
