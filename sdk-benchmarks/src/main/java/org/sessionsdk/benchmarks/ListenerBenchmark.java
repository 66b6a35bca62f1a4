package org.sessionsdk.benchmarks;

import io.opentelemetry.api.OpenTelemetry;
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
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BenchVendors;
import org.sessionsdk.core.observe.CallListener;
import org.sessionsdk.opentelemetry.OpenTelemetryListener;

/**
 * Issue 21: what a call listener costs. The {@link PerCallBenchmark} call (one {@code list()} of 10
 * records over loopback HTTP, of the per-call vendor: Ekran) with no listener, with an {@link OpenTelemetryListener} over
 * {@link OpenTelemetry#noop()} (the price of registering it where no SDK is installed), and with a
 * listener that does nothing (the price of the events alone).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ListenerBenchmark {
    /** Records in the response, as in {@link PerCallBenchmark}. */
    public static final int RECORDS = PerCallBenchmark.RECORDS;

    private BenchVendor vendor;
    private LoopbackServer server;
    private SdkClient plain;
    private SdkClient noopOtel;
    private SdkClient emptyListener;

    @Setup(Level.Trial)
    public void setUp() {
        vendor = BenchVendors.perCall();
        server = LoopbackServer.fixed(vendor.wire(), vendor.wire().sessionListBody(RECORDS), 2);
        plain = client(null);
        noopOtel = client(OpenTelemetryListener.create(OpenTelemetry.noop()));
        emptyListener = client(new CallListener() { });
    }

    private SdkClient client(CallListener listener) {
        return SdkClient.create(vendor, server.endpoint(), b -> {
            if (listener != null) {
                b.listener(listener);
            }
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        plain.close();
        noopOtel.close();
        emptyListener.close();
        server.close();
    }

    @Benchmark
    public List<?> noListener() {
        return check(plain.list());
    }

    @Benchmark
    public List<?> noopOpenTelemetry() {
        return check(noopOtel.list());
    }

    @Benchmark
    public List<?> emptyListener() {
        return check(emptyListener.list());
    }

    private static List<?> check(List<?> got) {
        if (got.size() != RECORDS) {
            throw new IllegalStateException("got " + got.size() + " records, expected " + RECORDS);
        }
        return got;
    }
}
