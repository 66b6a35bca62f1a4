package org.sessionsdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.SenhaseguraSimulator;
import org.sessionsdk.testkit.SimClock;
import org.sessionsdk.testkit.Simulator;
import org.sessionsdk.testkit.torture.TortureScript;

/**
 * One torture run (issue 28) through the Connect task: the testkit suite's scripted hour
 * ({@code FeedTortureTest}, whose scenario and expectations this repeats) played by a simulator while a
 * {@link SessionSourceTask} on the same simulated clock follows it in 30-second steps. The test plays
 * Connect: it keeps the last record's offset per partition as committed after each step, restarts the
 * task once normally (commit, stop, a new task from the committed offsets), and at the first step with records
 * after a seeded one, with records polled but not committed (a worker dying before its offset flush): only those records
 * may come twice. Gaps are the task's warnings, read from its log.
 */
final class ConnectTortureRun extends TortureScript {
    static final Duration STEP = Duration.ofSeconds(30);


    /** One run's figures. */
    record Figures(String vendor, String stream, String condition, int expected, int delivered, int lost, int repeats,
                   int gaps) {
        String line() {
            return "TORTURE connect " + vendor + " " + stream + " " + condition + " expected=" + expected + " delivered="
                    + delivered + " lost=" + lost + " repeats=" + repeats + " gaps=" + gaps;
        }
    }

    static final List<Figures> FIGURES = Collections.synchronizedList(new ArrayList<>());

    // ---- the script (the rest is TortureScript's) ----
    final String vendor;
    final String stream;
    /** How many restarts in a row drop what was polled since the last commit. */
    int uncommittedInARow = 1;
    /** Whether the uncommitted restart may come before any offset was committed (else it waits for one). */
    boolean beforeFirstCommit;
    /** The step from which the uncommitted restart comes (at the first with records); null: a seeded one early in the hour. */
    Integer crashFrom;
    long seed = 28;
    final List<String> expectedGaps = new ArrayList<>();

    // ---- what happened ----
    private final List<String> handed = new ArrayList<>();
    private final Set<String> mayRepeat = new HashSet<>();
    private final List<String> gaps = new ArrayList<>();
    private final Map<Map<String, ?>, Map<String, ?>> committed = new HashMap<>();
    private int restarts;
    private TaskLog log;

    ConnectTortureRun(String vendor, String stream, String condition) {
        super(vendor, stream.equals("sessions"), condition);
        this.vendor = vendor;
        this.stream = stream;
    }

    private Map<String, String> props(Simulator sim) {
        Map<String, String> p = new HashMap<>();
        p.put("sessionsdk.vendor", vendor);
        p.put("sessionsdk.endpoints", sim.endpoint().toString());
        switch (vendor) {
            case "plesk" -> p.put("sessionsdk.api.key", PleskSimulator.SECRET_KEY);
            case "ekran" -> p.put("sessionsdk.api.key", EkranSimulator.API_KEY);
            case "saymon" -> {
                p.put("sessionsdk.username", SaymonSimulator.LOGIN);
                p.put("sessionsdk.password", SaymonSimulator.PASSWORD);
            }
            default -> {
                p.put("sessionsdk.client.id", SenhaseguraSimulator.CLIENT_ID);
                p.put("sessionsdk.client.secret", SenhaseguraSimulator.CLIENT_SECRET);
            }
        }
        p.put("sessionsdk.streams", stream);
        p.put("sessionsdk.format", "record");
        p.put("sessionsdk.poll.interval.ms", Long.toString(STEP.toMillis()));
        p.put("sessionsdk.retry.backoff.ms", "1000");
        p.put("sessionsdk.retry.backoff.max.ms", Long.toString(STEP.toMillis()));
        if (maxBatchSize != null) {
            p.put("sessionsdk.max.batch.size", maxBatchSize.toString());
        }
        if (since != null) {
            p.put("sessionsdk.since", since.toString());
        }
        p.put("sessionsdk.task.endpoints", "0");
        return p;
    }

    /** {@return a record's key: the change and user of a session, the actor of a scripted audit entry or the id of another} */
    static String key(SourceRecord r) {
        Struct v = (Struct) r.value();
        if (v.schema().field("change") != null) {
            return v.getString("change") + " " + v.getString("user");
        }
        return auditKey(v.getString("actor"), v.getString("id"));
    }

    /** Plays the script through the task, checks exactly what arrived, and returns the figures. */
    Figures play() throws Exception {
        SimClock clock = SimClock.at(start);
        int steps = (int) (length.toSeconds() / STEP.toSeconds());
        int restartAt = steps / 3;
        int crashFrom = this.crashFrom != null ? this.crashFrom
                : 2 + new Random(seed ^ toString().hashCode()).nextInt(steps / 3); // while entries are dense
        int crashesLeft = uncommittedInARow;
        PrintStream err = System.err;
        log = new TaskLog(err);
        System.setErr(log);
        try (Simulator sim = startSimulator(clock)) {
            setUp.accept(sim);
            log.endpoint = sim.endpoint().toString();
            Map<String, String> p = props(sim);
            SessionSourceTask task = started(p, clock);
            try {
                commit(drain(task));
                for (int k = 1; k <= steps; k++) {
                    clock.advance(STEP);
                    List<SourceRecord> got = drain(task);
                    while (k >= crashFrom && crashesLeft > 0 && got.stream().anyMatch(x -> !heartbeat(x))
                            && (beforeFirstCommit || !committed.isEmpty())) {
                        // the worker dies before its offsets are flushed: these records must come again
                        crashesLeft--;
                        List<String> dropped = got.stream().filter(x -> !heartbeat(x)).map(ConnectTortureRun::key).toList();
                        mayRepeat.addAll(dropped);
                        task.stop();
                        restarts++;
                        task = started(p, clock);
                        got = drain(task);
                        // a first poll slower than poll()'s one-second wait brings them with a later call
                        for (int more = 0; more < 30 && !got.stream().map(ConnectTortureRun::key).toList()
                                .containsAll(dropped); more++) {
                            got.addAll(drain(task));
                        }
                        assertThat(got).as(this + ": the records not committed come again from the committed offsets")
                                .extracting(ConnectTortureRun::key).containsAll(dropped);
                    }
                    commit(got);
                    if (k == restartAt) {
                        task.stop();
                        restarts++;
                        task = started(p, clock);
                    }
                    if (k * STEP.toSeconds() % 60 == 0) {
                        Consumer<Simulator> action = actions.get((int) (k * STEP.toSeconds() / 60));
                        if (action != null) {
                            action.accept(sim);
                        }
                    }
                }
            } finally {
                task.stop();
            }
        } finally {
            System.setErr(err);
        }
        assertThat(crashesLeft).as(this + ": every uncommitted restart happened").isZero();
        return check();
    }

    /**
     * Polls the task until a poll brings nothing (or less than a full batch, when the feed is not due
     * again at once): the step's work is done. A poll that outlasts the task's one-second wait brings
     * its records with the next step instead: nothing is lost, nothing waits on time.
     */
    private List<SourceRecord> drain(SessionSourceTask task) throws InterruptedException {
        List<SourceRecord> got = new ArrayList<>();
        int full = maxBatchSize == null ? 1_000 : maxBatchSize;
        for (int turn = 0; ; turn++) {
            assertThat(turn).as(this + ": a step ends").isLessThan(1_000);
            List<SourceRecord> r = task.poll();
            if (r == null) {
                break;
            }
            got.addAll(r);
            r.stream().filter(x -> !heartbeat(x)).forEach(x -> handed.add(key(x)));
            if (r.size() < full) {
                break;
            }
        }
        return got;
    }

    /** A heartbeat record: it carries an idle partition's offset, no event. */
    private static boolean heartbeat(SourceRecord r) {
        return "sessionsdk-heartbeats".equals(r.topic());
    }

    /** Connect's offset flush: the last offset of each partition is stored; the step's gap warnings stand. */
    private void commit(List<SourceRecord> records) {
        for (SourceRecord r : records) {
            committed.put(r.sourcePartition(), r.sourceOffset());
        }
        gaps.addAll(log.takeGaps());
    }

    private SessionSourceTask started(Map<String, String> p, SimClock clock) {
        log.takeGaps(); // a dropped task's warnings were for records not committed: they come again
        SessionSourceTask task = new SessionSourceTask(clock);
        OffsetStorageReader reader = new OffsetStorageReader() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return (Map<String, Object>) committed.get(partition);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> out = new HashMap<>();
                for (Map<String, T> q : partitions) {
                    if (committed.containsKey(q)) {
                        out.put(q, offset(q));
                    }
                }
                return out;
            }
        };
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return p;
            }

            @Override
            public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
                return null;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return reader;
            }
        });
        task.start(p);
        return task;
    }

    private Figures check() {
        Tally t = Tally.of(expected(), handed, mayRepeat);
        Figures f = new Figures(vendor, stream, condition, t.expected().size(), t.delivered(), t.lost().size(), t.repeats(),
                gaps.size());
        FIGURES.add(f);
        System.out.println(f.line());
        assertThat(t.lost()).as(this + ": none lost (handed " + handed + ")").isEmpty();
        assertThat(t.unexpected()).as(this + ": nothing that did not happen").isEmpty();
        assertThat(t.badRepeats()).as(this + ": repeats only from uncommitted records").isEmpty();
        assertThat(gaps).as(this + ": exactly the expected gaps").containsExactlyElementsOf(expectedGaps);
        assertThat(restarts).as(this + ": restarted normally once and uncommitted " + uncommittedInARow + " time(s)")
                .isEqualTo(1 + uncommittedInARow);
        return f;
    }

    /**
     * The task's log (slf4j-simple writes to {@code System.err}): passed on, and the kinds of the gaps it
     * warns of for this run's endpoint kept until taken.
     */
    private static final class TaskLog extends PrintStream {
        private static final String GAP = "the feed reports a gap, ";
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final List<String> gaps = new ArrayList<>();
        volatile String endpoint = "";

        TaskLog(OutputStream out) {
            super(out, true, StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
            if (b == '\n') {
                String l = line.toString(StandardCharsets.UTF_8);
                line.reset();
                int at = l.indexOf(GAP);
                if (at >= 0 && l.contains(endpoint)) {
                    gaps.add(l.substring(at + GAP.length()).split(" ", 2)[0]);
                }
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(buf[i]);
            }
        }

        synchronized List<String> takeGaps() {
            List<String> g = List.copyOf(gaps);
            gaps.clear();
            return g;
        }
    }
}
