package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskSession;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonSession;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/**
 * A server in a zone with daylight saving: vendors that write local times without an offset write the
 * repeated hour of the fall-back twice and never the skipped hour of the spring-forward.
 */
class ServerZoneTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 02:00 to 03:00 local happens twice this night: 00:00Z to 01:00Z (+02:00), then 01:00Z to 02:00Z (+01:00). */
    private static final Instant FALL_BACK = Instant.parse("2026-10-25T00:00:00Z");
    /** 02:00 local is skipped this night: 01:00Z is 03:00 (+02:00). */
    private static final Instant SPRING_FORWARD = Instant.parse("2026-03-29T00:00:00Z");
    /** Two sessions an hour apart: 00:30Z and 01:30Z. */
    private static final Scenario TWO = Scenario.parse("""
            +30m    start  a  alice  192.0.2.10
            +1h30m  start  b  bob    192.0.2.11
            """);

    private static LocalDateTime local(String text) {
        return LocalDateTime.parse(text);
    }

    @Test
    void pleskWritesTheRepeatedHourTwice() {
        SimClock clock = SimClock.at(FALL_BACK);
        try (PleskSimulator sim = PleskSimulator.start().withSessions(0).withClock(clock).withServerZone(BERLIN)
                .withScenario(TWO); PleskClient plesk = sim.client()) {
            clock.advance(java.time.Duration.ofHours(2));
            assertThat(plesk.sessions().list()).extracting(PleskSession::loginTime)
                    .containsExactly(local("2026-10-25T02:30:00"), local("2026-10-25T02:30:00"));
            assertThat(plesk.serverZone()).isEqualTo(BERLIN);
        }
    }

    @Test
    void pleskNeverWritesTheSkippedHour() {
        SimClock clock = SimClock.at(SPRING_FORWARD);
        try (PleskSimulator sim = PleskSimulator.start().withSessions(0).withClock(clock).withServerZone(BERLIN)
                .withScenario(TWO); PleskClient plesk = sim.client()) {
            clock.advance(java.time.Duration.ofHours(2));
            assertThat(plesk.sessions().list()).extracting(PleskSession::loginTime)
                    .containsExactly(local("2026-03-29T01:30:00"), local("2026-03-29T03:30:00"));
        }
    }

    @Test
    void senhaseguraWritesTheRepeatedHourTwiceAndSkipsTheSpringForwardHour() {
        SimClock clock = SimClock.at(FALL_BACK);
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withSessions(0).withClock(clock)
                .withServerZone(BERLIN).withScenario(TWO); SenhaseguraClient pam = sim.client()) {
            clock.advance(java.time.Duration.ofHours(2));
            assertThat(pam.sessions().list()).extracting(SenhaseguraSession::start)
                    .containsExactly(local("2026-10-25T02:30:00"), local("2026-10-25T02:30:00"));
        }
        SimClock spring = SimClock.at(SPRING_FORWARD);
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withSessions(0).withClock(spring)
                .withScenario(Scenario.parse("0 zone Europe/Berlin\n" + "+30m start a alice -\n+1h30m start b bob -"));
             SenhaseguraClient pam = sim.client()) {
            spring.advance(java.time.Duration.ofHours(2));
            assertThat(sim.zone()).isEqualTo(BERLIN);
            assertThat(pam.sessions().list()).extracting(SenhaseguraSession::start)
                    .containsExactly(local("2026-03-29T01:30:00"), local("2026-03-29T03:30:00"));
        }
    }

    @Test
    void ekranWritesTheRepeatedHourWithItsTwoOffsets() {
        SimClock clock = SimClock.at(FALL_BACK);
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withClock(clock).withServerZone(BERLIN)
                .withScenario(TWO); EkranClient ekran = sim.client()) {
            clock.advance(java.time.Duration.ofHours(2));
            assertThat(ekran.sessions().list(EkranSessionQuery.since(FALL_BACK))).extracting(EkranSession::loginDate)
                    .extracting(d -> d.toLocalDateTime(), d -> d.getOffset())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(local("2026-10-25T02:30:00"), ZoneOffset.ofHours(2)),
                            org.assertj.core.groups.Tuple.tuple(local("2026-10-25T02:30:00"), ZoneOffset.ofHours(1)));
        }
    }

    @Test
    void saymonsEpochTimesTakeNoZone() {
        SimClock clock = SimClock.at(FALL_BACK);
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(0).withClock(clock).withServerZone(BERLIN)
                .withScenario(TWO); SaymonClient saymon = sim.client()) {
            clock.advance(java.time.Duration.ofHours(2));
            assertThat(saymon.sessions().list(SaymonSessionQuery.all())).extracting(SaymonSession::startTime)
                    .containsExactly(FALL_BACK.plusSeconds(5400), FALL_BACK.plusSeconds(1800));
        }
    }
}
