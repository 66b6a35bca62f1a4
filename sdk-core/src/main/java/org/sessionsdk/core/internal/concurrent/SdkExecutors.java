package org.sessionsdk.core.internal.concurrent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
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
 * <li>retry backoffs and read timeouts wait on the JDK's one shared delay thread
 *     ({@link CompletableFuture#delayedExecutor}), then run on {@link #async()}.</li>
 * </ul>
 * Threads are daemons and end when idle (30 s, the async pool's 60 s), so an idle JVM holds none of
 * them: at most 4 HTTP threads ({@code -Dsessionsdk.httpThreads=N} for more), 8 async ones, the JDK
 * clients' selector threads (one per distinct client settings) and the JDK's delay thread.
 *
 * <p>SDK-internal.
 */
public final class SdkExecutors {
    /** Threads of the shared async pool. */
    public static final int ASYNC_THREADS = 8;
    /** Threads of the JDK clients' executor; {@code -Dsessionsdk.httpThreads=N} changes it. */
    private static final int HTTP_THREADS = Math.max(1, Integer.getInteger("sessionsdk.httpThreads", 4));

    private static final ThreadPoolExecutor HTTP = pool(HTTP_THREADS, "sessionsdk-http-");
    /**
     * A fork-join pool in FIFO mode: every answer is handed over to it, and its workers look for work a
     * moment before they park, which makes the hand-over cheaper than a queue and a wake-up each.
     */
    private static final java.util.concurrent.ForkJoinPool ASYNC = forkJoin(ASYNC_THREADS, "sessionsdk-async-");

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
     * An executor that runs its tasks on {@code executor} once {@code delay} has passed, without a
     * thread waiting meanwhile.
     *
     * @param delay    how long from now; zero or less runs at once
     * @param executor where the task then runs
     * @return the delayed executor
     */
    public static Executor after(Duration delay, Executor executor) {
        long nanos = Math.max(0, delay.toNanos());
        return CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, executor);
    }

    private static java.util.concurrent.ForkJoinPool forkJoin(int threads, String prefix) {
        AtomicInteger n = new AtomicInteger();
        return new java.util.concurrent.ForkJoinPool(threads, pool -> {
            java.util.concurrent.ForkJoinWorkerThread t =
                    java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName(prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, null, true);
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
