package org.sessionsdk.core.internal.concurrent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few threads the SDK starts, shared by every client in the JVM however many there are: why a
 * fleet of ten thousand clients costs no more threads than one.
 * <ul>
 * <li>{@link #http()}: the JDK HTTP clients' executor. It only hands responses and body chunks on and
 *     runs the pipeline's stages, none of which waits, so a few threads carry any number of calls;</li>
 * <li>{@link #async()}: where the asynchronous calls' bodies are parsed and their futures complete,
 *     unless a client was given an executor of its own, and where work that may wait (a login, a
 *     token request) is moved off the HTTP threads;</li>
 * <li>retry backoffs and read timeouts wait on one timer thread ({@link #delay}, {@link #check}), then
 *     run on {@link #async()}.</li>
 * </ul>
 * Threads are daemons and end when idle (30 s, the async pool's 60 s), so an idle JVM holds none of
 * them: at most 4 HTTP threads ({@code -Dsessionsdk.httpThreads=N} for more), 4 async ones, the JDK
 * clients' selector threads (one per distinct client settings) and the timer thread.
 *
 * <p>SDK-internal.
 */
public final class SdkExecutors {
    /** Threads of the shared async pool. */
    public static final int ASYNC_THREADS = org.sessionsdk.core.config.ClientConfig.DEFAULT_ASYNC_THREADS;
    /** Threads of the JDK clients' executor; {@code -Dsessionsdk.httpThreads=N} changes it. */
    private static final int HTTP_THREADS = Math.max(1, Integer.getInteger("sessionsdk.httpThreads", 4));

    private static final ThreadPoolExecutor HTTP = pool(HTTP_THREADS, "sessionsdk-http-");
    /**
     * A plain pool, not a fork-join one: the few reads that still wait (a lookup, a login) would make a
     * fork-join pool start compensating threads, a hundred and more in a fleet's first minute.
     */
    private static final ThreadPoolExecutor ASYNC = pool(ASYNC_THREADS, "sessionsdk-async-");
    /**
     * Backoffs and read timeouts: one thread that only counts time. Cancelled timers leave at once
     * (a read timeout is cancelled by every body that ends in time, thousands a second in a fleet).
     */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private SdkExecutors() {
    }

    /** {@return the executor of the JDK HTTP clients the SDK builds: nothing that waits runs on it} */
    public static Executor http() {
        return HTTP;
    }

    /** {@return the shared pool asynchronous calls parse and complete on} */
    public static Executor async() {
        return ASYNC;
    }

    /**
     * {@return a future that completes on the async pool once {@code delay} has passed, no thread waiting meanwhile}
     *
     * @param delay how long from now; zero or less completes at once
     */
    public static CompletableFuture<Void> delay(Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        TIMER.schedule(() -> ASYNC.execute(() -> done.complete(null)), Math.max(0, delay.toNanos()),
                TimeUnit.NANOSECONDS);
        return done;
    }

    /**
     * Runs a short check on the timer thread after {@code nanos}; it must not wait, and hands anything
     * longer on. Cancel it once it is not needed.
     *
     * @param check the check
     * @param nanos how long from now
     * @return the timer, to cancel
     */
    public static ScheduledFuture<?> check(Runnable check, long nanos) {
        return TIMER.schedule(check, Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "sessionsdk-timer");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        t.setKeepAliveTime(30, TimeUnit.SECONDS);
        t.allowCoreThreadTimeOut(true);
        return t;
    }

    private static ThreadPoolExecutor pool(int threads, String prefix) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor p = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, prefix + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        p.allowCoreThreadTimeOut(true);
        return p;
    }
}
