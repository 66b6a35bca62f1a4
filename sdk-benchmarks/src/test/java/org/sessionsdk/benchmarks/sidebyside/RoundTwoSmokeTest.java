package org.sessionsdk.benchmarks.sidebyside;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sessionsdk.benchmarks.FeedMemoryCheck;
import org.sessionsdk.benchmarks.fleet.FleetRun;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BenchVendors;
import org.sessionsdk.benchmarks.vendor.BuiltInBenchVendor;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.SenhaseguraSimulator;

/**
 * The issue-22 benchmark bodies, each run once on small data with the rounds shrunk
 * ({@code sidebyside.scale}): every side must return every record, every poll must succeed. The
 * ratios of such a run mean nothing; {@code sdk-benchmarks/run.sh} measures them.
 */
class RoundTwoSmokeTest {
    @BeforeAll
    static void shrink() {
        System.setProperty("sidebyside.scale", "0.005");
    }

    @AfterAll
    static void restore() {
        System.clearProperty("sidebyside.scale");
    }

    @ParameterizedTest
    @EnumSource(BuiltInBenchVendor.class)
    void parseComparesTheSdkWithBothBaselinesOnTheSameBytes(BuiltInBenchVendor vendor) throws Exception {
        List<Rounds.Result> r = SideBySide.parse(vendor.bench(), 2_000, 1);
        assertThat(r).extracting(Rounds.Result::bName).containsExactly("hand", "naive");
        assertThat(r).allSatisfy(x -> assertThat(x.aMedianUs()).isPositive());
    }

    @Test
    void perCallAndFeedPollsRunOverLoopback() throws Exception {
        assertThat(SideBySide.perCall(BenchVendors.named("plesk"), 1).ratio()).isPositive();
        assertThat(SideBySide.perCall(BenchVendors.named("ekran"), 1).ratio()).isPositive();
        for (BenchVendor v : BenchVendors.all()) {
            assertThat(SideBySide.feed(v, 1).bMedianUs()).as(v.name()).isPositive();
        }
    }

    @Test
    void concurrencyAwaitsEveryCall() throws Exception {
        assertThat(SideBySide.concurrency(64, 1, false).opsPerRound()).isEqualTo(1);
    }

    @Test
    void aFeedOfSenhaseguraPollsEveryRowAndFindsNothingNewTheSecondTime() throws Exception {
        assertThat(FeedMemoryCheck.run(2_000)).contains("\"open\":200").contains("\"ok\":true");
    }

    @Test
    void aSmallFleetPollsEveryEndpointOfEveryVendor() throws Exception {
        try (PleskSimulator p = PleskSimulator.start(); EkranSimulator e = EkranSimulator.start();
             SaymonSimulator s = SaymonSimulator.start(); SenhaseguraSimulator h = SenhaseguraSimulator.start()) {
            FleetRun.Result r = FleetRun.run(FleetRun.Bases.of(List.of(p, e, s, h)), 8, Duration.ofMillis(400),
                    Duration.ofMillis(800), 2);
            assertThat(r.failures()).isZero();
            assertThat(r.polls()).isGreaterThanOrEqualTo(8);
            assertThat(p.tenant(1).requestCount() + e.tenant(1).requestCount() + s.tenant(1).requestCount()
                    + h.tenant(1).requestCount()).isPositive();
        }
    }
}
