package org.sessionsdk.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sessionsdk.cli.FollowCommand.What;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.Scenario;
import org.sessionsdk.testkit.SenhaseguraSimulator;
import org.sessionsdk.testkit.SimClock;
import org.sessionsdk.testkit.Simulator;

/**
 * One followed stream for the {@code sessions follow} tests: a simulator playing a scenario on a
 * {@link SimClock}, the scenario's steps as clock instants, the keys of every scripted change, and
 * the follow command line for it.
 *
 * <p>The follower runs on the real clock; the simulator's clock starts at the real now and only ever
 * moves ahead of it (a minute a step), so every feed window reaching back from the follower's now
 * still holds what the scenario scripted.
 *
 * <p>Step {@code i} (from 1): session {@code s<i>} starts; {@code s<i-2>} ends, so sessions overlap;
 * where the vendor reports history (all but Plesk) a session {@code f<i>} also starts and ends within
 * the step, between two polls. Audit streams get two entries a step.
 */
final class FollowScript implements AutoCloseable {
    static final Duration STEP = Duration.ofMinutes(1);
    private static final Pattern ID = Pattern.compile("[{,]\"id\":\"([^\"]*)\"");
    private static final Pattern CHANGE = Pattern.compile("\"change\":\"(\\w+)\"");

    final Vendor vendor;
    final What what;
    final SimClock clock;
    final Simulator sim;
    final int steps;
    private final Scenario scenario;

    /** The simulator's instant as a file, for a follower in a child JVM ({@link FollowChild}). */
    final Path clockFile;

    FollowScript(Vendor vendor, What what, int steps, Path dir) {
        this.clockFile = dir.resolve("clock-" + vendor + "-" + what);
        this.vendor = vendor;
        this.what = what;
        this.steps = steps;
        this.clock = SimClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        this.scenario = scenario(vendor, what, steps);
        this.sim = switch (vendor) {
            case plesk -> PleskSimulator.start().withSessions(0).withEvents(0).withClock(clock).withScenario(scenario);
            case ekran -> EkranSimulator.start().withSessions(0).withAlerts(0).withClock(clock).withScenario(scenario);
            case saymon -> SaymonSimulator.start().withSessions(0).withAuditEntries(0).withClock(clock).withScenario(scenario);
            case senhasegura -> SenhaseguraSimulator.start().withSessions(0).withClock(clock).withScenario(scenario);
        };
        writeClockFile();
    }

    /** Moves the simulator's clock to just after step {@code i}, then the followers' clock file: never ahead of the simulator. */
    void advance(int i) {
        clock.set(stepTime(i));
        writeClockFile();
    }

    private void writeClockFile() {
        try {
            Path tmp = clockFile.resolveSibling(clockFile.getFileName() + ".tmp");
            java.nio.file.Files.writeString(tmp, clock.instant().toString());
            java.nio.file.Files.move(tmp, clockFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@return the command run in-process on the simulator's clock} */
    CliRun run(Map<String, String> env, List<String> args) {
        return CliRun.in(env).clock(new TickingClock(clock::instant)).run(args.toArray(String[]::new));
    }

    private static Scenario scenario(Vendor vendor, What what, int steps) {
        Scenario.Builder b = Scenario.builder();
        for (int i = 1; i <= steps; i++) {
            Duration at = STEP.multipliedBy(i);
            if (what == What.audit) {
                b.audit(at, "alice", "created", "domain", "d" + i + ".example.com");
                b.audit(at.plusSeconds(5), "bob", "deleted", "domain", "old" + i + ".example.com");
                continue;
            }
            b.start(at, "s" + i, i % 2 == 0 ? "alice" : "bob", "192.0.2." + (i % 250 + 1));
            if (i > 2) {
                b.end(at.plusSeconds(1), "s" + (i - 2));
            }
            if (vendor != Vendor.plesk) {
                b.start(at.plusSeconds(5), "f" + i, "carol", "198.51.100.7");
                b.end(at.plusSeconds(10), "f" + i);
            }
        }
        return b.build();
    }

    /** {@return where the clock stands once step {@code i} (from 1) has happened} */
    Instant stepTime(int i) {
        return sim.anchor().plus(STEP.multipliedBy(i)).plusSeconds(30);
    }

    /** {@return for sessions, {@code STARTED <id>} and {@code ENDED <id>} of every scripted change, in script order} */
    Set<String> expectedSessionKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Scenario.Step s : scenario.steps()) {
            if (s instanceof Scenario.Start st) {
                keys.add("STARTED " + sessionId(st.id()));
            } else if (s instanceof Scenario.End e) {
                keys.add("ENDED " + sessionId(e.id()));
            }
        }
        return keys;
    }

    /** {@return how many changes or entries the script makes} */
    int expectedCount() {
        return what == What.audit ? (int) scenario.steps().stream().filter(s -> s instanceof Scenario.Audit).count()
                : expectedSessionKeys().size();
    }

    /** {@return the keys of every scripted change, asking the simulator for audit ids: call when the clock is past the end} */
    Set<String> expectedKeys() {
        if (what == What.sessions) {
            return expectedSessionKeys();
        }
        // what `sessions audit` lists from the anchor on, on the simulator's clock
        List<String> a = args(null);
        a = new ArrayList<>(a.subList(0, a.indexOf("--what")));
        a.set(0, "audit");
        a.addAll(List.of("--from", sim.anchor().toString(), "--format", "jsonl", "-q"));
        if (vendor == Vendor.saymon) {
            a.addAll(List.of("--user", SaymonSimulator.LOGIN));
        }
        CliRun r = run(env(), a);
        if (r.exitCode() != 0) {
            throw new AssertionError(r.err());
        }
        Set<String> keys = new LinkedHashSet<>();
        r.out().lines().forEach(l -> keys.add(key(l)));
        return keys;
    }

    private String sessionId(String label) {
        return switch (vendor) {
            case plesk -> ((PleskSimulator) sim).sessionId(label);
            case ekran -> String.valueOf(((EkranSimulator) sim).sessionId(label));
            case saymon -> ((SaymonSimulator) sim).sessionId(label);
            case senhasegura -> ((SenhaseguraSimulator) sim).sessionId(label);
        };
    }

    /** {@return a jsonl line's key: {@code STARTED <id>} or {@code ENDED <id>} for sessions, the entry's id for audit} */
    static String key(String jsonLine) {
        Matcher id = ID.matcher(jsonLine);
        if (!id.find()) {
            throw new AssertionError("no id in " + jsonLine);
        }
        Matcher change = CHANGE.matcher(jsonLine);
        return change.find() ? change.group(1) + " " + id.group(1) : id.group(1);
    }

    /** {@return the environment with the secret} */
    Map<String, String> env() {
        return Map.of("SESSIONS_SECRET", switch (vendor) {
            case plesk -> PleskSimulator.SECRET_KEY;
            case ekran -> EkranSimulator.API_KEY;
            case saymon -> SaymonSimulator.PASSWORD;
            case senhasegura -> SenhaseguraSimulator.CLIENT_SECRET;
        });
    }

    /** {@return {@code follow} for this stream, jsonl, a poll every 50 ms, one stderr line per poll, from the anchor} */
    List<String> args(Path checkpoint, String... more) {
        List<String> a = new ArrayList<>(List.of("follow", "--vendor", vendor.name(), "--endpoint", sim.endpoint().toString(),
                "--what", what.name(), "--since", sim.anchor().toString(), "--poll", "50ms", "--format", "jsonl", "-v"));
        switch (vendor) {
            case saymon -> a.addAll(List.of("--user", SaymonSimulator.LOGIN));
            case senhasegura -> a.addAll(List.of("--user", SenhaseguraSimulator.CLIENT_ID));
            default -> { }
        }
        if (checkpoint != null) {
            a.addAll(List.of("--checkpoint", checkpoint.toString()));
        }
        a.addAll(List.of(more));
        return a;
    }

    /** {@return the "N in all" of a {@code -v} poll line, or -1 for any other line} */
    static long printedInAll(String errLine) {
        int at = errLine.indexOf(" in all, checkpoint");
        if (!errLine.startsWith("sessions follow: polled: ") || at < 0) {
            return -1;
        }
        return Long.parseLong(errLine.substring(errLine.lastIndexOf(' ', at - 1) + 1, at));
    }

    @Override
    public void close() {
        sim.close();
    }
}
