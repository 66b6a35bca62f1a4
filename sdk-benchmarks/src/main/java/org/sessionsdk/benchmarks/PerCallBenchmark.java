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
import org.sessionsdk.benchmarks.support.BareEkran;
import org.sessionsdk.benchmarks.support.LoopbackServer;
import org.sessionsdk.benchmarks.support.Vendor;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionQuery;

/**
 * Item 3: one Ekran {@code list()} of a 10-record response over loopback HTTP (server in
 * the same JVM), against the same request with a bare {@code HttpClient} and Jackson databind.
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
    private EkranClient client;
    private BareEkran bare;

    @Setup(Level.Trial)
    public void setUp() {
        server = LoopbackServer.fixed(Vendor.EKRAN, Vendor.EKRAN.body(records), 2);
        client = EkranClient.builder().endpoint(server.endpoint())
                .credentials(EkranCredentials.apiKey("bench-api-key")).build();
        bare = new BareEkran(server.endpoint());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        bare.close();
        server.close();
    }

    @Benchmark
    public List<EkranSession> sdkList() {
        return check(client.sessions().list(EkranSessionQuery.all()));
    }

    @Benchmark
    public List<EkranSession> bareHttpClient() throws IOException, InterruptedException {
        return check(bare.list());
    }

    private List<EkranSession> check(List<EkranSession> got) {
        if (got.size() != records) {
            throw new IllegalStateException("got " + got.size() + " records, expected " + records);
        }
        return got;
    }
}
