package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sessionsdk.testkit.PleskSimulator;

class SessionsCommandTest {
    private static PleskSimulator panel;
    private static final Map<String, String> KEY = Map.of("SESSIONS_SECRET", PleskSimulator.SECRET_KEY);

    @BeforeAll
    static void start() {
        panel = PleskSimulator.start().withSessions(3).withEvents(12);
    }

    @AfterAll
    static void stop() {
        panel.close();
    }

    private static String[] plesk(String command, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of(command, "--vendor", "plesk", "--endpoint", panel.endpoint().toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void listsAsATable() {
        CliRun r = CliRun.run(KEY, plesk("list"));
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("VENDOR").contains("USER").contains("LAST_ACTIVITY");
        assertThat(lines).hasSize(1 + 3);
        assertThat(lines.get(1)).startsWith("plesk").contains("https").contains("127.0.0.1");
    }

    @Test
    void listsAsJsonLinesAndCsv() {
        CliRun json = CliRun.run(KEY, plesk("list", "--format", "jsonl"));
        assertThat(json.exitCode()).isZero();
        assertThat(json.out().lines()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{\"vendor\":\"plesk\",\"id\":\"")
                .contains("\"protocol\":\"https\"").contains("\"end\":null").endsWith("}"));

        CliRun csv = CliRun.run(KEY, plesk("list", "--format", "csv"));
        assertThat(csv.out()).startsWith("vendor,id,user,source,target,protocol,start,end,last_activity,type\r\n");
        assertThat(csv.out().split("\r\n")).hasSize(4);
        assertThat(csv.out().split("\r\n")[1].split(",", -1)).hasSize(10);
    }

    @Test
    void filtersByTime() {
        // the simulator's sessions start on 2026-01-05; nothing started before 2026-01-01
        CliRun r = CliRun.run(KEY, plesk("list", "--to", "2026-01-01T00:00:00Z", "--format", "jsonl"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void readsTheSecretFromAPromptWhenTheEnvironmentHasNone() {
        CliRun r = CliRun.run(Map.of(), q -> PleskSimulator.SECRET_KEY, plesk("list", "--format", "csv"));
        assertThat(r.exitCode()).isZero();
        CliRun none = CliRun.run(Map.of(), plesk("list"));
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("SESSIONS_SECRET");
    }

    @Test
    void exitCodesSayWhatWentWrong() throws IOException {
        assertThat(CliRun.run(KEY, "list").exitCode()).isEqualTo(2); // missing --vendor/--endpoint
        assertThat(CliRun.run(KEY, plesk("list", "--format", "yaml")).exitCode()).isEqualTo(2);
        assertThat(CliRun.run(KEY).exitCode()).isEqualTo(2);

        CliRun auth = CliRun.run(Map.of("SESSIONS_SECRET", "wrong-key"), plesk("list"));
        assertThat(auth.exitCode()).isEqualTo(3);
        assertThat(auth.err()).contains("11003").doesNotContain("wrong-key");

        panel.faults().failNext(400, "<packet/>");
        assertThat(CliRun.run(KEY, plesk("list")).exitCode()).isEqualTo(4);

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CliRun net = CliRun.run(KEY, "list", "--vendor", "plesk", "--endpoint", "http://127.0.0.1:" + closedPort);
        assertThat(net.exitCode()).isEqualTo(5);
    }

    @Test
    void printsAndFollowsTheEventLog() {
        CliRun r = CliRun.run(KEY, plesk("events", "--from-id", "10", "--format", "csv"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().split("\r\n")).hasSize(1 + 3);

        CliRun f = CliRun.run(KEY, plesk("events", "--from-id", "12", "--follow", "--poll", "PT0.01S", "--limit", "1",
                "--format", "jsonl"));
        assertThat(f.exitCode()).isZero();
        assertThat(f.out()).startsWith("{\"id\":\"12\"");

        CliRun wrongVendor = CliRun.run(KEY, "events", "--vendor", "ekran", "--endpoint", panel.endpoint().toString());
        assertThat(wrongVendor.exitCode()).isEqualTo(2);
    }

    @Test
    void terminatesASession() {
        String id = panel.sessions().get(0).id();
        CliRun r = CliRun.run(KEY, plesk("terminate", "--id", id));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("terminated " + id);
        assertThat(panel.sessions()).noneMatch(s -> s.id().equals(id));
        assertThat(CliRun.run(KEY, plesk("terminate", "--id", id)).exitCode()).isEqualTo(4);
    }

    @Test
    void showsProgressOnStderrForLongLists() {
        try (PleskSimulator big = PleskSimulator.start().withSessions(25_000)) {
            CliRun r = CliRun.in(Map.of("SESSIONS_SECRET", PleskSimulator.SECRET_KEY)).errIsTerminal(true).run("list",
                    "--vendor", "plesk", "--endpoint", big.endpoint().toString(), "--format", "csv");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out().split("\r\n")).hasSize(25_001);
            assertThat(r.err()).contains("\r10000 records, ").contains("\r20000 records, ").contains("\r25000 records, ");
        }
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.run(Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("list").contains("events").contains("terminate").contains("demo")
                .contains("SESSIONS_SECRET").containsPattern("5\\s+network");
        assertThat(CliRun.run(Map.of(), "--version").out()).startsWith("sessions ");
    }
}
