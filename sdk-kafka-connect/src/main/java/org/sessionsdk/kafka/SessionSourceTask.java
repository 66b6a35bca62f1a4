package org.sessionsdk.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.config.SdkVersion;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.FeedRunner;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.kafka.internal.Clients;
import org.sessionsdk.kafka.internal.EndpointHealth;
import org.sessionsdk.kafka.internal.HealthMetrics;
import org.sessionsdk.kafka.internal.Heartbeat;
import org.sessionsdk.kafka.internal.Records;
import org.sessionsdk.kafka.internal.SourcePartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the endpoints {@link SessionSourceConnector} gave this task: one feed per endpoint and stream
 * (a source partition {@code {vendor, endpoint, stream}}), each feed's checkpoint its source offset.
 * The feeds are polled on the task's own few poller threads, each on core's one follow loop
 * ({@link FeedRunner}), so {@link #poll()} returns within a second
 * whatever an endpoint does, and a hanging endpoint delays only itself.
 *
 * <p>A batch's checkpoint stands after all its items, so only the batch's last record carries it; the
 * records before carry the previous checkpoint. A crash in the middle of a batch replays the batch
 * (at-least-once); with exactly-once support the offsets are committed with the records.
 *
 * <p>A partition whose poll brought no records but whose checkpoint moved gets a heartbeat record on
 * {@value SessionSourceConfig#HEARTBEAT_TOPIC} carrying its offset ({@link Heartbeat}): at once when
 * Connect has no offset for it yet, else at most once per {@value SessionSourceConfig#HEARTBEAT_INTERVAL_MS};
 * so a restart or rebalance resumes an idle endpoint where it stood, not at "now".
 *
 * <p>An endpoint that fails (down, credentials refused) is logged with its name and polled again after a
 * backoff that doubles up to {@value SessionSourceConfig#RETRY_BACKOFF_MAX_MS}; the others keep flowing.
 * Each endpoint's stream has metrics ({@link EndpointHealth}: last successful poll, consecutive
 * failures, lag, records, gaps, heartbeats), published as Connect plugin metrics or, on an older worker,
 * as MBeans ({@link HealthMetrics}).
 */
public class SessionSourceTask extends SourceTask {
    /** Source partition key: the vendor. */
    public static final String PARTITION_VENDOR = "vendor";
    /** Source partition key: the endpoint, as configured. */
    public static final String PARTITION_ENDPOINT = "endpoint";
    /** Source partition key: the endpoint's name ({@code name=url} in the endpoints, else its URL). */
    public static final String PARTITION_NAME = "name";
    /** Source partition key: {@code sessions} or {@code audit}. */
    public static final String PARTITION_STREAM = "stream";
    /** Source offset key: the feed's {@link Checkpoint#toString()}. */
    public static final String OFFSET_CHECKPOINT = "checkpoint";

    private static final Logger LOG = LoggerFactory.getLogger(SessionSourceTask.class);
    /** The longest one {@link #poll()} waits when no feed is due and none has records. */
    static final long MAX_IDLE_WAIT_MS = 1_000;
    /** The most feed polls a task runs at once; more due feeds wait their turn. */
    private static final int MAX_POLLERS = 8;

    /** The feeds' and clients' clock; null: the system's. */
    private java.time.Clock clock;
    /** The time a feed is due by, in nanoseconds: {@link System#nanoTime()}, or the given clock's. */
    private java.util.function.LongSupplier nanos = System::nanoTime;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Source> sources = new ArrayList<>();
    /** Sources whose poll finished, with its records, in the order they finished. */
    private final java.util.concurrent.BlockingQueue<Source> finished = new java.util.concurrent.LinkedBlockingQueue<>();
    /** Put in {@code finished} by {@link #stop()}, to wake a waiting {@link #poll()}. */
    private final Source wakeUp = new Source(Map.of(), new NamedEndpoint("", ""), "", null, null, 0);
    /** Runs the feeds' polls, so one slow endpoint never holds up {@link #poll()} or the others. */
    private java.util.concurrent.ExecutorService pollers;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private SessionSourceConfig config;
    private int next;
    private HealthMetrics metrics;

    /** For Connect, which makes tasks by reflection. */
    public SessionSourceTask() {
    }

    /** A task on this clock (feeds, clients, when a feed is due, heartbeats and metrics), for tests that move time. */
    SessionSourceTask(java.time.Clock clock) {
        this.clock = clock;
        this.nanos = () -> {
            java.time.Instant t = clock.instant();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        };
    }

    /** {@return the feeds' clock: the given one, else the system's} */
    private Clock clock() {
        return clock == null ? Clock.systemUTC() : clock;
    }

    @Override
    public String version() {
        return SdkVersion.version();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new SessionSourceConfig(props);
        List<Map<String, Object>> partitions = new ArrayList<>();
        List<NamedEndpoint> named = config.namedEndpoints();
        for (int index : config.taskEndpoints()) {
            for (String stream : config.streams()) {
                partitions.add(partition(config.vendor(), named.get(index), stream));
            }
        }
        Map<Map<String, Object>, String> stored = SourcePartitions.storedCheckpoints(
                context == null ? null : context.offsetStorageReader(), partitions, OFFSET_CHECKPOINT, PARTITION_NAME);
        long startedAt = clock().millis();
        for (int index : config.taskEndpoints()) {
            NamedEndpoint endpoint = named.get(index);
            SessionClient client = Clients.build(config, index, clock);
            clients.add(client);
            for (String stream : config.streams()) {
                Map<String, Object> partition = partition(config.vendor(), endpoint, stream);
                String text = stored.get(partition);
                Checkpoint resume = text == null ? null : Checkpoint.parse(text);
                sources.add(new Source(partition, endpoint, stream, client, resume, startedAt));
            }
        }
        metrics = HealthMetrics.register(context, config.connectorName(), config.taskId(),
                sources.stream().map(s -> s.health).toList());
        int threads = Math.max(1, Math.min(MAX_POLLERS, sources.size()));
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        pollers = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sessionsdk-connect-poller-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        LOG.info("sessionsdk task following {} {} endpoint(s), {} partition(s), {} resumed from stored offsets",
                config.vendor(), config.taskEndpoints().size(), sources.size(),
                sources.stream().filter(s -> s.resumedFrom != null).count());
    }

    /**
     * The source partition of an endpoint's stream.
     *
     * @param vendor   the vendor
     * @param endpoint the endpoint as configured
     * @param stream   {@code sessions} or {@code audit}
     * @return {@code {endpoint, stream, vendor, name}} with the endpoint named by its URL, its keys in the
     *     one order Connect finds it under in every JVM and in {@code GET /connectors/NAME/offsets}
     */
    public static Map<String, Object> partition(String vendor, String endpoint, String stream) {
        return partition(vendor, new NamedEndpoint(endpoint, endpoint), stream);
    }

    /**
     * The source partition of a named endpoint's stream.
     *
     * @param vendor   the vendor
     * @param endpoint the endpoint and its name
     * @param stream   {@code sessions} or {@code audit}
     * @return {@code {endpoint, stream, vendor, name}}, its keys in the one order Connect finds it under
     */
    public static Map<String, Object> partition(String vendor, NamedEndpoint endpoint, String stream) {
        return SourcePartitions.ordered(Map.of(PARTITION_VENDOR, vendor, PARTITION_ENDPOINT, endpoint.url(),
                PARTITION_STREAM, stream, PARTITION_NAME, endpoint.name()));
    }

    /**
     * Starts a turn of every feed that is due and not already being polled (on the task's own poller
     * threads), then returns the records of the first poll that finished with any. When nothing is due
     * it blocks until the earliest feed is due or a poll in flight finishes (at most
     * {@value #MAX_IDLE_WAIT_MS} ms, so a task with idle endpoints costs nothing between polls), and a
     * slow or hanging endpoint never holds up this method or the other endpoints: its poll goes on in
     * the background and its records come with a later call. A feed has one poll in flight at most, so
     * its records keep their order.
     *
     * @return the records, or null when nothing happened
     * @throws InterruptedException if interrupted while waiting
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        long now = nanos.getAsLong();
        long wait = TimeUnit.MILLISECONDS.toNanos(MAX_IDLE_WAIT_MS);
        for (int i = 0; i < sources.size() && stopped.getCount() > 0; i++) {
            Source s = sources.get(next);
            next = (next + 1) % sources.size();
            if (s.inFlight) {
                continue;
            }
            if (s.dueAt - now > 0) {
                wait = Math.min(wait, s.dueAt - now);
                continue;
            }
            s.inFlight = true;
            try {
                pollers.execute(() -> {
                    try {
                        s.turn();
                    } finally {
                        finished.add(s);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                s.inFlight = false;
                return null;
            }
        }
        Source done = finished.poll(Math.max(1, wait), TimeUnit.NANOSECONDS);
        while (done != null && stopped.getCount() > 0) {
            if (done != wakeUp) {
                List<SourceRecord> records = done.settle();
                done.inFlight = false;
                if (!records.isEmpty()) {
                    return records;
                }
            }
            done = finished.poll();
        }
        return null;
    }

    /**
     * Signals the poll loop to stop and closes the feeds and clients (a poll in flight then fails fast
     * and returns, a waiting {@link #poll()} at once); returns promptly.
     */
    @Override
    public void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        stopped.countDown();
        finished.add(wakeUp);
        if (pollers != null) {
            pollers.shutdownNow(); // a poll waiting on the network is interrupted; none is started again
        }
        for (Source s : List.copyOf(sources)) {
            s.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        for (AutoCloseable c : List.copyOf(clients)) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing a client", e);
            }
        }
    }

    /**
     * One endpoint's stream: a feed on core's one follow loop ({@link FeedRunner}), whose handler turns
     * a batch into records for Connect (which stores their offsets: the runner keeps no store), and
     * whose retry policy is the connector's backoff. A turn runs on a poller and notes what happened
     * ({@code turn*}); the task's thread then {@linkplain #settle() settles} it: metrics, heartbeat.
     */
    private final class Source {
        private final Map<String, Object> partition;
        private final NamedEndpoint named;
        /** The endpoint's URL, as records carry it. */
        private final String endpoint;
        /** The endpoint as logs name it: its name and URL, or its URL when it has no name. */
        private final String label;
        private final String stream;
        private final SessionClient client;
        private final Checkpoint resumedFrom;
        private final EndpointHealth health;
        private final Heartbeat heartbeat;
        /** The checkpoint after this turn's successful poll, or null when the turn polled none. */
        private Checkpoint turnPolled;
        private long turnPolledAt;
        /** Failures in a row when this turn's poll failed, else 0. */
        private int turnFailures;
        private int turnGaps;
        /** The last failure, for the log line when the endpoint recovers. */
        private volatile String lastError;
        private volatile FeedRunner<?> runner;
        private volatile Feed<?> feed;
        /** The checkpoint that stands before the next batch: what a batch's records but the last carry. */
        private Checkpoint before;
        /** Gaps the feed reported since the task started. */
        private long gaps;
        /** The task's nanoseconds (System.nanoTime() or its clock's) when the next turn is due; only the task thread reads it. */
        private volatile long dueAt = nanos.getAsLong();
        /** Whether a poll of this source runs on a poller now; only the task thread sets it. */
        private boolean inFlight;
        /** What the last finished turn made, handed to the task thread through {@code finished}. */
        private volatile List<SourceRecord> result = List.of();

        Source(Map<String, Object> partition, NamedEndpoint named, String stream, SessionClient client,
               Checkpoint resumedFrom, long startedAt) {
            this.partition = partition;
            this.named = named;
            this.endpoint = named.url();
            this.label = named.name().equals(named.url()) ? named.url() : named.name() + " " + named.url();
            this.stream = stream;
            this.client = client;
            this.resumedFrom = resumedFrom;
            this.health = new EndpointHealth(named.name(), stream, clock());
            this.heartbeat = new Heartbeat(config == null ? 0 : config.heartbeatIntervalMs(),
                    resumedFrom == null ? null : resumedFrom.toString(), startedAt);
        }

        private FeedRunner<?> runner() {
            if (runner == null) {
                FeedOptions options = FeedOptions.builder()
                        .resumeFrom(resumedFrom)
                        .since(config.since())
                        .pollInterval(Duration.ofMillis(config.getLong(SessionSourceConfig.POLL_INTERVAL_MS)))
                        .maxBatchSize(config.getInt(SessionSourceConfig.MAX_BATCH_SIZE))
                        .clock(clock())
                        .build();
                if ("sessions".equals(stream)) {
                    runner = runnerOf(client.sessionFeed(options));
                } else {
                    runner = runnerOf(client.auditFeed(options));
                }
            }
            return runner;
        }

        private <T> FeedRunner<T> runnerOf(Feed<T> f) {
            feed = f;
            before = f.checkpoint();
            return FeedRunner.builder(f, this::handle)
                    .retry(RetryPolicy.builder().maxAttempts(Integer.MAX_VALUE)
                            .baseDelay(Duration.ofMillis(config.getLong(SessionSourceConfig.RETRY_BACKOFF_MS)))
                            .maxDelay(Duration.ofMillis(config.getLong(SessionSourceConfig.RETRY_BACKOFF_MAX_MS))).build())
                    // a connector outlives outages and refused credentials alike: an operator fixes them
                    .fatalWhen(e -> !(e instanceof RuntimeException) || stopped.getCount() == 0)
                    .listener(new FeedRunner.Listener<>() {
                        @Override
                        public void polled(FeedBatch<T> batch, boolean saved) {
                            turnPolled = batch.checkpoint();
                            turnPolledAt = clock().millis();
                        }

                        @Override
                        public void failed(Throwable e, int inARow, Duration retryIn) {
                            turnFailures = inARow;
                            Source.this.failed(e, inARow, retryIn);
                        }

                        @Override
                        public void recovered(int failures) {
                            LOG.info("sessionsdk {} {} ({}): reading again after {} failed poll(s); the last: {}",
                                    config.vendor(), label, stream, failures, lastError);
                        }
                    })
                    .build();
        }

        /** One turn on a poller thread: poll if due, hand the records over, learn when the next is due. */
        void turn() {
            turnPolled = null;
            turnFailures = 0;
            turnGaps = 0;
            Duration next;
            try {
                next = runner().pollIfDue();
            } catch (Exception e) {
                if (stopped.getCount() > 0) {
                    LOG.error("sessionsdk {} {} ({}): cannot follow: {}", config.vendor(), label, stream, e.toString());
                }
                next = Duration.ofMillis(config.getLong(SessionSourceConfig.RETRY_BACKOFF_MAX_MS));
            }
            dueAt = nanos.getAsLong() + next.toNanos();
        }

        /**
         * On the task's thread, once this source's turn finished: records what the turn did in the
         * metrics and says what to hand Connect: the turn's records, or, when it polled without any, a
         * heartbeat if one is due, or nothing.
         */
        List<SourceRecord> settle() {
            List<SourceRecord> records = result;
            result = List.of();
            long now = clock().millis();
            if (turnFailures > 0) {
                health.failed(turnFailures);
            }
            if (turnPolled != null) {
                health.polled(turnPolledAt);
            }
            health.gaps(turnGaps);
            if (!records.isEmpty()) {
                long newest = Long.MIN_VALUE;
                for (SourceRecord r : records) {
                    newest = Math.max(newest, r.timestamp());
                }
                health.handed(records.size(), newest);
                heartbeat.handed((String) records.get(records.size() - 1).sourceOffset().get(OFFSET_CHECKPOINT), now);
                return records;
            }
            if (turnPolled == null) {
                return records;
            }
            String checkpoint = turnPolled.toString();
            if (!heartbeat.due(checkpoint, now)) {
                return records;
            }
            heartbeat.handed(checkpoint, now);
            health.heartbeat();
            String format = config.format();
            return List.of(new SourceRecord(partition, offset(turnPolled), config.heartbeatTopic(), null,
                    Schema.STRING_SCHEMA, Records.heartbeatKey(config.vendor(), named.name(), stream),
                    Records.heartbeatSchema(format), Records.heartbeatValue(format, config.vendor(), named.name(),
                    endpoint, stream, java.time.Instant.ofEpochMilli(now)), now));
        }

        private <T> void handle(FeedBatch<T> batch) {
            for (FeedGap gap : batch.gaps()) {
                gaps++;
                turnGaps++;
                LOG.warn("sessionsdk {} {} ({}): the feed reports a gap, {} ({} in all since the task started): {}{}{}{}",
                        config.vendor(), label, stream, gap.kind(), gaps,
                        gap.scope() == null ? "" : gap.scope() + ", ",
                        gap.from() == null ? "" : "from " + gap.from() + " to " + gap.to() + ", ",
                        gap.lastId() == null ? "" : "after id " + gap.lastId() + ", ", gap.detail());
            }
            List<T> items = batch.items();
            List<SourceRecord> out = new ArrayList<>(items.size());
            String topic = config.topic(stream);
            Schema schema = Records.schema(config.format(), stream);
            Map<String, Object> previous = offset(before);
            Map<String, Object> last = offset(batch.checkpoint());
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> offset = i == items.size() - 1 ? last : previous;
                Object item = items.get(i);
                String id;
                long time;
                Object value;
                if (item instanceof SessionChange c) {
                    id = c.session().id();
                    time = Records.timestamp(c);
                    value = Records.value(config.format(), endpoint, c);
                } else {
                    AuditEvent e = (AuditEvent) item;
                    id = e.id();
                    time = Records.timestamp(e);
                    value = Records.value(config.format(), endpoint, e);
                }
                out.add(new SourceRecord(partition, offset, topic, null, Schema.STRING_SCHEMA,
                        Records.key(config.vendor(), endpoint, id), schema, value, time));
            }
            before = batch.checkpoint();
            result = out;
        }

        private void failed(Throwable e, int failures, Duration retryIn) {
            if (stopped.getCount() == 0) {
                return;
            }
            boolean refused = e instanceof AuthenticationException || e instanceof PermissionDeniedException;
            String what = refused ? "credentials refused" : "cannot read";
            long delay = retryIn == null ? 0 : retryIn.toMillis();
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (failures == 1 || refused || Long.bitCount(failures) == 1) {
                LOG.error("sessionsdk {} {} ({}): {} ({} failure(s) in a row, next try in {} ms): {}: {}",
                        config.vendor(), label, stream, what, failures, delay, e.getClass().getSimpleName(),
                        e.getMessage());
            } else {
                LOG.debug("sessionsdk {} {} ({}): {}", config.vendor(), label, stream, what, e);
            }
        }

        void close() {
            FeedRunner<?> r = runner;
            if (r != null) {
                try {
                    r.close();
                } catch (RuntimeException e) {
                    LOG.debug("closing a feed", e);
                }
            }
        }
    }

    private static Map<String, Object> offset(Checkpoint checkpoint) {
        return SourcePartitions.ordered(Map.of(OFFSET_CHECKPOINT, checkpoint.toString()));
    }

    /**
     * The partitions a task with these properties follows, for tests and tools.
     *
     * @param props a task's properties
     * @return its source partitions
     */
    public static Collection<Map<String, Object>> partitionsOf(Map<String, String> props) {
        SessionSourceConfig c = new SessionSourceConfig(props);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int index : c.taskEndpoints()) {
            for (String stream : c.streams()) {
                out.add(partition(c.vendor(), c.namedEndpoints().get(index), stream));
            }
        }
        return out;
    }
}
