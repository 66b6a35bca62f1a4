package org.sessionsdk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.FeedRunner;
import org.sessionsdk.core.feed.CheckpointStore;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.feed.CheckpointFile;
import org.sessionsdk.core.feed.CheckpointInUseException;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.client.SessionClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sessions follow}: a vendor's sessions (every start and end) or audit log, followed until
 * stopped, resumable from a checkpoint file.
 *
 * <p>Each poll's lines are written and stdout flushed, and only then is the checkpoint saved (a
 * temporary file in the same directory, forced to disk, renamed over the old one): killed at any
 * moment, even with {@code kill -9}, a restart with the same {@code --checkpoint} loses nothing and
 * repeats at most the lines of the poll whose checkpoint was not saved yet. The file is held
 * (a {@link CheckpointFile}: locked, owner-only, never through a symbolic link) from the start to the
 * end, so a second follower on it fails at start.
 *
 * <p>SIGTERM and SIGINT end it cleanly: a shutdown hook closes the feed, lets the poll in hand be
 * printed and its checkpoint saved (waiting at most {@code --shutdown-timeout}, after which that poll is
 * dropped and the checkpoint stands after the last poll handled), then ends the JVM with
 * {@code Runtime.halt(0)} (as {@code sessions simulate} does: the signal is the normal end of a
 * follower, not a failure).
 */
@Command(name = "follow", mixinStandardHelpOptions = true, footer = SecretLookup.HELP,
        description = {"Follow one vendor's sessions (every start and end) or audit log until stopped.",
                "One line per change on stdout, flushed before the checkpoint is saved: restarted with the",
                "same --checkpoint after any crash it loses nothing and repeats at most one poll's lines.",
                "SIGTERM/SIGINT, --max-events and --max-time stop it with the checkpoint saved (exit 0)."})
final class FollowCommand implements Callable<Integer> {
    /** Which stream to follow. */
    enum What { sessions, audit }

    static final List<Format.Column> SESSION_COLUMNS;

    static {
        List<Format.Column> c = new ArrayList<>(List.of(Format.Column.of("change", 7), Format.Column.of("observed_at", 20)));
        c.addAll(ListCommand.COLUMNS);
        SESSION_COLUMNS = List.copyOf(c);
    }

    @Mixin
    Connection connection;

    @Option(names = "--what", description = "sessions (default) or audit (plesk, ekran and saymon)")
    What what = What.sessions;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "resume from this file if it exists, and save where the feed stands there after each poll;"
                    + " owner-only, held by one follower at a time (a second one on it fails at start)")
    Path checkpoint;

    @Option(names = "--since", description = "without a checkpoint, start at this instant (ISO-8601); default now: the sessions open now are reported STARTED")
    Instant since;

    @Option(names = "--poll", description = "the wait between two polls (10s, 5m or ISO-8601 such as PT10S; default 10s)")
    Duration poll = FeedOptions.DEFAULT_POLL_INTERVAL;

    @Option(names = "--format", description = "table, jsonl, ocsf or ecs (default table); jsonl adds the vendor's attributes; ocsf/ecs write one SIEM document per change (OCSF 1.8.0, ECS 9.4.0)")
    Format format = Format.table;

    @Option(names = "--max-events", paramLabel = "N", description = "stop once N lines are printed (after the poll that holds the N-th, so the checkpoint stands right after what was printed)")
    Long maxEvents;

    @Option(names = "--max-batch-size", paramLabel = "N",
            description = "hand over at most N changes or entries a poll (a backlog comes in polls of N, each saved; default 10000)")
    Integer maxBatchSize;

    @Option(names = "--max-time", paramLabel = "DURATION", description = "stop after this long (e.g. 1h)")
    Duration maxTime;

    @Option(names = "--shutdown-timeout", paramLabel = "DURATION",
            description = "on SIGTERM/SIGINT, wait at most this long for the poll in hand to be printed and saved (default 30s);"
                    + " past it, exit 0 at once: the checkpoint then stands after the last poll handled, so nothing is lost")
    Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

    /** How long a signal waits for the poll in hand by default: well inside the 90 s most service managers give. */
    static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    @Option(names = {"-q", "--quiet"}, description = "no start and stop lines on stderr (failures are still reported)")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "one line on stderr per poll: lines printed, checkpoint saved")
    boolean verbose;

    private final Terminal term;
    /** Counted down when the follow loop asked to stop: a signal, --max-time, or a stop reason. */
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile String stopReason;
    private volatile Feed<?> feed;
    private volatile FeedRunner<?> runner;
    /** The longest wait between two tries of a failing poll (or one poll interval, if longer). */
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** The --checkpoint file, held from the start to the end; null without --checkpoint. */
    private CheckpointFile checkpointFile;

    FollowCommand(Terminal term) {
        this.term = term;
    }

    @Override
    public Integer call() throws Exception {
        if (format == Format.csv) {
            throw new IllegalArgumentException("--format: follow prints table, jsonl, ocsf or ecs");
        }
        if (!positive(poll) || (maxTime != null && !positive(maxTime))) {
            throw new IllegalArgumentException((positive(poll) ? "--max-time" : "--poll") + " must be longer than zero");
        }
        if (!positive(shutdownTimeout)) {
            throw new IllegalArgumentException("--shutdown-timeout must be longer than zero");
        }
        if (maxEvents != null && maxEvents < 1) {
            throw new IllegalArgumentException("--max-events: '" + maxEvents + "' is not a count (1 or more)");
        }
        if (maxBatchSize != null && maxBatchSize < 1) {
            throw new IllegalArgumentException("--max-batch-size: '" + maxBatchSize + "' is not a count (1 or more)");
        }
        List<String> attributeColumns = what == What.audit ? connection.auditAttributes()
                : connection.sessionAttributes();
        try (CheckpointFile held = openCheckpoint()) {
            checkpointFile = held;
            return connectAndFollow(attributeColumns);
        }
    }

    private int connectAndFollow(List<String> attributeColumns) throws Exception {
        Checkpoint resume = readCheckpoint();
        FeedOptions.Builder ob = FeedOptions.builder().resumeFrom(resume).since(since).pollInterval(poll)
                .clock(term.clock());
        FeedOptions options = (maxBatchSize == null ? ob : ob.maxBatchSize(maxBatchSize)).build();
        try (SessionClient client = connection.open(term)) {
            Feed<?> f;
            try {
                f = what == What.audit ? client.auditFeed(options) : client.sessionFeed(options);
            } catch (IllegalArgumentException foreign) {
                throw new IllegalArgumentException(checkpoint + ": " + foreign.getMessage(), foreign);
            }
            try (Feed<?> opened = f) {
                feed = opened;
                info("following " + connection.vendorName() + " " + what + " at " + connection.endpoint + " from "
                        + (resume != null ? "the checkpoint in " + checkpoint : since != null ? since : "now")
                        + ", polling every " + poll.toString().substring(2).toLowerCase());
                return follow(opened, attributeColumns);
            }
        }
    }

    /** Takes the --checkpoint file for this follower; before connecting, so a second one fails at once. */
    private CheckpointFile openCheckpoint() throws IOException {
        if (checkpoint == null) {
            return null;
        }
        Path dir = checkpoint.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IllegalArgumentException("--checkpoint: the directory " + dir + " does not exist or cannot be written");
        }
        try {
            return CheckpointFile.open(checkpoint);
        } catch (CheckpointInUseException | FileSystemException e) {
            // another follower on the file, a symbolic link at its name, a lock file not ours: the command line's to fix
            String why = e instanceof FileSystemException fs && fs.getReason() == null
                    ? fs.getMessage() + ": " + e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException("--checkpoint " + why, e);
        }
    }

    private Checkpoint readCheckpoint() throws IOException {
        if (checkpointFile == null) {
            return null;
        }
        try {
            return checkpointFile.read().orElse(null);
        } catch (IllegalArgumentException damaged) {
            throw new IllegalArgumentException("--checkpoint " + damaged.getMessage()
                    + " (not this command's checkpoint file? move it away to start afresh)", damaged);
        }
    }

    /** The loop; a signal's shutdown hook waits for it and then ends the JVM with its code. */
    private int follow(Feed<?> f, List<String> attributeColumns) {
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger code = new AtomicInteger(ExitCodes.OK);
        Thread hook = new Thread(() -> {
            if (finished.getCount() == 0) {
                return; // the command ended first: the exit in progress carries its code
            }
            stop("stopped by a signal");
            boolean ended = false;
            try {
                // a poll can hang on a server that trickles its answer: the signal's wait is bounded
                ended = finished.await(shutdownTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!ended) {
                term.err().println("sessions follow: stopped by a signal; the poll in hand did not end within --shutdown-timeout "
                        + shutdownTimeout.toString().substring(2).toLowerCase() + ", so it is dropped"
                        + (checkpoint == null ? "" : "; the checkpoint in " + checkpoint + " stands after the last poll handled"));
            }
            term.out().flush();
            term.err().flush();
            // a signal is how a follower is meant to end: exit 0, not 143 (SIGTERM) or 130 (SIGINT)
            Runtime.getRuntime().halt(code.get());
        }, "sessions-follow-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread timer = maxTime == null ? null : startTimer();
        try {
            code.set(loop(f, attributeColumns));
        } catch (Exception e) {
            code.set(ExitCodes.of(e));
            term.err().println(ExitCodes.describe(e));
            term.err().flush();
        } catch (Error e) {
            code.set(ExitCodes.API);
            term.err().println("sessions follow: " + e);
            e.printStackTrace(term.err());
            term.err().flush();
            throw e;
        } finally {
            if (timer != null) {
                timer.interrupt();
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it ends the JVM with our code
            }
        }
        return code.get();
    }

    private Thread startTimer() {
        Thread t = new Thread(() -> {
            try {
                if (!stopRequested.await(maxTime.toNanos(), TimeUnit.NANOSECONDS)) {
                    stop("--max-time " + maxTime.toString().substring(2).toLowerCase() + " reached");
                }
            } catch (InterruptedException done) {
                // the loop ended first
            }
        }, "sessions-follow-max-time");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        stopRequested.countDown();
        FeedRunner<?> r = runner;
        Feed<?> f = feed;
        if (r != null) {
            r.close(); // a waiting poll returns at once; one under way finishes and is printed and saved
        } else if (f != null) {
            f.close();
        }
    }

    /**
     * Follows on core's one loop ({@link FeedRunner}): each batch is printed and flushed, and only then
     * is its checkpoint saved; a failed poll backs off and is tried again (forever: a follower outlives
     * outages), a handler that cannot print ends the command, the feed back at the last saved checkpoint.
     */
    private <T> int loop(Feed<T> f, List<String> attributeColumns) throws Exception {
        PrintWriter out = term.out();
        org.sessionsdk.export.JsonLinesWriter siem = format.siem() == null ? null
                : new org.sessionsdk.export.JsonLinesWriter(out, format.siem());
        long[] printed = {0};
        Format.RowWriter[] rows = {null};
        FeedRunner.Handler<T> handler = batch -> {
            for (FeedGap gap : batch.gaps()) {
                gapLine(gap);
            }
            if (siem != null && !batch.items().isEmpty()) {
                for (T item : batch.items()) {
                    if (item instanceof SessionChange c) {
                        siem.write(c);
                    } else {
                        siem.write((AuditEvent) item);
                    }
                }
                siem.flush();
            } else if (!batch.items().isEmpty()) {
                if (rows[0] == null) {
                    rows[0] = format.writer(what == What.audit ? AuditCommand.COLUMNS : SESSION_COLUMNS, attributeColumns, out);
                }
                for (T item : batch.items()) {
                    write(rows[0], item, attributeColumns);
                }
            }
            out.flush();
            // the lines are out before the checkpoint moves past them
            if (out.checkError()) {
                throw new StdoutClosed(batch.items().size());
            }
            printed[0] += batch.items().size();
            if (maxEvents != null && printed[0] >= maxEvents) {
                stop("--max-events " + maxEvents + " reached");
            }
        };
        FeedRunner.Builder<T> b = FeedRunner.builder(f, handler)
                .retry(RetryPolicy.builder().maxAttempts(Integer.MAX_VALUE).baseDelay(poll)
                        .maxDelay(poll.compareTo(MAX_BACKOFF) > 0 ? poll : MAX_BACKOFF).build())
                // only the server's and the network's failures are worth another try
                .fatalWhen(e -> !(e instanceof SdkException) || e instanceof AuthenticationException
                        || e instanceof PermissionDeniedException)
                .listener(new FeedRunner.Listener<>() {
                    @Override
                    public void polled(FeedBatch<T> batch, boolean saved) {
                        if (verbose && (stopRequested.getCount() > 0 || !batch.isEmpty())) {
                            term.err().println("sessions follow: polled: " + batch.items().size() + " new, " + printed[0]
                                    + " in all, checkpoint " + (checkpoint == null ? "not kept (no --checkpoint)"
                                    : saved ? "saved" : "unchanged"));
                            term.err().flush();
                        }
                    }

                    @Override
                    public void failed(Throwable e, int inARow, Duration retryIn) {
                        if (retryIn != null) {
                            term.err().println("sessions follow: poll failed (" + ExitCodes.describe(e).substring("sessions: ".length())
                                    + "); retrying in " + retryIn.toMillis() / 1000.0 + " s (failure " + inARow + ")");
                            term.err().flush();
                        }
                    }

                    @Override
                    public void recovered(int failures) {
                        term.err().println("sessions follow: polling again after " + failures
                                + (failures == 1 ? " failure" : " failures"));
                        term.err().flush();
                    }
                });
        if (checkpointFile != null) {
            CheckpointFile file = checkpointFile;
            b.store(new CheckpointStore() {
                @Override
                public java.util.Optional<Checkpoint> load(String key) throws IOException {
                    return file.read();
                }

                @Override
                public void save(String key, Checkpoint cp) throws IOException {
                    file.write(cp);
                }
            }, checkpoint.toString());
        }
        try (FeedRunner<T> r = b.build()) {
            runner = r;
            if (stopRequested.getCount() > 0) {
                r.run();
            }
        }
        info(stopReason + " after " + printed[0] + (printed[0] == 1 ? " line" : " lines")
                + (checkpoint == null ? "" : "; checkpoint saved in " + checkpoint));
        return ExitCodes.OK;
    }

    /** A loss the feed reported: a typed JSON line among the JSON lines, else a line on stderr. */
    private void gapLine(FeedGap gap) {
        if (format == Format.table) {
            term.err().println("sessions follow: GAP " + gap.kind() + (gap.scope() == null ? "" : " (" + gap.scope() + ")")
                    + (gap.from() == null ? "" : " from " + gap.from()) + (gap.to() == null ? "" : " to " + gap.to())
                    + (gap.lastId() == null ? "" : " after id " + gap.lastId()) + ": " + gap.detail());
            term.err().flush();
            return;
        }
        term.out().println(GapJson.line(gap, connection.vendorName(), connection.endpoint.toString()));
    }

    /** The handler's failure when stdout is gone: no retry can print, so the command ends. */
    private static final class StdoutClosed extends IOException {
        private static final long serialVersionUID = 1L;

        StdoutClosed(int lines) {
            super("stdout is closed: the last " + lines + " lines may be lost, their checkpoint is not saved");
        }
    }

    private void write(Format.RowWriter rows, Object item, List<String> attributeColumns) {
        if (item instanceof SessionChange c) {
            List<String> v = new ArrayList<>(SESSION_COLUMNS.size());
            v.add(c.type().name());
            v.add(c.observedAt().toString());
            v.addAll(ListCommand.row(c.session()));
            rows.row(v, ListCommand.attributes(c.session(), attributeColumns));
        } else {
            AuditEvent e = (AuditEvent) item;
            rows.row(AuditCommand.row(e), AuditCommand.attributes(e, attributeColumns));
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private void info(String line) {
        if (!quiet) {
            term.err().println("sessions follow: " + line);
            term.err().flush();
        }
    }
}
