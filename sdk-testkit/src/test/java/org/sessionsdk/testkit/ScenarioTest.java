package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {
    @Test
    void theFileFormatReadsEveryStepAndOffsetForm() {
        Scenario s = Scenario.parse("""
                # a comment line, then blank lines

                +90s   start      s1  alice  192.0.2.10   # trailing comment
                5m     start      s2  bob
                +1h30m audit      alice  created  domain  example.com
                +2d    audit      bob    deleted  -       -
                -10m   start      s0  carol  -
                0      end        s0
                +3h    terminate  s2
                """);
        assertThat(s.steps()).containsExactly(
                new Scenario.Start(Duration.ofMinutes(-10), "s0", "carol", null),
                new Scenario.End(Duration.ZERO, "s0", false),
                new Scenario.Start(Duration.ofSeconds(90), "s1", "alice", "192.0.2.10"),
                new Scenario.Start(Duration.ofMinutes(5), "s2", "bob", null),
                new Scenario.Audit(Duration.ofMinutes(90), "alice", "created", "domain", "example.com"),
                new Scenario.End(Duration.ofHours(3), "s2", true),
                new Scenario.Audit(Duration.ofDays(2), "bob", "deleted", null, null));
    }

    @Test
    void theBuilderMakesTheSameScenario() {
        Scenario built = Scenario.builder().start(Duration.ofMinutes(1), "s1", "alice", null)
                .end(Duration.ofMinutes(2), "s1").audit(Duration.ofMinutes(1), "alice", "login", null, null).build();
        assertThat(built.steps()).isEqualTo(Scenario.parse("""
                +1m start s1 alice
                +1m audit alice login
                +2m end s1
                """).steps());
    }

    @Test
    void badLinesAreNamedWithTheirNumber() {
        assertThatThrownBy(() -> Scenario.parse("+1m start s1 alice\n+2m jump s1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scenario line 2: unknown step 'jump' (expected start, end, terminate, audit, skew, drift, late, fail, slow, zone, reset or failaudit)");
        assertThatThrownBy(() -> Scenario.parse("soon start s1 alice"))
                .hasMessage("scenario line 1: 'soon' is not an offset (examples: +90s, +5m, +1h30m, -2d)");
        assertThatThrownBy(() -> Scenario.parse("+1m start s1"))
                .hasMessage("scenario line 1: 'start' takes 2 to 3 values, found 1");
        assertThatThrownBy(() -> Scenario.parse("+1m end s1 now"))
                .hasMessage("scenario line 1: 'end' takes 1 values, found 2");
        assertThatThrownBy(() -> Scenario.parse("+1m"))
                .hasMessage("scenario line 1: expected an offset and a step");
    }

    @Test
    void stepsThatDoNotMakeSenseTogetherAreRefused() {
        assertThatThrownBy(() -> Scenario.parse("+1m start s1 a\n+2m start s1 b"))
                .hasMessage("session s1 starts twice");
        assertThatThrownBy(() -> Scenario.parse("+1m end s1")).hasMessage("session s1 ends but never starts");
        assertThatThrownBy(() -> Scenario.parse("+5m start s1 a\n+1m end s1"))
                .hasMessage("session s1 ends at PT1M, before it starts at PT5M");
        assertThatThrownBy(() -> Scenario.parse("+1m start s1 a\n+2m end s1\n+3m terminate s1"))
                .hasMessage("session s1 ends twice");
        assertThatThrownBy(() -> Scenario.builder().start(Duration.ofMillis(1500), "s1", "a", null))
                .hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> Scenario.builder().start(Duration.ZERO, " ", "a", null)).hasMessage("id is required");
    }

    @Test
    void loadReadsAFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("scenario.txt");
        Files.writeString(f, "+1m start s1 jörg 2001:db8::1\n");
        assertThat(Scenario.load(f).steps()).containsExactly(
                new Scenario.Start(Duration.ofMinutes(1), "s1", "jörg", "2001:db8::1"));
    }

    @Test
    void aSimClockStandsStillUntilMoved() {
        SimClock c = SimClock.at(java.time.Instant.EPOCH);
        assertThat(c.instant()).isEqualTo(java.time.Instant.EPOCH);
        assertThat(c.advance(Duration.ofSeconds(5))).isEqualTo(java.time.Instant.ofEpochSecond(5));
        SimClock berlin = c.withZone(java.time.ZoneId.of("Europe/Berlin"));
        c.advance(Duration.ofSeconds(1));
        assertThat(berlin.instant()).isEqualTo(java.time.Instant.ofEpochSecond(6));
        assertThatThrownBy(() -> c.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        c.set(java.time.Instant.EPOCH);
        assertThat(berlin.millis()).isZero();
    }
}
