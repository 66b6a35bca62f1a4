package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sessionsdk.testkit.SaymonSimulator;

/**
 * {@code sessions simulate} in-process: help and the options it refuses, all before any simulator
 * starts (a run that serves blocks until a signal: {@link SimulateProcessTest} runs that as a process).
 */
class SimulateCommandTest {
    @Test
    void helpNamesEveryOption() {
        CliRun r = CliRun.run(Map.of(), "simulate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: sessions simulate").contains("--vendor").contains("--host")
                .contains("--port").contains("--ports").contains("--sessions").contains("--events")
                .contains("--seed").contains("--scenario").contains("--clock-skew").contains("--clock-drift")
                .contains("--late-rows").contains("--server-zone").contains("SIGTERM");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--vendor|foo|--vendor: 'foo' is not one of ekran, plesk, saymon, senhasegura",
            "--port|http|--port: 'http' is not a whole number",
            "--ports|1,x|--ports: 'x' is not a whole number",
            "--sessions|many|--sessions: 'many' is not a whole number",
            "--seed|1.5|--seed: '1.5' is not a whole number"})
    void aBadValueIsOneLine(String option, String value, String message) {
        CliRun r = CliRun.run(Map.of(), "simulate", option, value);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(message + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--port 8080|--port is for a single --vendor; use --ports N,N,... for 4 vendors",
            "--vendor plesk --port 1 --ports 1|--port and --ports cannot be used together",
            "--vendor plesk,ekran --ports 1|--ports: 1 ports for 2 vendors (plesk,ekran)",
            "--vendor plesk --port 70000|--port: '70000' is not a port (0 to 65535)",
            "--vendor plesk,plesk|--vendor: name each vendor once, e.g. plesk,ekran",
            "--sessions -1|--sessions: '-1' is not a count (0 or more)",
            "--events -5|--events: '-5' is not a count (0 or more)",
            "--scenario no-such-file.txt|--scenario: cannot read no-such-file.txt (NoSuchFileException: no-such-file.txt)",
            "--clock-skew soon|--clock-skew: 'soon' is not an offset (examples: +90s, +5m, +1h30m, -2d)",
            "--late-rows -1m|--late-rows: '-1m' is negative: rows cannot be listed before they happen",
            "--server-zone Mars/Olympus|--server-zone: 'Mars/Olympus' is not a zone (examples: UTC, Europe/Berlin)"})
    void optionsThatCannotBeServedAreUsageErrors(String args, String message) {
        CliRun r = CliRun.run(Map.of(), ("simulate " + args).split(" "));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("sessions: " + message + System.lineSeparator())
                .contains("See 'sessions simulate --help'.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anInvalidScenarioIsAUsageErrorNamingItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path f = dir.resolve("bad.txt");
        java.nio.file.Files.writeString(f, "+1m start s1 alice\n+2m vanish s1\n");
        CliRun r = CliRun.run(Map.of(), "simulate", "--scenario", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("sessions: --scenario " + f + ": scenario line 2: unknown step 'vanish'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aPortInUseIsReportedWithoutServing() {
        try (SaymonSimulator taken = SaymonSimulator.start()) {
            String port = String.valueOf(taken.endpoint().getPort());
            CliRun r = CliRun.run(Map.of(), "simulate", "--vendor", "saymon", "--port", port);
            assertThat(r.exitCode()).isEqualTo(5);
            assertThat(r.err()).startsWith("sessions: cannot open 127.0.0.1").contains(port).contains("saymon");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void theJsonLineCarriesTheSimulatorsOwnCredentialsInAscii() {
        try (SaymonSimulator sim = SaymonSimulator.start()) {
            assertThat(SimulateCommand.jsonLine(sim)).isEqualTo("{\"vendor\":\"saymon\",\"endpoint\":\"" + sim.endpoint()
                    + "\",\"tenants\":\"" + sim.endpoint() + "/t/{n}\",\"credentials\":{\"login\":\"admin\",\"password\":\"testkit-pass:w\\u00F6rd\"}}");
        }
    }

    @Test
    void theRealWorldOptionsReachEverySimulator() {
        SimulateCommand cmd = new SimulateCommand(null);
        new picocli.CommandLine(cmd).parseArgs("--clock-skew", "+10m", "--clock-drift", "+1m", "--late-rows", "2m",
                "--server-zone", "Europe/Berlin");
        assertThat(cmd.problem()).isNull();
        java.time.Instant t0 = java.time.Instant.parse("2026-10-25T00:00:00Z");
        org.sessionsdk.testkit.SimClock clock = org.sessionsdk.testkit.SimClock.at(t0);
        org.sessionsdk.testkit.Scenario s = org.sessionsdk.testkit.Scenario.parse("+30m start s1 alice -");
        try (org.sessionsdk.testkit.PleskSimulator plesk = org.sessionsdk.testkit.PleskSimulator.start().withSessions(0)
                .withClock(clock); SaymonSimulator saymon = SaymonSimulator.start().withClock(clock)) {
            cmd.conditions(plesk);
            cmd.conditions(saymon);
            plesk.withScenario(s);
            assertThat(plesk.zone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
            assertThat(saymon.clock().instant()).isEqualTo(t0.plusSeconds(600));
            clock.advance(java.time.Duration.ofHours(1)); // the server reads 01:11 (10 min ahead, 1 min gained)
            assertThat(plesk.clock().instant()).isEqualTo(t0.plusSeconds(3600 + 660));
            // s1 started at the server's 00:40, listed from 00:42: at 02:40 local (CEST)
            assertThat(plesk.sessions()).extracting(org.sessionsdk.plesk.PleskSession::loginTime)
                    .containsExactly(java.time.LocalDateTime.parse("2026-10-25T02:40:00"));
        }
    }
}
