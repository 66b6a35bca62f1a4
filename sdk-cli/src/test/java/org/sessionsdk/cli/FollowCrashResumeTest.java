package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionsdk.cli.FollowCommand.What;
import org.sessionsdk.core.feed.FileCheckpointStore;

/**
 * The core requirement: {@code sessions follow} in a child JVM, killed with SIGKILL at random
 * points while a simulator in this JVM plays a scenario on a clock the test advances, restarted each
 * time with the same {@code --checkpoint}. The union of all outputs must hold every scripted change
 * (lost = 0), and each restart may repeat only lines printed after the last saved checkpoint.
 *
 * <p>Kills per vendor: {@code -Dsessionsdk.crash.kills=N} (default 6, which keeps the whole test command
 * under 10 minutes on 2 cores), split over the vendor's
 * sessions and audit feeds (senhasegura has sessions only); docs/reliability.md reports a run of 50; the
 * seed is {@code -Dsessionsdk.crash.seed}.
 * A follower is killed after a random 1 to 7 of its output lines (stdout or stderr): before its first
 * poll, between printing a batch and saving its checkpoint, or between two polls.
 */
class FollowCrashResumeTest {
    private static final int KILLS_PER_VENDOR = Integer.getInteger("sessionsdk.crash.kills", 6);
    private static final long SEED = Long.getLong("sessionsdk.crash.seed", 18);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.sessionsdk.cli.FollowCommandTest#streams")
    void killNineAtRandomPointsLosesNothing(Vendor vendor, What what) throws Exception {
        int budget = vendor == Vendor.senhasegura ? KILLS_PER_VENDOR : (KILLS_PER_VENDOR + 1) / 2;
        Random random = new Random(SEED * 31 + vendor.ordinal() * 2 + what.ordinal());
        int[] killsPlanned = {0};
        long t0 = System.nanoTime();
        // about one kill a step; the scenario grows with the kills asked for
        try (FollowScript script = new FollowScript(vendor, what, Math.max(4, budget), dir)) {
            Path checkpoint = dir.resolve(vendor + "-" + what + ".checkpoint");
            FollowDrive drive = new FollowDrive(script, checkpoint, FollowDrive::child,
                    () -> killsPlanned[0]++ < budget ? 1 + random.nextInt(7) : -1);
            drive.play();
            // all is printed; the kills not spent yet go to followers that just resume and are killed
            while (killsPlanned[0] < budget) {
                drive.killAfterAPoll();
                killsPlanned[0]++;
            }
            int code = drive.stop(FollowDrive.Follower::terminate);
            assertThat(code).as("SIGTERM ends it with 0: %s", drive.lastStderr()).isZero();
            assertThat(drive.lastStderr()).anySatisfy(l -> assertThat(l).contains("stopped by a signal after"));
            assertThat(FileCheckpointStore.read(checkpoint)).isPresent();

            Set<String> expected = script.expectedKeys();
            assertThat(expected).hasSize(script.expectedCount());
            Set<String> lost = new HashSet<>(expected);
            lost.removeAll(drive.union());
            long repeats = drive.checkRepeats();
            System.out.printf("crash-resume %s %s: kills=%d runs=%d events=%d lost=%d repeats=%d wall=%.1fs%n", vendor, what,
                    drive.kills(), drive.runs.size(), expected.size(), lost.size(), repeats, (System.nanoTime() - t0) / 1e9);
            assertThat(lost).as("lost").isEmpty();
            assertThat(drive.union()).as("nothing unscripted").isSubsetOf(expected);
            assertThat(drive.kills()).isGreaterThanOrEqualTo(budget);
        }
    }
}
