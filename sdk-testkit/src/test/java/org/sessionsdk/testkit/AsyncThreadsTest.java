package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionQuery;

/** {@code listAsync} never holds a thread per call in flight: a bounded pool, or the user's executor. */
class AsyncThreadsTest {
    /** The client pools' threads alive now (a pool's idle threads live 30 s, so none has gone yet). */
    private static java.util.Set<Thread> asyncThreads() {
        java.util.Set<Thread> out = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("sessionsdk-ekran-async-")) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void twoHundredFiftySixCallsInFlightHoldAtMostThePoolsThreads() {
        try (EkranSimulator sim = EkranSimulator.start().withSessions(5);
             EkranClient ekran = sim.clientBuilder().asyncThreads(4).build()) {
            java.util.Set<Thread> before = asyncThreads();
            List<CompletableFuture<List<EkranSession>>> calls = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                calls.add(ekran.sessions().listAsync(EkranSessionQuery.all()));
            }
            calls.forEach(c -> assertThat(c.join()).hasSize(5));
            java.util.Set<Thread> mine = asyncThreads();
            mine.removeAll(before); // threads of clients closed earlier may still be on their way out
            assertThat(mine).hasSizeBetween(1, 4);
        }
    }

    @Test
    void aUsersExecutorRunsTheCallsAndIsLeftOpen() {
        AtomicInteger made = new AtomicInteger();
        ExecutorService mine = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "my-pool-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (EkranSimulator sim = EkranSimulator.start().withSessions(3)) {
            try (EkranClient ekran = sim.clientBuilder().asyncExecutor(mine).build()) {
                assertThat(ekran.sessions().listAsync(EkranSessionQuery.all()).join()).hasSize(3);
                // the pool makes a thread only when given a task (a thenApply here would run on the
                // caller whenever the call finished first, which says nothing about where it ran)
                assertThat(made.get()).as("threads the user's pool made for the call").isPositive();
            }
            assertThat(mine.isShutdown()).as("the client does not shut down what it did not make").isFalse();
        } finally {
            mine.shutdownNow();
        }
        assertThatThrownBy(() -> EkranClient.builder().asyncThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
