package org.sessionsdk.spring;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.CheckpointStore;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.FeedRunner;
import org.sessionsdk.core.retry.RetryPolicy;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The feeds under {@code sessionsdk.feeds}, each on the SDK's one follow loop ({@link FeedRunner}) in a
 * thread of its own, resumed from its checkpoint in the {@link CheckpointStore}. Started when the
 * context is ready and stopped before the servers' clients close: a stop ends the poll under way,
 * saves the last handled batch's checkpoint and waits for the thread, so nothing runs after the
 * context is closed and a restart goes on where this one stopped.
 *
 * <p>A failure a retry can fix (the server down, a handler throwing) is retried by the runner without
 * limit, backing off up to a minute; one it cannot (credentials refused, another instance saving the
 * same feed's checkpoint) stops the loop until a minute has passed, then it tries again from the saved
 * checkpoint. The health of the feed's server shows a failing server.
 */
public final class ManagedFeeds implements SmartLifecycle {
    private static final Duration RESTART_AFTER = Duration.ofMinutes(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final org.apache.commons.logging.Log LOG = org.apache.commons.logging.LogFactory.getLog(ManagedFeeds.class);

    private final SessionServers servers;
    private final Map<String, SessionSdkProperties.FeedProperties> feeds;
    private final Supplier<CheckpointStore> store;
    private final Function<String, SessionFeedHandler> handlers;
    private final Clock clock;
    private final List<Running> running = new ArrayList<>();
    private volatile boolean started;

    ManagedFeeds(SessionServers servers, Map<String, SessionSdkProperties.FeedProperties> feeds,
                 Supplier<CheckpointStore> store, Function<String, SessionFeedHandler> handlers, Clock clock) {
        this.servers = servers;
        this.feeds = new TreeMap<>(feeds);
        this.store = store;
        this.handlers = handlers;
        this.clock = clock;
        this.feeds.forEach((name, f) -> {
            if (f.enabled()) {
                if (f.server() == null) {
                    throw new IllegalStateException("sessionsdk.feeds." + name + ".server is required: one of " + servers.names());
                }
                if (!servers.names().contains(f.server())) {
                    throw new IllegalStateException("sessionsdk.feeds." + name + ".server: no server " + f.server()
                            + " under sessionsdk.servers; there are " + servers.names());
                }
            }
        });
    }

    /** The handler bean named, or the only one. */
    static SessionFeedHandler handler(ListableBeanFactory beans, String name) {
        if (name != null) {
            return beans.getBean(name, SessionFeedHandler.class);
        }
        Map<String, SessionFeedHandler> all = beans.getBeansOfType(SessionFeedHandler.class);
        if (all.size() != 1) {
            throw new IllegalStateException("a managed feed hands its batches to a SessionFeedHandler bean: there are "
                    + (all.isEmpty() ? "none" : all.size() + " (" + String.join(", ", all.keySet())
                    + "); name one in sessionsdk.feeds.<name>.handler"));
        }
        return all.values().iterator().next();
    }

    /** One feed's loop. */
    private final class Running implements Runnable {
        final String name;
        final FeedRunner<?> runner;
        final Thread thread;
        final CountDownLatch stop = new CountDownLatch(1);

        Running(String name, FeedRunner<?> runner) {
            this.name = name;
            this.runner = runner;
            this.thread = new Thread(this, "sessionsdk-feed-" + name);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (stop.getCount() > 0) {
                try {
                    runner.run();
                    return; // closed
                } catch (Exception e) {
                    // the runner gave up (a failure no retry can fix): the position is the saved checkpoint
                    LOG.warn("sessionsdk feed " + name + " stopped on " + e.getClass().getName()
                            + "; it tries again in " + RESTART_AFTER);
                    try {
                        if (stop.await(RESTART_AFTER.toMillis(), TimeUnit.MILLISECONDS)) {
                            return;
                        }
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        try {
            feeds.forEach((name, f) -> {
                if (f.enabled()) {
                    running.add(open(name, f));
                }
            });
        } catch (RuntimeException e) {
            stopAll();
            throw e;
        }
        running.forEach(r -> r.thread.start());
        started = true;
    }

    private Running open(String name, SessionSdkProperties.FeedProperties f) {
        CheckpointStore checkpoints = store.get();
        SessionFeedHandler handler = handlers.apply(f.handler());
        Checkpoint saved;
        try {
            saved = checkpoints.load(name).orElse(null); // a JDBC store takes the key over here
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot load the checkpoint of sessionsdk feed " + name, e);
        }
        FeedOptions options = FeedOptions.builder().resumeFrom(saved).pollInterval(f.pollInterval()).clock(clock).build();
        SessionClient client = servers.client(f.server());
        Feed<?> feed = f.stream() == SessionSdkProperties.Stream.AUDIT ? client.auditFeed(options) : client.sessionFeed(options);
        return new Running(name, runner(name, feed, checkpoints, handler));
    }

    private static <T> FeedRunner<T> runner(String name, Feed<T> feed, CheckpointStore checkpoints, SessionFeedHandler handler) {
        RetryPolicy patient = RetryPolicy.builder().maxAttempts(Integer.MAX_VALUE).maxDelay(Duration.ofMinutes(1)).build();
        return FeedRunner.builder(feed, batch -> handler.handle(name, batch)).store(checkpoints, name).retry(patient)
                .fatalWhen(ManagedFeeds::unfixable).build();
    }

    /**
     * What no retry fixes: refused credentials or rights, a checkpoint of another feed, and another
     * instance saving the same feed's position (a conflict repeats at every save while it runs).
     */
    static boolean unfixable(Throwable e) {
        return e instanceof org.sessionsdk.core.error.AuthenticationException
                || e instanceof org.sessionsdk.core.error.PermissionDeniedException
                || e instanceof IllegalArgumentException
                || e instanceof org.sessionsdk.checkpoint.jdbc.CheckpointConflictException;
    }

    @Override
    public synchronized void stop() {
        stopAll();
        started = false;
    }

    private void stopAll() {
        for (Running r : running) {
            r.stop.countDown();
            r.runner.close();
        }
        for (Running r : running) {
            try {
                r.thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** {@return the names of the feeds running now} */
    public synchronized List<String> running() {
        return running.stream().map(r -> r.name).toList();
    }
}
