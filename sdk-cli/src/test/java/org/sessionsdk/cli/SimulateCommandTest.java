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
                .contains("--seed").contains("--scenario").contains("SIGTERM");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--vendor|foo|--vendor: 'foo' is not one of plesk, ekran, saymon, senhasegura",
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
            "--scenario no-such-file.txt|--scenario: cannot read no-such-file.txt (NoSuchFileException: no-such-file.txt)"})
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
}
