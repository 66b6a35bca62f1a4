package org.sessionsdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.infra.Blackhole;
import org.sessionsdk.benchmarks.support.InMemoryTransport;
import org.sessionsdk.benchmarks.support.SdkClient;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BuiltInBenchVendor;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.plesk.PleskEvent;
import org.sessionsdk.saymon.SaymonSession;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/**
 * Runs every benchmark body once on small data and checks what it returns; never times anything.
 * The real runs are {@code bash sdk-benchmarks/run.sh} (see docs/benchmarks.md).
 */
class BenchmarkSmokeTest {
    private static final Blackhole BH = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    private static final int RECORDS = 2_000;

    @ParameterizedTest
    @EnumSource(BuiltInBenchVendor.class)
    void parseBenchmarkBodiesCountEveryRecord(BuiltInBenchVendor vendor) throws Exception {
        ParseBenchmark b = new ParseBenchmark();
        b.vendor = vendor;
        b.records = RECORDS;
        b.setUp();
        try {
            assertThat(b.sdk(BH)).isEqualTo(RECORDS);
            assertThat(b.handWritten(BH)).isEqualTo(RECORDS);
            assertThat(b.naive(BH)).isEqualTo(RECORDS);
        } finally {
            b.tearDown();
        }
    }

    @ParameterizedTest
    @EnumSource(BuiltInBenchVendor.class)
    void theThreeWaysBuildTheSameRecords(BuiltInBenchVendor registered) throws Exception {
        BenchVendor vendor = registered.bench();
        byte[] body = vendor.wire().body(RECORDS);
        List<Object> sdk = new ArrayList<>();
        try (SdkClient client = SdkClient.create(vendor, SdkClient.UNUSED_ENDPOINT,
                new InMemoryTransport(vendor.wire(), () -> body))) {
            ParseBenchmark.sdk(client, RECORDS, sdk::add);
        }
        List<Object> hand = new ArrayList<>();
        vendor.parseHandWritten(new ByteArrayInputStream(body), hand::add);
        List<Object> naive = new ArrayList<>();
        vendor.parseNaive(new ByteArrayInputStream(body), naive::add);

        assertThat(sdk).hasSize(RECORDS);
        assertThat(hand).isEqualTo(sdk);
        assertThat(naive).isEqualTo(sdk);
        Object first = sdk.get(0);
        switch (registered) {
            case PLESK -> assertThat((PleskEvent) first).isEqualTo(new PleskEvent(1, "created",
                    Instant.ofEpochSecond(1_165_055_109L), "client", "site0.example.com", "user0", "192.168.0.0"));
            case EKRAN -> {
                assertThat(((EkranSession) first).logoutDate()).isNull();
                assertThat(((EkranSession) sdk.get(1)).sessionId()).isEqualTo(2);
                assertThat(((EkranSession) sdk.get(1)).loginDate()).hasToString("2024-05-01T00:00:01Z");
            }
            case SAYMON -> assertThat(((SaymonSession) sdk.get(1)).startTime())
                    .isEqualTo(Instant.ofEpochMilli(1_651_662_281_161L));
            case SENHASEGURA -> {
                SenhaseguraSession r = (SenhaseguraSession) sdk.get(1);
                assertThat(r.id()).isEqualTo("2");
                assertThat(r.duration()).hasSeconds(1);
                assertThat(((SenhaseguraSession) first).end()).isNull();
                assertThat(((SenhaseguraSession) first).preventPurge()).isTrue();
            }
            default -> throw new AssertionError(registered);
        }
    }

    @Test
    void perCallBenchmarkBodies() throws Exception {
        PerCallBenchmark b = new PerCallBenchmark();
        b.setUp();
        try {
            assertThat(b.sdkList()).hasSize(10);
            assertThat(b.bareHttpClient()).hasSize(10).isEqualTo(b.sdkList());
        } finally {
            b.tearDown();
        }
    }

    @Test
    void listenerBenchmarkBodies() {
        ListenerBenchmark b = new ListenerBenchmark();
        b.setUp();
        try {
            assertThat(b.noListener()).hasSize(10);
            assertThat(b.noopOpenTelemetry()).hasSize(10).isEqualTo(b.noListener());
            assertThat(b.emptyListener()).hasSize(10).isEqualTo(b.noListener());
        } finally {
            b.tearDown();
        }
    }

    @Test
    void concurrencyBenchmarkBodies() {
        ConcurrencyBenchmark b = new ConcurrencyBenchmark();
        b.calls = 64;
        b.setUp();
        try {
            assertThat(b.sdkListAsync()).isEqualTo(64L * ConcurrencyBenchmark.RECORDS_PER_CALL);
            assertThat(b.bareSendAsync()).isEqualTo(64L * ConcurrencyBenchmark.RECORDS_PER_CALL);
        } finally {
            b.tearDown();
        }
    }

    @ParameterizedTest
    @EnumSource(BuiltInBenchVendor.class)
    void memoryCheckStreamsAGeneratedBodyOverLoopback(BuiltInBenchVendor registered) throws Exception {
        BenchVendor vendor = registered.bench();
        String json = MemoryCheck.run(vendor, 1_000_000);
        assertThat(json).contains("\"vendor\":\"" + vendor.name() + "\"").contains("\"ok\":true");
        long records = Long.parseLong(json.replaceAll(".*\"records\":(\\d+).*", "$1"));
        assertThat(records).isEqualTo((long) Math.ceil(1_000_000 / vendor.wire().bytesPerRecord()));
    }
}
