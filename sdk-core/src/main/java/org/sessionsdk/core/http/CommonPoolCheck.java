package org.sessionsdk.core.http;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's {@code HttpClient.sendAsync} hands every answer once to the JVM's common fork-join pool
 * before anything else sees it. Where that pool has a parallelism below 2 (a JVM that sees 2 CPUs or
 * fewer), {@code CompletableFuture} runs such tasks on a new thread each: a thread started and ended
 * per answer, which measured about twice the CPU per poll of a blocking call in a fleet. Nothing
 * outside the JVM's start can change that pool, so this says it once, with the fix.
 */
final class CommonPoolCheck {
    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpTransport.class);
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private CommonPoolCheck() {
    }

    static void once() {
        if (ForkJoinPool.getCommonPoolParallelism() < 2 && TOLD.compareAndSet(false, true)) {
            LOG.warn("the JVM's common pool has a parallelism of {}: the JDK's HttpClient.sendAsync, which the "
                    + "asynchronous calls use, then starts a thread for every answer. Start the JVM with "
                    + "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2 (or more)",
                    ForkJoinPool.getCommonPoolParallelism());
        }
    }
}
