package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionsdk.testkit.PleskSimulator;

/** Every place the secret may come from, in order, and a prompt that never waits for no one. */
class SecretLookupTest {
    private static PleskSimulator panel;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        panel = PleskSimulator.start().withSessions(2);
    }

    @AfterAll
    static void stop() {
        panel.close();
    }

    private static String[] list(String... more) {
        List<String> a = new ArrayList<>(List.of("list", "--vendor", "plesk", "--endpoint", panel.endpoint().toString(),
                "--format", "csv"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("secret-" + content.hashCode()), content, StandardCharsets.UTF_8);
    }

    @Test
    void readsTheFirstLineOfTheSecretFile() throws IOException {
        Path key = file(PleskSimulator.SECRET_KEY + "\r\nignored second line\n");
        CliRun r = CliRun.run(Map.of(), list("--secret-file", key.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().split("\r\n")).hasSize(1 + 2);
    }

    @Test
    void theSecretFileOptionWinsOverTheEnvironmentWhichWinsOverItsFileVariable() throws IOException {
        Path good = file(PleskSimulator.SECRET_KEY);
        Path bad = file("wrong-key");
        assertThat(CliRun.run(Map.of("SESSIONS_SECRET", "wrong-key"), list("--secret-file", good.toString())).exitCode())
                .isZero();
        assertThat(CliRun.run(Map.of("SESSIONS_SECRET", PleskSimulator.SECRET_KEY, "SESSIONS_SECRET_FILE", bad.toString()),
                list()).exitCode()).isZero();
        assertThat(CliRun.run(Map.of("SESSIONS_SECRET_FILE", good.toString()), list()).exitCode()).isZero();
    }

    @Test
    void anUnreadableOrEmptySecretFileIsAUsageError() throws IOException {
        CliRun missing = CliRun.run(Map.of(), list("--secret-file", dir.resolve("absent").toString()));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--secret-file").contains("absent").contains("cannot read it");
        assertThat(missing.out()).isEmpty();

        CliRun empty = CliRun.run(Map.of("SESSIONS_SECRET_FILE", file("\n").toString()), list());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("SESSIONS_SECRET_FILE").contains("first line is empty");
    }

    @Test
    void readsAPipedSecretWhenStdinIsNotATerminal() {
        CliRun r = CliRun.in(Map.of()).pipe(PleskSimulator.SECRET_KEY + "\n").run(list());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().split("\r\n")).hasSize(1 + 2);
    }

    @Test
    void aPipeThatEndsWithoutASecretFailsAtOnce() {
        CliRun r = CliRun.in(Map.of()).pipe("").run(list());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no secret").contains("stdin").contains("SESSIONS_SECRET").contains("--secret-file");
    }

    @Test
    void anOpenPipeThatNeverWritesFailsInsteadOfWaiting() throws IOException {
        // the writer stays open and silent for the whole run, as a CI job's stdin does; the short
        // wait only keeps the test quick (the real one is under a second), nothing is timed
        try (PipedOutputStream writer = new PipedOutputStream(); PipedInputStream silent = new PipedInputStream(writer)) {
            CliRun r = CliRun.in(Map.of()).pipe(silent, Duration.ofMillis(20)).run(list());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("stdin is not a terminal and sent no line within 20 ms")
                    .contains("--secret-file /dev/stdin");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void aTerminalWithoutAConsoleFailsAtOnceAndIsNeverRead() {
        // CliRun's default stdin is a terminal that throws if read directly
        CliRun r = CliRun.run(Map.of(), list());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no secret").contains("there is no console to ask on")
                .contains("SESSIONS_SECRET_FILE").contains("--secret-file");
    }

    @Test
    void asksOnTheConsoleOnlyWhenNothingElseGaveASecret() {
        AtomicInteger asked = new AtomicInteger();
        CliRun r = CliRun.in(Map.of()).console(q -> {
            asked.incrementAndGet();
            assertThat(q).startsWith("plesk secret");
            return PleskSimulator.SECRET_KEY;
        }).run(list());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(asked).hasValue(1);

        CliRun fromEnv = CliRun.in(Map.of("SESSIONS_SECRET", PleskSimulator.SECRET_KEY)).console(q -> {
            asked.incrementAndGet();
            return "never asked";
        }).run(list());
        assertThat(fromEnv.exitCode()).isZero();
        assertThat(asked).hasValue(1);

        CliRun nothingTyped = CliRun.in(Map.of()).console(q -> "").run(list());
        assertThat(nothingTyped.exitCode()).isEqualTo(2);
        assertThat(nothingTyped.err()).contains("no secret was typed");
    }

    @Test
    void helpSaysWhereTheSecretComesFrom() {
        CliRun r = CliRun.run(Map.of(), "list", "--help");
        assertThat(r.out()).contains("--secret-file=PATH").contains("1. --secret-file PATH").contains("2. $SESSIONS_SECRET")
                .contains("3. the file named by $SESSIONS_SECRET_FILE")
                .contains("standard input, only when it is not a terminal").contains("a prompt on the console");
    }
}
