package org.sessionsdk.benchmarks.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BenchVendors;
import org.sessionsdk.testkit.Scenario;
import org.sessionsdk.testkit.Simulator;
import org.sessionsdk.testkit.Simulators;

/**
 * The bare fleet follows the endpoints as the SDK's feeds do: on the same tenants, its first poll finds
 * as many open sessions as each feed's first poll reports started, for every vendor, and a poll of an
 * unchanged tenant finds nothing on either side; the CPU-per-poll harness runs end to end on a tiny fleet.
 */
class BareFleetTest {
    private static final List<Simulator> SIMULATORS = new ArrayList<>();

    @BeforeAll
    static void start() {
        for (BenchVendor v : BenchVendors.all()) {
            Simulator sim = Simulators.forVendor(v.name()).orElseThrow().start();
            SIMULATORS.add(sim);
            for (int n = 1; n <= 2; n++) {
                // two sessions open since before the poll, one come and gone long ago
                v.tenant(sim, n).withScenario(Scenario.builder()
                        .start(Duration.ZERO, "a" + n, "alice", "198.51.100.1")
                        .start(Duration.ZERO, "b" + n, "bob", "198.51.100.2")
                        .build());
            }
        }
    }

    @AfterAll
    static void stop() {
        SIMULATORS.forEach(Simulator::close);
    }

    @Test
    void theBareFleetFindsWhatTheFeedsFindOnTheSameEndpoints() throws Exception {
        FleetRun.Bases bases = FleetRun.Bases.of(SIMULATORS);
        int endpoints = 2 * SIMULATORS.size();
        try (SdkFleet sdk = new SdkFleet(bases, endpoints, Duration.ofSeconds(10))) {
            BareFleet bare = new BareFleet(bases, endpoints);
            for (int i = 0; i < endpoints; i++) {
                int sdkFirst = sdk.poll(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                int bareFirst = bare.poll(i);
                assertThat(bareFirst).as(bases.vendorOf(i)).isPositive().isEqualTo(sdkFirst);
                assertThat(bare.poll(i)).as(bases.vendorOf(i) + " unchanged").isZero();
            }
        }
        for (Simulator s : SIMULATORS) {
            assertThat(BenchVendors.named(s.vendor()).tenant(s, 1).requestCount()).as(s.vendor()).isPositive();
        }
    }

    @Test
    void cpuPerPollMeasuresBothSidesInRounds() throws Exception {
        String json = FleetCpuPerPoll.run(FleetRun.Bases.of(SIMULATORS), 8, Duration.ofSeconds(1), Duration.ofSeconds(1),
                1, 2);
        assertThat(json).contains("\"name\":\"" + FleetCpuPerPoll.NAME + "\"").contains("\"failuresSdk\":0")
                .contains("\"failuresBare\":0");
    }
}
