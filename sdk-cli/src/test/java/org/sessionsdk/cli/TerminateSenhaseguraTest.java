package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionsdk.senhasegura.SenhaseguraSession;
import org.sessionsdk.testkit.SenhaseguraSimulator;

/** Ending a senhasegura session from the command line, by the id a list shows or by its session_id. */
class TerminateSenhaseguraTest {
    private static final Map<String, String> SECRET = Map.of("SESSIONS_SECRET", SenhaseguraSimulator.CLIENT_SECRET);

    private SenhaseguraSimulator pam;

    @BeforeEach
    void start() {
        pam = SenhaseguraSimulator.start().withSessions(5);
    }

    @AfterEach
    void stop() {
        pam.close();
    }

    private String[] args(String command, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "--vendor", "senhasegura", "--endpoint", pam.endpoint().toString(),
                "--user", SenhaseguraSimulator.CLIENT_ID));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** The last generated session is always live. */
    private SenhaseguraSession live() {
        SenhaseguraSession s = pam.session(4);
        assertThat(s.open()).isTrue();
        return s;
    }

    @Test
    void listsPrintTheSessionIdThatTerminateTakes() {
        SenhaseguraSession s = live();
        CliRun json = CliRun.run(SECRET, args("list", "--format", "jsonl"));
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out().lines().filter(l -> l.contains("\"id\":\"" + s.id() + "\"")))
                .singleElement().asString().contains("\"session_id\":\"" + s.sessionId() + "\"");

        CliRun csv = CliRun.run(SECRET, args("list", "--format", "csv"));
        assertThat(csv.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).contains(",session_id,"));
        assertThat(csv.out()).contains("senhasegura," + s.id() + ",").contains("," + s.sessionId() + ",");
    }

    @Test
    void terminatesByTheSessionId() {
        SenhaseguraSession s = live();
        CliRun r = CliRun.run(SECRET, args("terminate", "--id", s.sessionId()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("terminated " + s.sessionId() + System.lineSeparator());
        assertThat(pam.terminations()).isEqualTo(1);
        assertThat(pam.session(4).open()).isFalse();
    }

    @Test
    void terminatesByTheNumericIdTheTableShows() {
        SenhaseguraSession s = live();
        CliRun r = CliRun.run(SECRET, args("terminate", "--id", s.id()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("terminated " + s.id() + " (session_id " + s.sessionId() + ")" + System.lineSeparator());
        assertThat(pam.terminations()).isEqualTo(1);
        assertThat(pam.session(4).open()).isFalse();

        // ended already, or never there: the server's no is an API error
        assertThat(CliRun.run(SECRET, args("terminate", "--id", s.id())).exitCode()).isEqualTo(4);
        CliRun unknown = CliRun.run(SECRET, args("terminate", "--id", "999"));
        assertThat(unknown.exitCode()).isEqualTo(4);
        assertThat(pam.terminations()).isEqualTo(1);
    }

    @Test
    void helpSaysWhichIdsTerminateTakes() {
        CliRun r = CliRun.run(Map.of(), "terminate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("senhasegura: the numeric id").contains("40-hex session_id")
                .contains("'list --format jsonl|csv' prints both");
    }
}
