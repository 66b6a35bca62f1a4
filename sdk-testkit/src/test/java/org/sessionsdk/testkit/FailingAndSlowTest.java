package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An endpoint that fails for a while, and bodies that come slowly, on every simulator. */
class FailingAndSlowTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Scenario FIVE = Scenario.parse("""
            -5m  start  s1  alice  192.0.2.10
            -4m  start  s2  bob    192.0.2.11
            -3m  start  s3  carol  192.0.2.12
            -2m  start  s4  dave   192.0.2.13
            -1m  start  s5  erin   192.0.2.14
            """);

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void everyRequestFailsUntilTheInstantThenSucceeds(Vendor vendor) throws Exception {
        SimClock clock = SimClock.at(T0);
        try (Simulator sim = vendor.start(Vendor.World.of(clock, FIVE));
             AutoCloseable client = vendor.client(sim, clock, false)) {
            sim.faults().failUntil(at(120), 503);
            assertThatThrownBy(() -> Vendor.sessions(client)).isInstanceOf(RuntimeException.class);
            clock.set(at(119));
            assertThatThrownBy(() -> Vendor.sessions(client)).isInstanceOf(RuntimeException.class);
            clock.set(at(120));
            assertThat(Vendor.sessions(client)).hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aScenarioFailStepFailsEveryRequestForItsLength(Vendor vendor) throws Exception {
        SimClock clock = SimClock.at(T0);
        Scenario s = Scenario.parse("""
                -1m  start  s1  alice  -
                +1m  fail   503  2m
                """);
        try (Simulator sim = vendor.start(Vendor.World.of(clock, s)); AutoCloseable client = vendor.client(sim, clock, false)) {
            assertThat(Vendor.sessions(client)).hasSize(1);
            clock.set(at(60));
            assertThatThrownBy(() -> Vendor.sessions(client)).isInstanceOf(RuntimeException.class);
            clock.set(at(179));
            assertThatThrownBy(() -> Vendor.sessions(client)).isInstanceOf(RuntimeException.class);
            clock.set(at(180));
            assertThat(Vendor.sessions(client)).hasSize(1);
        }
    }

    @Test
    void failForCountsFromTheSimulatorsClockAndClearEndsIt() {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withClock(clock)) {
            sim.faults().failFor(Duration.ofMinutes(1), 502);
            assertThat(get(sim).statusCode()).isEqualTo(502);
            clock.advance(Duration.ofMinutes(1));
            assertThat(get(sim).statusCode()).isEqualTo(200);
            sim.faults().failFor(Duration.ofMinutes(1), 503).clear();
            assertThat(get(sim).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aSlowBodyArrivesWholeAndIsParsedAsUsual(Vendor vendor) throws Exception {
        SimClock clock = SimClock.at(T0);
        try (Simulator sim = vendor.start(Vendor.World.of(clock, FIVE));
             AutoCloseable client = vendor.client(sim, clock, false)) {
            var normal = Vendor.sessions(client);
            assertThat(normal).hasSize(5);
            // senhasegura's first request of the client is for a token: slow down that one and the list
            sim.faults().slowBodyNext(7, Duration.ofMillis(1)).slowBodyNext(7, Duration.ofMillis(1));
            assertThat(Vendor.sessions(client)).isEqualTo(normal);
        }
    }

    @Test
    void aSlowBodyGoesOutInChunksAndWhole() {
        try (PleskSimulator sim = PleskSimulator.start().withSessions(20)) {
            HttpResponse<String> normal = sessionGet(sim);
            assertThat(normal.headers().firstValue("content-length")).isPresent();
            sim.faults().slowBodyNext(10, Duration.ofMillis(1));
            HttpResponse<String> slow = sessionGet(sim);
            assertThat(slow.statusCode()).isEqualTo(200);
            assertThat(slow.headers().firstValue("transfer-encoding")).hasValue("chunked");
            assertThat(slow.body()).isEqualTo(normal.body());
        }
    }

    @Test
    void aScenarioSlowStepSlowsEveryAnswerForItsLength() {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withSessions(5).withClock(clock)
                .withScenario(Scenario.parse("+1m  slow  64  1ms  1m"))) {
            HttpResponse<String> normal = sessionGet(sim);
            clock.set(at(60));
            HttpResponse<String> slow = sessionGet(sim);
            assertThat(slow.headers().firstValue("transfer-encoding")).hasValue("chunked");
            assertThat(slow.body()).isEqualTo(normal.body());
            clock.set(at(120));
            assertThat(sessionGet(sim).headers().firstValue("content-length")).isPresent();
        }
    }

    private static HttpResponse<String> sessionGet(PleskSimulator sim) {
        return RawHttp.post(sim, "/enterprise/control/agent.php", "<packet><session><get/></session></packet>",
                "KEY", PleskSimulator.SECRET_KEY);
    }

    private static HttpResponse<String> get(EkranSimulator sim) {
        return RawHttp.get(sim, "/ekranapi/sessions", "ApiKey", EkranSimulator.API_KEY);
    }
}
