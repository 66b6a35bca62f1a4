package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.CheckpointStore;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.FeedRunner;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.testkit.torture.TortureScript;

/**
 * One scripted torture run (issue 28): a simulator plays a scenario while a {@link FeedRunner} follows
 * it in steps of a poll interval, both clocks moved by the test; at a step chosen by a fixed seed the
 * process "dies" between handling a batch and saving its checkpoint, and a new feed and runner resume
 * from the store. What the handler was given is then checked against what the scenario says happened.
 */
final class TortureRun {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final Duration STEP = Duration.ofSeconds(30);
    private static final String KEY = "torture";

    /** Which feed of a client is followed. */
    enum Stream {
        SESSIONS, AUDIT
    }

    /** One run's figures, for the report and docs/reliability.md. */
    record Figures(Vendor vendor, Stream stream, String condition, int expected, int delivered, int lost, int repeats,
                   int gaps) {
        String line() {
            return "TORTURE " + vendor.name().toLowerCase() + " " + stream.name().toLowerCase() + " " + condition
                    + " expected=" + expected + " delivered=" + delivered + " lost=" + lost + " repeats=" + repeats
                    + " gaps=" + gaps;
        }
    }

    /** Every run's figures, in the order they ran. */
    static final List<Figures> FIGURES = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Thrown by the store's save to play a process dying after the handler returned, before the save. */
    static final class Crash extends Error {
        Crash() {
            super("the process dies before the checkpoint is saved", null, false, false);
        }
    }

    /** Checkpoints kept as their text (so each resume goes through {@link Checkpoint#parse}); can crash once. */
    static final class MemoryStore implements CheckpointStore {
        private final Map<String, String> saved = new HashMap<>();
        boolean crashOnNextSave;

        @Override
        public Optional<Checkpoint> load(String key) {
            return Optional.ofNullable(saved.get(key)).map(Checkpoint::parse);
        }

        @Override
        public void save(String key, Checkpoint checkpoint) {
            if (crashOnNextSave) {
                crashOnNextSave = false;
                throw new Crash();
            }
            saved.put(key, checkpoint.toString());
        }
    }

    // ---- the script ----
    final Vendor vendor;
    final Stream stream;
    final String condition;
    /** The server's conditions: skew, drift, late rows, zone. */
    UnaryOperator<Vendor.World> world = w -> w;
    Scenario scenario = TortureScenarios.HOUR;
    Instant start = T0;
    Duration length = Duration.ofMinutes(70);
    UnaryOperator<FeedOptions.Builder> options = b -> b;
    /** Simulator set-up beyond the world (generated history); runs before the first poll. */
    Consumer<Simulator> setUp = s -> { };
    /** Something done to the simulator at a minute of the run, right after that minute's polls. */
    final Map<Integer, Consumer<Simulator>> actions = new HashMap<>();
    /** How many times in a row the handler fails on the first batch handed to it at or after {@link #failFrom}. */
    int handlerFailures;
    Duration failFrom = Duration.ofMinutes(20);
    long seed = 28;
    /** What must arrive, beyond the scenario's own entries. */
    final Set<String> extraExpected = new TreeSet<>();
    final List<FeedGap.Kind> expectedGaps = new ArrayList<>();
    /**
     * Gaps a run reports beyond {@link #expectedGaps}, each of which must pass this (e.g. an ambiguous
     * local time of the repeated hour, one per session there), at least {@link #alsoExpectedAtLeast} of them.
     */
    java.util.function.Predicate<FeedGap> alsoExpected = g -> false;
    int alsoExpectedAtLeast;

    // ---- what happened ----
    /** Every key the handler was given, each batch in order (failed and crashed batches included). */
    final List<String> handed = new ArrayList<>();
    /** Keys the handler may have been given twice: those of a failed batch or of one whose save crashed. */
    final Set<String> mayRepeat = new HashSet<>();
    final List<FeedGap> gaps = new ArrayList<>();
    int restarts;

    TortureRun(Vendor vendor, Stream stream, String condition) {
        this.vendor = vendor;
        this.stream = stream;
        this.condition = condition;
    }

    @Override
    public String toString() {
        return vendor.name().toLowerCase() + " " + stream.name().toLowerCase() + " " + condition;
    }

    /**
     * {@return the key an item is known by: the change and user of a session (Ekran's user id), the
     * actor of a scripted audit entry or the id of a generated one}
     */
    static String key(Object item) {
        if (item instanceof SessionChange c) {
            return c.type() + " " + c.session().user();
        }
        AuditEvent e = (AuditEvent) item;
        return TortureScript.auditKey(e.actor(), e.id());
    }

    /** {@return what the scenario says must arrive on this stream} */
    Set<String> expected() {
        return TortureScript.expected(scenario, vendor.name().toLowerCase(), stream == Stream.SESSIONS, extraExpected);
    }

    @SuppressWarnings("unchecked")
    private <T> Feed<T> feed(AutoCloseable client, FeedOptions o) {
        return (Feed<T>) (stream == Stream.SESSIONS ? ((SessionSource) client).sessionFeed(o)
                : ((AuditSource) client).auditFeed(o));
    }

    /** Plays the script, checks exactly what arrived, and returns the figures. */
    Figures play() throws Exception {
        SimClock clock = SimClock.at(start);
        Vendor.World w = world.apply(Vendor.World.of(clock, scenario));
        MemoryStore store = new MemoryStore();
        int steps = (int) (length.toSeconds() / STEP.toSeconds());
        int crashAt = 2 + new Random(seed ^ toString().hashCode()).nextInt(steps * 5 / 8);
        int[] failuresLeft = {0};
        int[] lastGaps = {0};
        try (Simulator sim = vendor.start(w); AutoCloseable client = vendor.client(sim, clock, true)) {
            if (sim instanceof SaymonSimulator saymon) {
                saymon.withAuditEntries(0); // no generated history, which a server clock ahead stamps after our start
            }
            setUp.accept(sim);
            Function<Checkpoint, FeedOptions> opts = cp -> options.apply(FeedOptions.builder().clock(clock)
                    .pollInterval(STEP).resumeFrom(cp)).build();
            Feed<Object> feed = feed(client, opts.apply(null));
            FeedRunner.Handler<Object> handler = batch -> {
                List<String> keys = new ArrayList<>(batch.items().stream().map(TortureRun::key).toList());
                batch.gaps().forEach(g -> keys.add("GAP " + g.kind()));
                handed.addAll(keys);
                if (handlerFailures > 0 && !clock.instant().isBefore(start.plus(failFrom))) {
                    failuresLeft[0] = handlerFailures;
                    handlerFailures = 0;
                }
                if (failuresLeft[0] > 0) {
                    failuresLeft[0]--;
                    mayRepeat.addAll(keys);
                    throw new IllegalStateException("the sink is down");
                }
                if (store.crashOnNextSave) {
                    mayRepeat.addAll(keys); // if the save after it crashes, this batch comes again
                }
                gaps.addAll(batch.gaps());
                lastGaps[0] = batch.gaps().size();
            };
            RetryPolicy patient = RetryPolicy.builder().maxAttempts(10).sleeper(d -> { }).build();
            FeedRunner<Object> runner = FeedRunner.builder(feed, handler).store(store, KEY).retry(patient).build();
            runner.pollIfDue(); // starts now, before the scenario's first step
            store.save(KEY, feed.checkpoint());
            for (int k = 1; k <= steps; k++) {
                clock.advance(STEP);
                if (k == crashAt) {
                    store.crashOnNextSave = true;
                }
                for (int turn = 0; ; turn++) {
                    assertThat(turn).as("a step ends: no endless polling at " + clock.instant()).isLessThan(2_000);
                    try {
                        runner.pollIfDue();
                    } catch (Crash crash) {
                        // the process dies: drop the feed and runner, resume a new one from what was saved
                        runner.close();
                        restarts++;
                        gaps.subList(gaps.size() - lastGaps[0], gaps.size()).clear(); // they come again
                        feed = feed(client, opts.apply(store.load(KEY).orElseThrow()));
                        runner = FeedRunner.builder(feed, handler).store(store, KEY).retry(patient).build();
                        continue;
                    }
                    if (!feed.untilDue().isZero()) {
                        break;
                    }
                }
                if (k * STEP.toSeconds() % 60 == 0) {
                    Consumer<Simulator> action = actions.get((int) (k * STEP.toSeconds() / 60));
                    if (action != null) {
                        action.accept(sim);
                    }
                }
            }
            runner.close();
        }
        return check();
    }

    /** Asserts exactly what arrived: every expected key, nothing else, repeats only where allowed, the gaps. */
    private Figures check() {
        TortureScript.Tally t = TortureScript.Tally.of(expected(),
                handed.stream().filter(k -> !k.startsWith("GAP ")).toList(), mayRepeat);
        Figures f = new Figures(vendor, stream, condition, t.expected().size(), t.delivered(), t.lost().size(),
                t.repeats(), gaps.size());
        FIGURES.add(f);
        System.out.println(f.line());
        assertThat(t.lost()).as(this + ": none lost (handed " + handed + ")").isEmpty();
        assertThat(t.unexpected()).as(this + ": nothing that did not happen").isEmpty();
        assertThat(t.badRepeats()).as(this + ": repeats only from an unsaved batch").isEmpty();
        assertThat(gaps.stream().filter(g -> !alsoExpected.test(g)).toList()).as(this + ": exactly the expected gaps")
                .extracting(FeedGap::kind).containsExactlyElementsOf(expectedGaps);
        assertThat(gaps.stream().filter(alsoExpected).count()).as(this + ": the gaps expected beside them")
                .isGreaterThanOrEqualTo(alsoExpectedAtLeast);
        assertThat(restarts).as(this + ": restarted once in the middle").isEqualTo(1);
        return f;
    }
}
