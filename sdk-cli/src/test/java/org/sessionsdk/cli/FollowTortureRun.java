package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sessionsdk.cli.FollowCommand.What;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.SenhaseguraSimulator;
import org.sessionsdk.testkit.SimClock;
import org.sessionsdk.testkit.Simulator;
import org.sessionsdk.testkit.torture.TortureScript;

/**
 * One torture run (issue 28) through {@code sessions follow} as a process: the testkit suite's scripted
 * hour ({@code FeedTortureTest}, whose scenario and expectations this repeats) played by a simulator in
 * this JVM under one condition, while {@code follow --format jsonl -v --checkpoint} runs in a child JVM
 * ({@link FollowChild}) on the simulator's clock, polling every 20 ms. The test moves the clock a step
 * (2 or 5 minutes) at a time and goes on
 * once the follower reported two polls after the move (its {@code -v} lines); in the middle it stops the
 * follower with SIGTERM and starts a new one on the same checkpoint. What the followers printed is then
 * checked: every scripted session start and end or audit entry (none lost, nothing else), no repeats (a
 * follower stopped by a signal saves what it printed), and exactly the expected {@code sessionsdk_gap}
 * lines.
 */
final class FollowTortureRun extends TortureScript {
    /**
     * How far the clock moves a step: 2 minutes for Plesk's sessions, which lists open sessions only
     * (the shortest scripted session is open 4 minutes), 5 minutes for the logs, which keep history.
     */
    private Duration step() {
        return vendor == Vendor.plesk && what == What.sessions ? Duration.ofMinutes(2) : Duration.ofMinutes(5);
    }
    private static final Pattern GAP = Pattern.compile("^\\{\"sessionsdk_gap\":\\{\"kind\":\"(\\w+)\"");


    /** One run's figures. */
    record Figures(Vendor vendor, What what, String condition, int expected, int delivered, int lost, int repeats,
                   int gaps, int followers) {
        String line() {
            return "TORTURE follow " + vendor + " " + what + " " + condition + " expected=" + expected + " delivered="
                    + delivered + " lost=" + lost + " repeats=" + repeats + " gaps=" + gaps + " followers=" + followers;
        }
    }

    static final List<Figures> FIGURES = Collections.synchronizedList(new ArrayList<>());

    // ---- the script (the rest is TortureScript's) ----
    final Vendor vendor;
    final What what;
    final List<String> expectedGaps = new ArrayList<>();

    // ---- what happened ----
    private final List<String> printed = new ArrayList<>();
    private final List<String> gaps = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private int followers;

    FollowTortureRun(Vendor vendor, What what, String condition) {
        super(vendor.name(), what == What.sessions, condition);
        this.vendor = vendor;
        this.what = what;
    }

    private Map<String, String> env() {
        return Map.of("SESSIONS_SECRET", switch (vendor) {
            case plesk -> PleskSimulator.SECRET_KEY;
            case ekran -> EkranSimulator.API_KEY;
            case saymon -> SaymonSimulator.PASSWORD;
            case senhasegura -> SenhaseguraSimulator.CLIENT_SECRET;
        });
    }

    private List<String> args(Simulator sim, Path checkpoint) {
        List<String> a = new ArrayList<>(List.of("follow", "--vendor", vendor.name(), "--endpoint", sim.endpoint().toString(),
                "--what", what.name(), "--poll", "20ms", "--format", "jsonl", "-v", "--checkpoint", checkpoint.toString()));
        switch (vendor) {
            case saymon -> a.addAll(List.of("--user", SaymonSimulator.LOGIN));
            case senhasegura -> a.addAll(List.of("--user", SenhaseguraSimulator.CLIENT_ID));
            default -> { }
        }
        if (since != null) {
            a.addAll(List.of("--since", since.toString()));
        }
        if (maxBatchSize != null) {
            a.addAll(List.of("--max-batch-size", maxBatchSize.toString()));
        }
        return a;
    }

    /** {@return a jsonl line's key: the change and user of a session, the actor of a scripted audit entry or the id of another} */
    static String key(String line) {
        if (line.startsWith("{\"change\":") || line.contains(",\"change\":")) {
            return field(line, "change") + " " + field(line, "user");
        }
        return auditKey(field(line, "actor"), field(line, "id"));
    }

    private static String field(String line, String name) {
        Matcher f = Pattern.compile("[{,]\"" + name + "\":\"([^\"]*)\"").matcher(line);
        return f.find() ? f.group(1) : null;
    }

    /** Plays the script through two followers, checks exactly what they printed, and returns the figures. */
    Figures play(Path dir) throws Exception {
        SimClock clock = SimClock.at(start);
        Path clockFile = dir.resolve("clock");
        Path checkpoint = dir.resolve("follow.checkpoint");
        Duration step = step();
        int steps = (int) (length.toSeconds() / step.toSeconds());
        int restartAt = steps / 2;
        try (Simulator sim = startSimulator(clock)) {
            setUp.accept(sim);
            writeClock(clockFile, clock.instant());
            List<String> args = args(sim, checkpoint);
            FollowDrive.Follower follower = startFollower(clockFile, args, 1);
            for (int k = 1; k <= steps; k++) {
                clock.advance(step);
                writeClock(clockFile, clock.instant());
                // the first poll line may be of a poll that began before the move; the second began after it
                readPolls(follower, 2);
                if (k == restartAt) {
                    stop(follower);
                    follower = startFollower(clockFile, args, 1);
                    assertThat(stderr).as(this + ": the second follower resumes from the checkpoint")
                            .anySatisfy(l -> assertThat(l).contains("from the checkpoint in " + checkpoint));
                }
                Consumer<Simulator> action = actions.get((int) (k * step.toMinutes()));
                if (action != null) {
                    action.accept(sim);
                }
            }
            stop(follower);
        }
        return check();
    }

    private FollowDrive.Follower startFollower(Path clockFile, List<String> args, int polls) throws Exception {
        followers++;
        FollowDrive.Follower f = FollowDrive.child(clockFile, env(), args);
        readPolls(f, polls);
        return f;
    }

    /** Reads the follower's lines until it reported {@code n} polls (the lines of a poll come before its report). */
    private void readPolls(FollowDrive.Follower f, int n) throws InterruptedException {
        for (int seen = 0; seen < n; ) {
            FollowDrive.Line l = f.next();
            assertThat(l).as(this + ": a line from the follower within 60 s; on stderr %s", stderr).isNotNull();
            assertThat(l.text()).as(this + ": the follower ended early; on stderr %s", stderr).isNotNull();
            if (keep(l)) {
                seen++;
            }
        }
    }

    /** Keeps a line; {@return whether it reported a poll} */
    private boolean keep(FollowDrive.Line l) {
        if (!l.out()) {
            stderr.add(l.text());
            if (l.text().startsWith("sessions follow: polled: ") && maxBatchSize != null) {
                int handed = Integer.parseInt(l.text().substring("sessions follow: polled: ".length()).split(" ")[0]);
                assertThat(handed).as(this + ": a poll hands over at most --max-batch-size").isLessThanOrEqualTo(maxBatchSize);
            }
            return FollowScript.printedInAll(l.text()) >= 0;
        }
        Matcher gap = GAP.matcher(l.text());
        if (gap.find()) {
            gaps.add(gap.group(1));
        } else {
            printed.add(key(l.text()));
        }
        return false;
    }

    /** SIGTERM: the poll in hand is printed and saved, the follower exits 0. */
    private void stop(FollowDrive.Follower f) throws InterruptedException {
        f.terminate();
        for (FollowDrive.Line l; (l = f.next()) != null && l.text() != null; ) {
            keep(l);
        }
        assertThat(f.exitCode()).as(this + ": SIGTERM ends the follower with 0; on stderr %s", stderr).isZero();
        assertThat(stderr).as(this + ": it says it stopped").anySatisfy(l -> assertThat(l).contains("stopped by a signal after"));
    }

    private static void writeClock(Path clockFile, Instant now) {
        try {
            Path tmp = clockFile.resolveSibling(clockFile.getFileName() + ".tmp");
            Files.writeString(tmp, now.toString());
            Files.move(tmp, clockFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Figures check() {
        Tally t = Tally.of(expected(), printed, Set.of());
        Figures f = new Figures(vendor, what, condition, t.expected().size(), t.delivered(), t.lost().size(), t.repeats(),
                gaps.size(), followers);
        FIGURES.add(f);
        System.out.println(f.line());
        assertThat(t.lost()).as(this + ": none lost (printed " + printed + "; stderr " + stderr + ")").isEmpty();
        assertThat(t.unexpected()).as(this + ": nothing that did not happen").isEmpty();
        assertThat(t.repeats()).as(this + ": no repeats: a follower stopped by SIGTERM saved what it printed").isZero();
        assertThat(gaps).as(this + ": exactly the expected gap lines").containsExactlyElementsOf(expectedGaps);
        return f;
    }
}
