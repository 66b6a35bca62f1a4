package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionsdk.cli.FollowCommand.What;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FileCheckpointStore;
import org.sessionsdk.testkit.testing.TestCheckpoints;

/** {@code sessions follow} in-process against each vendor's simulator playing a scenario on a SimClock. */
class FollowCommandTest {
    private static final int STEPS = 6;

    @TempDir
    Path dir;

    static Stream<Arguments> streams() {
        return Stream.of(Arguments.of(Vendor.plesk, What.sessions), Arguments.of(Vendor.ekran, What.sessions),
                Arguments.of(Vendor.saymon, What.sessions), Arguments.of(Vendor.senhasegura, What.sessions),
                Arguments.of(Vendor.plesk, What.audit), Arguments.of(Vendor.ekran, What.audit),
                Arguments.of(Vendor.saymon, What.audit));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("streams")
    void printsEveryScriptedChangeOnceInOrder(Vendor vendor, What what) throws Exception {
        try (FollowScript script = new FollowScript(vendor, what, STEPS, dir)) {
            FollowDrive drive = new FollowDrive(script, dir.resolve("cp"), FollowDrive::inProcess, () -> -1)
                    .maxEvents(d -> script.expectedCount());
            drive.play();
            drive.stop(f -> { }); // it stops by itself at --max-events
            assertThat(drive.runs).hasSize(1);
            FollowDrive.Run run = drive.runs.get(0);
            assertThat(run.exitCode()).as(String.join("\n", run.stderr())).isZero();
            assertThat(run.stderr()).anySatisfy(l -> assertThat(l).contains("--max-events " + script.expectedCount() + " reached"));
            if (what == What.sessions) {
                assertThat(run.keys()).containsExactlyInAnyOrderElementsOf(script.expectedKeys());
                for (String k : run.keys()) {
                    if (k.startsWith("ENDED ")) {
                        assertThat(run.keys().indexOf("STARTED " + k.substring(6))).as(k).isLessThan(run.keys().indexOf(k));
                    }
                }
            } else {
                // (`sessions audit` lists SAYMON's log newest first, the feed oldest first)
                assertThat(run.keys()).containsExactlyInAnyOrderElementsOf(script.expectedKeys());
            }
            assertThat(FileCheckpointStore.read(dir.resolve("cp"))).isPresent();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("streams")
    void resumesFromTheCheckpointFileWithoutLossOrRepeat(Vendor vendor, What what) throws Exception {
        try (FollowScript script = new FollowScript(vendor, what, STEPS, dir)) {
            int half = script.expectedCount() / 2;
            // each follower stops by itself: the first half-way, the next ones when all is printed
            FollowDrive drive = new FollowDrive(script, dir.resolve("cp"), FollowDrive::inProcess, () -> -1)
                    .maxEvents(d -> d.runs.isEmpty() ? half : script.expectedCount() - d.union().size());
            drive.play();
            drive.stop(f -> { }); // it stops by itself at --max-events
            assertThat(drive.runs.size()).isGreaterThanOrEqualTo(2);
            assertThat(drive.runs).allSatisfy(r -> assertThat(r.exitCode()).as(String.join("\n", r.stderr())).isZero());
            assertThat(drive.runs.get(1).stderr()).anySatisfy(l -> assertThat(l).contains("from the checkpoint in"));
            assertThat(drive.union()).containsExactlyInAnyOrderElementsOf(script.expectedKeys());
            // clean stops save the checkpoint after the last line printed: nothing comes twice
            assertThat(drive.checkRepeats()).isZero();
        }
    }

    private CliRun follow(FollowScript script, Path checkpoint, String... more) {
        return script.run(script.env(), script.args(checkpoint, more));
    }

    @Test
    void aDamagedOrForeignCheckpointFileIsAUsageError() throws Exception {
        try (FollowScript script = new FollowScript(Vendor.ekran, What.sessions, 1, dir)) {
            Path cp = dir.resolve("damaged");
            Files.writeString(cp, "hello\n");
            CliRun r = follow(script, cp);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("--checkpoint " + cp).contains("not a sessionsdk checkpoint");
            assertThat(r.out()).isEmpty();

            Files.writeString(cp, "sdkcp1.!!!\n");
            assertThat(follow(script, cp).err()).contains("damaged");

            Path foreign = dir.resolve("foreign");
            FileCheckpointStore.write(foreign, TestCheckpoints.of("plesk/audit/cursor", Map.of("after", 7L)));
            CliRun f = follow(script, foreign);
            assertThat(f.exitCode()).isEqualTo(2);
            assertThat(f.err()).contains(foreign.toString()).contains("belongs to a plesk/audit/cursor feed");
            assertThat(Files.readString(foreign)).as("left as it was").startsWith("sdkcp1.");

            Path link = Files.createSymbolicLink(dir.resolve("link"), foreign);
            CliRun linked = follow(script, link);
            assertThat(linked.exitCode()).isEqualTo(2);
            assertThat(linked.err()).contains("--checkpoint " + link + ": is a symbolic link");

            CliRun nowhere = follow(script, dir.resolve("no/such/dir/cp"));
            assertThat(nowhere.exitCode()).isEqualTo(2);
            assertThat(nowhere.err()).contains("does not exist");
        }
    }

    @Test
    void aSecondFollowerOnTheSameCheckpointFailsAtStart() throws Exception {
        try (FollowScript script = new FollowScript(Vendor.ekran, What.sessions, 1, dir)) {
            Path cp = dir.resolve("cp");
            FollowDrive.Follower first = FollowDrive.child(script, script.args(cp));
            CliRun second;
            try {
                // it holds the file from before it says it is following until it ends
                FollowDrive.Line l = first.next();
                while (l != null && l.text() != null && !l.text().contains("sessions follow: following ")) {
                    l = first.next();
                }
                assertThat(l).as("the first follower started").isNotNull().extracting(FollowDrive.Line::text).isNotNull();
                // (--max-time only bounds a follower that would wrongly start)
                second = follow(script, cp, "--max-time", "3s");
            } finally {
                first.terminate();
            }
            assertThat(second.exitCode()).as(second.err()).isEqualTo(2);
            assertThat(second.err()).contains("--checkpoint " + cp).contains("in use by another writer");
            assertThat(second.out()).isEmpty();
            assertThat(first.exitCode()).as("the first went on undisturbed").isZero();
            CliRun third = follow(script, cp, "--max-time", "300ms");
            assertThat(third.exitCode()).as("free once the first ended: %s", third.err()).isZero();
        }
    }

    @Test
    void aSignalDuringAPollThatHangsEndsTheFollowerWithinTheShutdownTimeout() throws Exception {
        try (FollowScript script = new FollowScript(Vendor.ekran, What.sessions, 1, dir)) {
            Path cp = dir.resolve("cp");
            script.sim.faults().stallNext(); // the first answer stops mid-body and holds the connection
            List<String> args = new java.util.ArrayList<>(script.args(cp));
            // the stall outlasts the request timeout and the poll timeout of this test
            args.addAll(List.of("--timeout", "PT10M", "--shutdown-timeout", "1s"));
            FollowDrive.Follower f = FollowDrive.child(script, args);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (script.sim.requestCount() < 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // until the follower's poll is held by the server
            }
            assertThat(script.sim.requestCount()).as("the follower's poll reached the server").isPositive();
            f.terminate(); // SIGTERM
            assertThat(f.exitCode()).as("a signal is the normal end of a follower").isZero();
            StringBuilder err = new StringBuilder();
            // every line, up to the mark the readers leave once both pipes closed
            for (FollowDrive.Line l = f.next(); l != null && l.text() != null; l = f.next()) {
                if (!l.out()) {
                    err.append(l.text()).append('\n');
                }
            }
            assertThat(err).contains("did not end within --shutdown-timeout 1s");
        }
    }

    @Test
    void aLossTheFeedReportsIsATypedJsonLineAmongTheOutput() throws Exception {
        try (FollowScript script = new FollowScript(Vendor.plesk, What.audit, 1, dir)) {
            Path cp = dir.resolve("cp");
            // a checkpoint from before the panel's log was cleared: its cursor is far past the ids there now
            org.sessionsdk.core.feed.FileCheckpointStore.write(cp,
                    TestCheckpoints.of("plesk/audit/id", Map.of("next", 100_000L)));
            CliRun r = follow(script, cp, "--max-time", "2s");
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<String> gaps = r.out().lines().filter(l -> l.startsWith("{\"sessionsdk_gap\":")).toList();
            assertThat(gaps).singleElement().satisfies(l -> assertThat(l)
                    .contains("\"kind\":\"LOG_RESET\"", "\"vendor\":\"plesk\"", "\"last_id\":\"99999\"",
                            "\"endpoint\":\"" + script.sim.endpoint()));
        }
    }

    @Test
    void senhaseguraHasNoAuditFeed() {
        CliRun r = CliRun.run(Map.of("SESSIONS_SECRET", "s"), "follow", "--vendor", "senhasegura", "--endpoint",
                "http://127.0.0.1:9", "--user", "id", "--what", "audit");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("senhasegura documents no audit API");
    }

    @Test
    void anAuthenticationFailureExitsThree() {
        try (FollowScript script = new FollowScript(Vendor.ekran, What.sessions, 1, dir)) {
            List<String> args = script.args(null);
            CliRun r = script.run(Map.of("SESSIONS_SECRET", "wrong"), args);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void aFailingPollIsRetriedAndReportedAndFollowingGoesOn() throws Exception {
        try (FollowScript script = new FollowScript(Vendor.senhasegura, What.sessions, 3, dir)) {
            // more 503s in a row than the client's own retries absorb
            for (int i = 0; i < 8; i++) {
                script.sim.faults().failNext(503, null);
            }
            FollowDrive drive = new FollowDrive(script, dir.resolve("cp"), FollowDrive::inProcess, () -> -1)
                    .maxEvents(d -> script.expectedCount());
            drive.play();
            drive.stop(f -> { }); // it stops by itself at --max-events
            FollowDrive.Run run = drive.runs.get(0);
            assertThat(run.exitCode()).isZero();
            assertThat(run.stderr()).anySatisfy(l -> assertThat(l).startsWith("sessions follow: poll failed (").contains("503")
                    .contains("retrying in"));
            assertThat(run.stderr()).anySatisfy(l -> assertThat(l).startsWith("sessions follow: polling again after"));
            assertThat(run.keys()).containsExactlyInAnyOrderElementsOf(script.expectedKeys());
        }
    }

    @Test
    void theTableAndShortDurations() {
        try (FollowScript script = new FollowScript(Vendor.saymon, What.sessions, 2, dir)) {
            script.advance(2);
            List<String> args = new ArrayList<>(script.args(null, "--max-time", "30s", "--max-events", "1"));
            args.set(args.indexOf("jsonl"), "table");
            CliRun r = script.run(script.env(), args);
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("CHANGE   OBSERVED_AT"));
            assertThat(r.out().lines().skip(1)).isNotEmpty().allSatisfy(l -> assertThat(l).matches("(STARTED|ENDED) .*saymon.*"));
        }
    }

    @Test
    void ecsWritesOneSessionDocumentPerChangeForAScenario() {
        try (FollowScript script = new FollowScript(Vendor.senhasegura, What.sessions, 2, dir)) {
            script.advance(2);
            List<String> args = new ArrayList<>(script.args(null, "--max-time", "30s", "--max-events", "2"));
            args.set(args.indexOf("jsonl"), "ecs");
            CliRun r = script.run(script.env(), args);
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<String> lines = r.out().lines().toList();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(2).allSatisfy(l -> assertThat(l)
                    .startsWith("{\"@timestamp\":").contains("\"ecs\":{\"version\":\"9.4.0\"}")
                    .contains("\"category\":[\"authentication\",\"session\"]").containsPattern("\"type\":\\[\"(start|end)\"\\]"));
            args.set(args.indexOf("ecs"), "ocsf");
            CliRun o = script.run(script.env(), args);
            assertThat(o.exitCode()).as(o.err()).isZero();
            assertThat(o.out().lines()).allSatisfy(l -> assertThat(l).startsWith("{\"class_uid\":3002,"));
        }
    }

    @Test
    void maxTimeStopsAQuietSource() throws Exception {
        try (FollowScript script = new FollowScript(Vendor.plesk, What.audit, 1, dir)) {
            Path cp = dir.resolve("cp");
            CliRun r = follow(script, cp, "--max-time", "PT0.3S");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("--max-time 0.3s reached after 0 lines; checkpoint saved in " + cp);
            assertThat(FileCheckpointStore.read(cp)).isPresent();
        }
    }

    @Test
    void badDurationsAndCsvAreUsageErrors() {
        CliRun r = CliRun.run(Map.of(), "follow", "--vendor", "plesk", "--endpoint", "http://127.0.0.1:9", "--poll", "10x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--poll: '10x' is not a duration (e.g. 30s, 2m");
        CliRun csv = CliRun.run(Map.of("SESSIONS_SECRET", "k"), "follow", "--vendor", "plesk", "--endpoint", "http://127.0.0.1:9",
                "--format", "csv");
        assertThat(csv.exitCode()).isEqualTo(2);
        assertThat(csv.err()).contains("follow prints table, jsonl, ocsf or ecs");
        assertThat(new Durations().convert("1h30m")).hasMinutes(90);
        assertThat(new Durations().convert("500ms")).hasMillis(500);
        assertThat(new Durations().convert("PT0.05S")).hasMillis(50);
        assertThat(Instant.EPOCH.plus(new Durations().convert("2d"))).isEqualTo(Instant.parse("1970-01-03T00:00:00Z"));
    }

    @Test
    void aBatchSizeBelowOneIsAUsageError() {
        CliRun r = CliRun.run(Map.of("SESSIONS_SECRET", "k"), "follow", "--vendor", "plesk", "--endpoint", "http://127.0.0.1:9",
                "--max-batch-size", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--max-batch-size: '0' is not a count (1 or more)");
        assertThat(r.out()).isEmpty();
    }
}
