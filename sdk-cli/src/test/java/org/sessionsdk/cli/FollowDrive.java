package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Plays a {@link FollowScript} against followers started one after the other on the same checkpoint
 * file: advances the simulator's clock a step once a follower has completed a poll that began after
 * the previous step (so even Plesk, which shows open sessions only, has seen every state), kills the
 * follower where the kill plan says, restarts it, and records every run's output for the checks.
 *
 * <p>Synchronisation is by the followers' output only: their {@code -v} line after each poll.
 */
final class FollowDrive {
    /** A line a follower printed; {@code text == null} marks its end. */
    record Line(boolean out, String text) {
    }

    /** A running follower: in this JVM or a child process. */
    interface Follower {
        /** {@return the next line, waiting at most 60 s} */
        default Line next() throws InterruptedException {
            return lines().poll(60, TimeUnit.SECONDS);
        }

        BlockingQueue<Line> lines();

        /** SIGKILL, and wait for it to be gone. */
        void kill() throws InterruptedException;

        /** SIGTERM. */
        default void terminate() {
            throw new UnsupportedOperationException();
        }

        /** {@return the exit code, waiting for the end} */
        int exitCode() throws InterruptedException;
    }

    /** Starts a follower with the given command line and environment. */
    interface Starter {
        Follower start(FollowScript script, List<String> args) throws IOException;
    }

    /** What one follower printed and how far its saved checkpoint covered it. */
    record Run(List<String> keys, long saved, boolean killed, List<String> stderr, int exitCode) {
    }

    private final FollowScript script;
    private final Path checkpoint;
    private final Starter starter;
    private final List<String> extraArgs;
    final List<Run> runs = new ArrayList<>();
    private Follower current;
    private List<String> keys;
    private List<String> stderr;
    private long saved;
    private int killAfter;
    private int linesSeen;
    private final IntSupplier killPlan;
    private java.util.function.ToLongFunction<FollowDrive> maxEvents;

    /**
     * @param killPlan for each follower started, after how many of its lines to kill it (-1: never)
     */
    FollowDrive(FollowScript script, Path checkpoint, Starter starter, IntSupplier killPlan, String... extraArgs) {
        this.script = script;
        this.checkpoint = checkpoint;
        this.starter = starter;
        this.killPlan = killPlan;
        this.extraArgs = List.of(extraArgs);
    }

    /** Gives each follower {@code --max-events} of this value, computed when it starts. */
    FollowDrive maxEvents(java.util.function.ToLongFunction<FollowDrive> n) {
        this.maxEvents = n;
        return this;
    }

    /** Plays every step, then reads until {@code expectedCount} distinct keys were printed in all. */
    void play() throws Exception {
        for (int i = 1; i <= script.steps; i++) {
            script.advance(i);
            // a follower started after this advance needs one poll; one running already, two
            int needed = current == null ? 1 : 2;
            while (needed > 0 && union().size() < script.expectedCount()) {
                if (current == null) {
                    startNext();
                    needed = 1;
                }
                if (readOne()) {
                    needed--;
                }
            }
        }
        while (union().size() < script.expectedCount()) {
            if (current == null) {
                startNext();
            }
            readOne();
        }
    }

    /** Stops the running follower (if any) with {@code stop}, and returns its exit code; -1 if none ran. */
    int stop(Stopper stop) throws Exception {
        if (current == null) {
            startNext();
            killAfter = -1;
            // the stop hook is there once it polled
            while (!readOne()) {
                assertThat(current).as("the last follower ended before its first poll").isNotNull();
            }
        }
        stop.stop(current);
        while (current != null) {
            readOne();
        }
        return runs.get(runs.size() - 1).exitCode;
    }

    /** Starts a follower (if none runs), lets it poll once, and kills it. */
    void killAfterAPoll() throws Exception {
        if (current == null) {
            startNext();
        }
        killAfter = -1;
        while (!readOne()) {
            assertThat(current).as("the follower ended before its first poll").isNotNull();
        }
        current.kill();
        finish(true, false);
    }

    /** How the test ends the last follower (SIGTERM, or nothing when it stops by itself). */
    interface Stopper {
        void stop(Follower f) throws Exception;
    }

    /** {@return the stderr of the last run} */
    List<String> lastStderr() {
        return runs.get(runs.size() - 1).stderr();
    }

    private void startNext() throws IOException {
        List<String> more = new ArrayList<>(extraArgs);
        if (maxEvents != null) {
            more.addAll(List.of("--max-events", String.valueOf(maxEvents.applyAsLong(this))));
        }
        current = starter.start(script, script.args(checkpoint, more.toArray(String[]::new)));
        keys = new ArrayList<>();
        stderr = new ArrayList<>();
        saved = 0;
        linesSeen = 0;
        killAfter = killPlan.getAsInt();
    }

    /**
     * Reads one line of the current follower, kills it if its plan says so, records its run when it ends.
     *
     * @return whether the line reported a completed poll
     */
    private boolean readOne() throws InterruptedException {
        Line l = current.next();
        assertThat(l).as("a line from the follower within 60 s; it printed %s and on stderr %s", keys, stderr).isNotNull();
        if (l.text() == null) {
            finish(false, true);
            return false;
        }
        boolean polled = record(l);
        if (killAfter >= 0 && ++linesSeen >= killAfter) {
            current.kill();
            finish(true, false);
            return false;
        }
        return polled;
    }

    /** Keeps a line; {@return whether it reported a completed poll} */
    private boolean record(Line l) {
        if (l.out()) {
            keys.add(FollowScript.key(l.text()));
            return false;
        }
        stderr.add(l.text());
        long n = FollowScript.printedInAll(l.text());
        if (n >= 0) {
            saved = n;
        }
        return n >= 0;
    }

    /** Reads what is left of a follower that ended (its pipes deliver all it wrote before it died) and records the run. */
    private void finish(boolean killed, boolean endSeen) throws InterruptedException {
        int code = current.exitCode();
        if (!endSeen) {
            for (Line l; (l = current.next()).text() != null; ) {
                record(l);
            }
        }
        runs.add(new Run(List.copyOf(keys), saved, killed, List.copyOf(stderr), code));
        current = null;
    }

    /** {@return every key printed by any run} */
    Set<String> union() {
        Set<String> all = new LinkedHashSet<>();
        runs.forEach(r -> all.addAll(r.keys()));
        if (keys != null && current != null) {
            all.addAll(keys);
        }
        return all;
    }

    /** {@return how many runs were killed} */
    long kills() {
        return runs.stream().filter(Run::killed).count();
    }

    /**
     * Checks at-least-once: each run repeats only lines printed after the last saved checkpoint (the
     * unsaved tail, which grows over runs that saved nothing), and no run prints a line twice.
     *
     * @return the number of repeated lines over all runs
     */
    long checkRepeats() {
        Set<String> printed = new LinkedHashSet<>();
        List<String> unsaved = new ArrayList<>();
        long repeats = 0;
        for (Run r : runs) {
            assertThat(new LinkedHashSet<>(r.keys())).as("one run prints each change once").hasSize(r.keys().size());
            for (String k : r.keys()) {
                if (printed.contains(k)) {
                    repeats++;
                    assertThat(unsaved).as("a repeat comes from after the last saved checkpoint (run %d)", runs.indexOf(r))
                            .contains(k);
                }
            }
            printed.addAll(r.keys());
            if (r.saved() > 0) {
                unsaved.clear();
            }
            unsaved.addAll(r.keys().subList((int) Math.min(r.saved(), r.keys().size()), r.keys().size()));
        }
        return repeats;
    }

    /** A follower in this JVM: {@link SessionsCommand#run} on a thread, its output split into lines. */
    static Follower inProcess(FollowScript script, List<String> args) {
        Map<String, String> env = script.env();
        BlockingQueue<Line> q = new LinkedBlockingQueue<>();
        int[] code = {-1};
        Thread t = new Thread(() -> {
            Terminal term = new Terminal(new PrintWriter(new LineSink(q, true)), new PrintWriter(new LineSink(q, false)),
                    env::get, new Terminal.Stdin(true, InputStream.nullInputStream(), Terminal.Stdin.DEFAULT_WAIT), null, false,
                    new TickingClock(script.clock::instant));
            code[0] = SessionsCommand.run(term, args.toArray(String[]::new));
            q.add(new Line(true, null));
        }, "follow-in-process");
        t.setDaemon(true);
        t.start();
        return new Follower() {
            @Override
            public BlockingQueue<Line> lines() {
                return q;
            }

            @Override
            public void kill() {
                throw new UnsupportedOperationException("an in-process follower stops by --max-events");
            }

            @Override
            public int exitCode() throws InterruptedException {
                t.join(TimeUnit.SECONDS.toMillis(60));
                return code[0];
            }
        };
    }

    /** A follower as a child JVM of the test classpath, started to be quick. */
    static Follower child(FollowScript script, List<String> args) throws IOException {
        return child(script.clockFile, script.env(), args);
    }

    /** A follower as a child JVM on the instant in {@code clockFile} ({@link FollowChild}), with this environment added. */
    static Follower child(Path clockFile, Map<String, String> env, List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC",
                "-Xss512k", "-cp", System.getProperty("java.class.path"), FollowChild.class.getName(), clockFile.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        BlockingQueue<Line> q = new LinkedBlockingQueue<>();
        int[] open = {2};
        for (boolean out : new boolean[] {true, false}) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(out ? p.getInputStream() : p.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        q.add(new Line(out, line));
                    }
                } catch (IOException gone) {
                    // the pipe broke with the process: what was read is all there is
                }
                synchronized (open) {
                    if (--open[0] == 0) {
                        q.add(new Line(true, null));
                    }
                }
            }, "follow-child-" + (out ? "out" : "err"));
            reader.setDaemon(true);
            reader.start();
        }
        return new Follower() {
            @Override
            public BlockingQueue<Line> lines() {
                return q;
            }

            @Override
            public void kill() throws InterruptedException {
                // through the handle: Process.destroyForcibly() would also close our ends of the pipes
                // and drop what the follower wrote just before it died
                p.toHandle().destroyForcibly();
                p.waitFor();
            }

            @Override
            public void terminate() {
                p.toHandle().destroy();
            }

            @Override
            public int exitCode() throws InterruptedException {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the follower ended within 60 s").isTrue();
                return p.exitValue();
            }

            @Override
            public String toString() {
                return "pid " + p.pid();
            }
        };
    }

    /** Complete lines of what a command writes, into the queue. */
    private static final class LineSink extends Writer {
        private final BlockingQueue<Line> q;
        private final boolean out;
        private final StringBuilder pending = new StringBuilder();

        LineSink(BlockingQueue<Line> q, boolean out) {
            this.q = q;
            this.out = out;
        }

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    q.add(new Line(out, pending.toString()));
                    pending.setLength(0);
                } else if (buf[i] != '\r') {
                    pending.append(buf[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
