package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionsdk.cli.FollowCommand.What;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;

/**
 * The feed torture suite (issue 28) through {@code sessions follow} as a process: the conditions of the
 * testkit's {@code FeedTortureTest}, each played by a simulator in this JVM while followers in child
 * JVMs follow it on the simulator's clock, stopped by SIGTERM in the middle and resumed from the same
 * {@code --checkpoint} (see {@link FollowTortureRun}). Each run asserts exactly which lines arrived
 * (none lost, nothing else, no repeats) and which {@code sessionsdk_gap} lines were printed, and prints a
 * {@code TORTURE follow ...} line (docs/reliability.md).
 *
 * <p>Each run costs two child JVMs and 30 to 70 polls, so by default seven runs: one per kind of
 * condition (skew, drift, late rows, DST, log reset, backlog, a failing SAYMON user), spread over the
 * four vendors and both streams (about 60 s on 2 cores shared with other builds);
 * {@code -Dsessionsdk.torture.all=true} runs every condition on every feed it applies to (46 runs, about
 * 6 minutes), as docs/reliability.md reports. A handler failing is not a
 * condition here (follow's handler fails only when stdout is gone, which ends it); kills at random
 * points are {@link FollowCrashResumeTest}'s.
 */
class FollowTortureTest {
    private static final boolean ALL = Boolean.getBoolean("sessionsdk.torture.all");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    private static FollowTortureRun run(Vendor v, What w, String condition) {
        return new FollowTortureRun(v, w, condition);
    }

    /** Every feed under a condition set by {@code set}; by default only {@code pick}'s. */
    private static Stream<FollowTortureRun> feeds(String condition, String pick, java.util.function.Consumer<FollowTortureRun> set) {
        List<FollowTortureRun> runs = new ArrayList<>();
        for (Vendor v : Vendor.values()) {
            for (What w : What.values()) {
                if (w == What.audit && v == Vendor.senhasegura) {
                    continue;
                }
                FollowTortureRun r = run(v, w, condition);
                if (ALL || r.toString().equals(pick + " " + condition)) {
                    set.accept(r);
                    runs.add(r);
                }
            }
        }
        return runs.stream();
    }

    static Stream<FollowTortureRun> conditions() {
        return Stream.of(
                feeds("skew-10m", "plesk sessions", r -> r.skew = Duration.ofMinutes(-10)),
                feeds("skew+10m", "none by default", r -> r.skew = Duration.ofMinutes(10)),
                feeds("drift+2m/h", "saymon sessions", r -> r.drift = Duration.ofMinutes(2)),
                feeds("late14m", "senhasegura sessions", r -> r.late = Duration.ofMinutes(14)),
                feeds("late5m", "none by default", r -> r.late = Duration.ofMinutes(5)),
                daylightSaving(),
                logReset(),
                backlog(),
                Stream.of(saymonUserFailing())).flatMap(s -> s);
    }

    /** Sessions of the vendors whose wire has server-local times, 40 minutes before a change in Berlin. */
    private static Stream<FollowTortureRun> daylightSaving() {
        List<FollowTortureRun> runs = new ArrayList<>();
        for (Vendor v : List.of(Vendor.senhasegura, Vendor.plesk, Vendor.ekran)) {
            for (String change : List.of("2026-10-25T01:00:00Z fall-back", "2026-03-29T01:00:00Z spring-forward")) {
                FollowTortureRun r = run(v, What.sessions, "dst-" + change.split(" ")[1]);
                if (ALL || r.toString().equals("ekran sessions dst-fall-back")) {
                    r.zone = BERLIN;
                    r.start = Instant.parse(change.split(" ")[0]).minus(Duration.ofMinutes(40));
                    runs.add(r);
                }
            }
        }
        return runs.stream();
    }

    /** The id-cursor audit logs, cleared at +30m: one LOG_RESET gap line, everything after it printed. */
    private static Stream<FollowTortureRun> logReset() {
        return Stream.of(Vendor.plesk, Vendor.ekran).filter(v -> ALL || v == Vendor.plesk).map(v -> {
            FollowTortureRun r = run(v, What.audit, "log-reset");
            r.actions.put(30, sim -> {
                if (sim instanceof PleskSimulator p) {
                    p.resetLog();
                } else {
                    ((EkranSimulator) sim).resetLog();
                }
            });
            r.expectedGaps.add("LOG_RESET");
            return r;
        });
    }

    /** A week of entries behind the id-cursor audit logs, from a week back with {@code --max-batch-size 500}. */
    private static Stream<FollowTortureRun> backlog() {
        return Stream.of(Vendor.plesk, Vendor.ekran).filter(v -> ALL || v == Vendor.ekran).map(v -> {
            FollowTortureRun r = run(v, What.audit, "week-backlog-500");
            int n = v == Vendor.plesk ? 7 * 24 * 60 : 7 * 24 * 60 / 7;
            r.setUp = sim -> {
                if (sim instanceof PleskSimulator p) {
                    p.withEvents(n);
                } else {
                    ((EkranSimulator) sim).withAlerts(n);
                }
            };
            r.since = FollowTortureRun.T0.minus(Duration.ofDays(7)).minus(Duration.ofHours(1));
            r.maxBatchSize = 500;
            for (int id = 1; id <= n; id++) {
                r.extraExpected.add("AUDIT #" + id);
            }
            return r;
        });
    }

    /** SAYMON's per-user audit logs, act03's answering 500 from +10m to +30m. */
    private static FollowTortureRun saymonUserFailing() {
        FollowTortureRun r = run(Vendor.saymon, What.audit, "user-log-fails-20m");
        r.actions.put(10, sim -> ((SaymonSimulator) sim).failAuditLogOf("act03", 500));
        r.actions.put(30, sim -> ((SaymonSimulator) sim).failAuditLogOf("act03", 0));
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void followStoppedAndResumedInTheMiddlePrintsExactlyWhatHappened(FollowTortureRun run) throws Exception {
        run.play(dir);
    }

    @AfterAll
    static void printTable() {
        System.out.println("| vendor | stream | condition | expected | delivered | lost | repeats | gaps |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (FollowTortureRun.Figures f : FollowTortureRun.FIGURES) {
            System.out.println("| " + f.vendor() + " | " + f.what() + " | " + f.condition() + " | " + f.expected() + " | "
                    + f.delivered() + " | " + f.lost() + " | " + f.repeats() + " | " + f.gaps() + " |");
        }
        assertThat(FollowTortureRun.FIGURES).as("torture runs")
                .allSatisfy(f -> assertThat(f.lost()).as(f.line()).isZero());
    }
}
