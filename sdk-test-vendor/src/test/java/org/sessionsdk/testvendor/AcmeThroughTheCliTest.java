package org.sessionsdk.testvendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code sessions}, run as its own process with this module on its class path, offers the fifth vendor
 * everywhere a vendor is named: help, list (its settings by the one rule, its secret by the usual
 * lookup), a refused secret, and {@code simulate}.
 */
class AcmeThroughTheCliTest {
    private static final String MAIN = "org.sessionsdk.cli.SessionsCommand";

    record Run(int code, String out, String err) {
    }

    private static Run sessions(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MAIN));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("SESSIONS_SECRET");
        pb.environment().remove("SESSIONS_SECRET_FILE");
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpNamesItAndListReadsIt() throws Exception {
        Run help = sessions(Map.of(), "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Acme Sessions");
        Run listHelp = sessions(Map.of(), "list", "--help");
        assertThat(listHelp.out()).contains("acme");

        try (AcmeSimulator sim = AcmeSimulator.start().withSessions(4)) {
            Run list = sessions(Map.of("SESSIONS_SECRET", AcmeSimulator.TOKEN), "list", "--vendor", "ACME",
                    "--endpoint", sim.endpoint().toString(), "--format", "jsonl", "-q");
            assertThat(list.code()).as(list.err()).isZero();
            assertThat(list.out().lines().toList()).hasSize(4)
                    .allSatisfy(l -> assertThat(l).contains("\"vendor\":\"acme\""));

            Run refused = sessions(Map.of("SESSIONS_SECRET", "not-the-token"), "list", "--vendor", "acme",
                    "--endpoint", sim.endpoint().toString(), "-q");
            assertThat(refused.code()).as(refused.err()).isEqualTo(3);
            assertThat(refused.err()).doesNotContain("not-the-token");

            Run unknown = sessions(Map.of("SESSIONS_SECRET", AcmeSimulator.TOKEN), "list", "--vendor", "acme",
                    "--endpoint", sim.endpoint().toString(), "--set", "colour=blue");
            assertThat(unknown.code()).isEqualTo(2);
            assertThat(unknown.err()).contains("--set colour:").contains("unknown setting");
        }
    }

    @Test
    void simulateServesIt() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MAIN, "simulate", "--vendor", "acme");
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            assertThat(line).startsWith("{\"vendor\":\"acme\",\"endpoint\":\"http://127.0.0.1:")
                    .contains("\"credentials\":{\"token\":\"" + AcmeSimulator.TOKEN + "\"}");
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isZero();
    }
}
