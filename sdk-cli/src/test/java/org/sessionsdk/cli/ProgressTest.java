package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionsdk.testkit.PleskSimulator;

/** The progress line: rewritten in place only on a terminal, plain lines elsewhere, nothing with --quiet. */
class ProgressTest {
    private static PleskSimulator big;

    @BeforeAll
    static void start() {
        big = PleskSimulator.start().withSessions(Progress.EVERY + 5);
    }

    @AfterAll
    static void stop() {
        big.close();
    }

    private static CliRun list(boolean errIsTerminal, String... more) {
        String[] args = Stream.concat(Stream.of("list", "--vendor", "plesk", "--endpoint", big.endpoint().toString(),
                "--format", "csv"), Stream.of(more)).toArray(String[]::new);
        return CliRun.in(Map.of("SESSIONS_SECRET", PleskSimulator.SECRET_KEY)).errIsTerminal(errIsTerminal).run(args);
    }

    @Test
    void whenStderrIsNotATerminalEachUpdateIsALineWithoutCarriageReturns() {
        CliRun r = list(false);
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).doesNotContain("\r").startsWith("10000 records, ");
        assertThat(r.err().lines()).hasSize(2).last().asString().startsWith("10005 records, ");
    }

    @Test
    void onATerminalTheLineRewritesItself() {
        CliRun r = list(true);
        assertThat(r.err()).startsWith("\r10000 records, ").contains("\r10005 records, ").endsWith(System.lineSeparator());
    }

    @Test
    void quietPrintsNoProgress() {
        for (String q : new String[] {"--quiet", "-q"}) {
            CliRun r = list(true, q);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out().split("\r\n")).hasSize(1 + Progress.EVERY + 5);
            assertThat(r.err()).isEmpty();
        }
    }
}
