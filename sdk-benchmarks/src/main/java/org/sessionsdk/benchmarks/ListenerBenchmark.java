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
import org.sessionsdk.benchmarks.support.Vendor;
import org.sessionsdk.core.observe.CallListener;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.opentelemetry.OpenTelemetryListener;

/**
 * Issue 21: what a call listener costs. The {@link PerCallBenchmark} call (one Ekran {@code list()} of
 * 10 records over loopback HTTP) with no listener, with an {@link OpenTelemetryListener} over
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

    private LoopbackServer server;
    private EkranClient plain;
    private EkranClient noopOtel;
    private EkranClient emptyListener;

    @Setup(Level.Trial)
    public void setUp() {
        server = LoopbackServer.fixed(Vendor.EKRAN, Vendor.EKRAN.body(RECORDS), 2);
        plain = client(null);
        noopOtel = client(OpenTelemetryListener.create(OpenTelemetry.noop()));
        emptyListener = client(new CallListener() { });
    }

    private EkranClient client(CallListener listener) {
        EkranClient.Builder b = EkranClient.builder().endpoint(server.endpoint())
                .credentials(EkranCredentials.apiKey("bench-api-key"));
        if (listener != null) {
            b.listener(listener);
        }
        return b.build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        plain.close();
        noopOtel.close();
        emptyListener.close();
        server.close();
    }

    @Benchmark
    public List<EkranSession> noListener() {
        return check(plain.sessions().list(EkranSessionQuery.all()));
    }

    @Benchmark
    public List<EkranSession> noopOpenTelemetry() {
        return check(noopOtel.sessions().list(EkranSessionQuery.all()));
    }

    @Benchmark
    public List<EkranSession> emptyListener() {
        return check(emptyListener.sessions().list(EkranSessionQuery.all()));
    }

    private static List<EkranSession> check(List<EkranSession> got) {
        if (got.size() != RECORDS) {
            throw new IllegalStateException("got " + got.size() + " records, expected " + RECORDS);
        }
        return got;
    }
}
