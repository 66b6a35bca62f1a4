package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionsdk.testkit.PleskSimulator;

/** Help on every subcommand, and the one-line messages for options the command cannot use. */
class HelpAndUsageTest {
    @ParameterizedTest
    @ValueSource(strings = {"list", "events", "terminate", "demo", "simulate"})
    void everySubcommandHasHelpThatNeedsNoOtherOption(String command) {
        for (String[] args : new String[][] {{command, "--help"}, {command, "-h"}, {"help", command}}) {
            CliRun r = CliRun.run(Map.of(), args);
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
            assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: sessions " + command);
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void helpAloneListsTheSubcommands() {
        CliRun r = CliRun.run(Map.of(), "help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: sessions").contains("list").contains("terminate").contains("help");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--vendor|foo|--vendor: 'foo' is not one of ekran, plesk, saymon, senhasegura",
            "--format|xml|--format: 'xml' is not one of table, jsonl, csv, ocsf, ecs",
            "--timeout|abc|--timeout: 'abc' is not a duration (e.g. 30s, 2m, 1h30m, or ISO-8601 such as PT30S)",
            "--from|yesterday|--from: 'yesterday' is not an instant (ISO-8601, e.g. 2026-11-01T00:00:00Z)",
            "--zone|Mars/Olympus|--zone: 'Mars/Olympus' is not a time zone (e.g. Europe/Berlin or UTC)"})
    void aBadValueIsOneLineNamingTheOptionAndWhatItAccepts(String option, String value, String message) {
        List<String> args = new ArrayList<>(List.of(
                "list", "--vendor", "plesk", "--endpoint", "http://127.0.0.1:9"));
        args.addAll(List.of(option, value));
        CliRun r = CliRun.run(Map.of(), args.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(message + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingOptionIsNamedWithoutTheWholeUsage() {
        CliRun r = CliRun.run(Map.of(), "list", "--vendor", "plesk");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--endpoint=<endpoint>'")
                .contains("See 'sessions list --help'.").doesNotContain("Usage:");
        assertThat(r.err().lines()).hasSize(2);

        CliRun typo = CliRun.run(Map.of(), "list", "--vendor", "plesk", "--endpoint", "http://127.0.0.1:9", "--fromat", "csv");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Unknown options: '--fromat', 'csv'").contains("Possible solutions: --from").doesNotContain("Usage:");
    }

    @Test
    void vendorAndFormatNamesIgnoreCase() {
        try (PleskSimulator panel = PleskSimulator.start().withSessions(2)) {
            CliRun r = CliRun.run(Map.of("SESSIONS_SECRET", PleskSimulator.SECRET_KEY),
                    "list", "--vendor", "Plesk", "--endpoint", panel.endpoint().toString(), "--format", "JSONL");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out().lines()).hasSize(2).allMatch(l -> l.startsWith("{\"vendor\":\"plesk\""));
        }
    }
}
