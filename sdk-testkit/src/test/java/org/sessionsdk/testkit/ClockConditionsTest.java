package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.session.SessionRecord;

/** Every simulator's clock can run ahead, behind or drift, and its rows can come late: what a client sees. */
class ClockConditionsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Scenario LIFE = Scenario.parse("""
            +1m   start  s1  alice  192.0.2.10
            +3m   audit  alice  created  domain  example.com
            +5m   end    s1
            """);

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aServerAheadStampsItsTimesAheadOfTheClientsClock(Vendor vendor) throws Exception {
        SimClock clock = SimClock.at(T0);
        try (Simulator sim = vendor.start(Vendor.World.of(clock, LIFE).skew(Duration.ofMinutes(10)));
             AutoCloseable client = vendor.client(sim, clock, true)) {
            assertThat(sim.clock().instant()).isEqualTo(at(600));
            assertThat(sim.anchor()).isEqualTo(at(600));
            clock.set(at(59));
            assertThat(Vendor.sessions(client)).isEmpty();
            clock.set(at(60)); // the client's +1m: the server's +11m
            assertThat(Vendor.sessions(client)).extracting(SessionRecord::start).containsExactly(at(660));
            if (vendor.hasAudit()) {
                clock.set(at(180));
                assertThat(Vendor.audit(client)).filteredOn(e -> e.actor().equals("alice"))
                        .extracting(AuditEvent::time).containsExactly(at(780));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aServerBehindStampsItsTimesBehind(Vendor vendor) throws Exception {
        SimClock clock = SimClock.at(T0);
        try (Simulator sim = vendor.start(Vendor.World.of(clock, LIFE).skew(Duration.ofMinutes(-3)));
             AutoCloseable client = vendor.client(sim, clock, true)) {
            clock.set(at(60));
            assertThat(Vendor.sessions(client)).extracting(SessionRecord::start).containsExactly(at(60 - 180));
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aDriftingClockGainsWithElapsedTime(Vendor vendor) throws Exception {
        SimClock clock = SimClock.at(T0);
        Scenario late = Scenario.builder().start(Duration.ofMinutes(122), "s1", "alice", null).build();
        try (Simulator sim = vendor.start(Vendor.World.of(clock, late).drift(Duration.ofMinutes(1)));
             AutoCloseable client = vendor.client(sim, clock, true)) {
            clock.set(at(3600));
            assertThat(sim.clock().instant()).isEqualTo(at(3660));
            clock.set(at(119 * 60)); // the server reads 2:00:59, its session starts at 2:02
            assertThat(Vendor.sessions(client)).isEmpty();
            clock.set(at(120 * 60)); // the server reads 2:02
            assertThat(Vendor.sessions(client)).extracting(SessionRecord::start).containsExactly(at(122 * 60));
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void lateRowsAreListedOnlyTheirDelayAfterTheyHappenWithTheirTrueTimes(Vendor vendor) throws Exception {
        SimClock clock = SimClock.at(T0);
        try (Simulator sim = vendor.start(Vendor.World.of(clock, LIFE).late(Duration.ofMinutes(2)));
             AutoCloseable client = vendor.client(sim, clock, true)) {
            clock.set(at(179));
            assertThat(Vendor.sessions(client)).isEmpty(); // started at +1m, listed from +3m
            clock.set(at(180));
            assertThat(Vendor.sessions(client)).extracting(SessionRecord::start, SessionRecord::end)
                    .containsExactly(tuple(at(60), null));
            if (vendor.hasAudit()) {
                clock.set(at(299));
                assertThat(Vendor.audit(client)).noneMatch(e -> e.actor().equals("alice"));
                clock.set(at(300));
                assertThat(Vendor.audit(client)).filteredOn(e -> e.actor().equals("alice"))
                        .extracting(AuditEvent::time).containsExactly(at(180));
            }
            clock.set(at(419)); // ended at +5m, its end is listed from +7m: still open
            assertThat(Vendor.sessions(client)).extracting(SessionRecord::end).containsExactly((Instant) null);
            clock.set(at(420));
            if (vendor.keepsHistory()) {
                assertThat(Vendor.sessions(client)).extracting(SessionRecord::end).containsExactly(at(300));
            } else {
                assertThat(Vendor.sessions(client)).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theScenarioFileSetsSkewDriftAndLateRowsOverTime(Vendor vendor) throws Exception {
        SimClock clock = SimClock.at(T0);
        Scenario s = Scenario.parse("""
                0     late   1m
                +2m   skew   +10m     # the server's clock jumps ahead at the client's +2m
                +1m   start  s1  alice  -
                +13m  start  s2  bob    -
                """);
        try (Simulator sim = vendor.start(Vendor.World.of(clock, s)); AutoCloseable client = vendor.client(sim, clock, true)) {
            clock.set(at(119)); // s1 started at +1m, listed from +2m
            assertThat(Vendor.sessions(client)).isEmpty();
            clock.set(at(120)); // the server reads +12m; s2 at +13m is listed from its +14m
            assertThat(sim.clock().instant()).isEqualTo(at(720));
            assertThat(Vendor.sessions(client)).extracting(SessionRecord::start).containsExactly(at(60));
            clock.set(at(240));
            assertThat(Vendor.sessions(client)).extracting(SessionRecord::start).containsExactlyInAnyOrder(at(60), at(780));
        }
    }
}
