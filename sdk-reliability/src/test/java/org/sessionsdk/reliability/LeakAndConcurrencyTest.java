package org.sessionsdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.MutableClock;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskEvent;
import org.sessionsdk.plesk.PleskEventQuery;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.SenhaseguraSimulator;

/**
 * Issue 8, items 2 and 7: 10,000 calls (successes, server errors, malformed bodies, bodies cut short,
 * streams closed early) leave no connection open and no SDK thread alive once the client is closed;
 * one client serves 64 threads at once; an expired OAuth 2 token is fetched once for 100 callers.
 */
class LeakAndConcurrencyTest {
    private static final String RECORD = "{\"sessionId\":%d,\"userId\":7,\"clientGuid\":\"g\","
            + "\"loginDate\":\"2026-01-05T08:00:00.000+00:00\",\"logoutDate\":null}";

    private static Set<Thread> sdkThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("sessionsdk-") || t.getName().startsWith("HttpClient-"))
                .collect(Collectors.toSet());
    }

    @Test
    @Timeout(120)
    void tenThousandCallsLeaveNoConnectionOrThreadBehind() throws Exception {
        String ok = "[" + String.format(RECORD, 1) + "," + String.format(RECORD, 2) + "]";
        StringBuilder big = new StringBuilder("[");
        for (int i = 1; i <= 500; i++) {
            big.append(i > 1 ? "," : "").append(String.format(RECORD, i));
        }
        String longBody = big.append(']').toString();
        AtomicInteger n = new AtomicInteger();
        Set<Thread> baseline = sdkThreads();
        int calls = 10_000;
        int maxOpen = 0;
        AtomicInteger typed = new AtomicInteger();
        try (RawServer server = new RawServer(r -> switch (n.getAndIncrement() % 10) {
            case 0 -> RawServer.response(503, "text/plain", "busy");
            case 1 -> RawServer.response(200, "application/json", "[{\"sessionId\":");
            case 2 -> RawServer.partial("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 999\r\n\r\n[", false);
            case 3 -> RawServer.response(200, "application/json", longBody);
            default -> RawServer.response(200, "application/json", ok);
        })) {
            try (EkranClient c = Ops.ekran(server.endpoint(), b -> b.retryPolicy(RetryPolicy.none()))) {
                for (int i = 0; i < calls; i++) {
                    try {
                        if (i % 10 == 3) {
                            try (Stream<EkranSession> s = c.sessions().stream(EkranSessionQuery.all())) {
                                assertThat(s.limit(3).count()).isEqualTo(3); // closed early
                            }
                        } else {
                            assertThat(c.sessions().list(EkranSessionQuery.all())).hasSize(2);
                        }
                    } catch (ServerException | ResponseFormatException | TransportException expected) {
                        typed.incrementAndGet();
                    }
                    maxOpen = Math.max(maxOpen, server.openConnections());
                }
                assertThat(maxOpen).as("connections open at once while one thread calls").isLessThanOrEqualTo(4);
            }
            assertThat(typed.get()).as("failures that ended in a typed error").isEqualTo(3 * calls / 10);
            assertThat(server.requestsTotal()).isEqualTo(calls);
            // closing the client releases its connections and threads
            awaitGone(baseline);
            assertThat(server.awaitOpenAtMost(0, Duration.ofSeconds(20))).as("open connections after close: %d",
                    server.openConnections()).isTrue();
        }
        assertThat(sdkThreads()).as("SDK threads after close").isSubsetOf(baseline);
    }

    /** Joins every SDK thread that was not there before (bounded); the JDK client's selector ends on GC. */
    private static void awaitGone(Set<Thread> baseline) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<Thread> extra = sdkThreads().stream().filter(t -> !baseline.contains(t)).toList();
            if (extra.isEmpty()) {
                return;
            }
            System.gc(); // on Java 17 the HttpClient has no close(): its selector thread stops once unreachable
            for (Thread t : extra) {
                t.join(100);
            }
        }
    }

    @Test
    @Timeout(120)
    void oneClientPerVendorSharedBy64Threads() throws Exception {
        try (PleskSimulator plesk = PleskSimulator.start().withSessions(20);
             EkranSimulator ekran = EkranSimulator.start().withSessions(30);
             SaymonSimulator saymon = SaymonSimulator.start().withSessions(45);
             SenhaseguraSimulator senha = SenhaseguraSimulator.start().withSessions(12);
             PleskClient p = plesk.client();
             EkranClient e = ekran.client();
             SaymonClient s = saymon.client();
             SenhaseguraClient h = senha.client()) {
            long lastId = plesk.lastEventId();
            int sessionsBefore = plesk.sessions().size();
            List<String> toEnd = plesk.sessions().stream().limit(8).map(x -> x.id()).toList();
            ExecutorService pool = Executors.newFixedThreadPool(64);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            try {
                for (int t = 0; t < 64; t++) {
                    int id = t;
                    done.add(pool.submit((Callable<Void>) () -> {
                        go.await();
                        for (int round = 0; round < 5; round++) {
                            switch ((id + round) % 8) {
                                case 0 -> assertThat(p.eventLog().lastId()).isEqualTo(lastId);
                                case 1 -> {
                                    try (Stream<PleskEvent> ev = p.eventLog().stream(PleskEventQuery.all())) {
                                        assertThat(ev.count()).isEqualTo(lastId);
                                    }
                                }
                                case 2 -> assertThat(e.sessions().list(EkranSessionQuery.all())).hasSize(30);
                                case 3 -> assertThat(s.sessions().list(SaymonSessionQuery.builder().pageSize(10).build()))
                                        .hasSize(45);
                                case 4 -> assertThat(h.sessions().list()).hasSize(12);
                                case 5 -> assertThat(s.users().current().login()).isEqualTo(SaymonSimulator.LOGIN);
                                case 6 -> assertThat(p.eventLog().objectEvents().list()).hasSize(3);
                                default -> {
                                    if (round == 0 && id < toEnd.size() * 8 && id % 8 == 7) {
                                        p.sessions().terminate(toEnd.get(id / 8));
                                    } else {
                                        assertThat(h.sessions().get("3").id()).isEqualTo("3");
                                    }
                                }
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : done) {
                    f.get(100, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(plesk.sessions()).hasSize(sessionsBefore - toEnd.size());
            assertThat(plesk.flushes()).isZero();
            assertThat(senha.tokenRequests()).as("one token for all threads").isEqualTo(1);
        }
    }

    @Test
    @Timeout(60)
    void expiredTokenIsFetchedOnceFor100ConcurrentCallers() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withSessions(3);
             SenhaseguraClient c = sim.clientBuilder().clock(clock).build()) {
            assertThat(c.sessions().list()).hasSize(3);
            assertThat(sim.tokenRequests()).isEqualTo(1);
            clock.advance(Duration.ofHours(2)); // the cached token is past its expiry for the client
            ExecutorService pool = Executors.newFixedThreadPool(100);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> all = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    all.add(pool.submit(() -> {
                        go.await();
                        return c.sessions().list().size();
                    }));
                }
                go.countDown();
                for (Future<Integer> f : all) {
                    assertThat(f.get(50, TimeUnit.SECONDS)).isEqualTo(3);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(sim.tokenRequests()).as("token requests after expiry").isEqualTo(2);
        } catch (SdkException e) {
            throw new AssertionError(e);
        }
    }
}
