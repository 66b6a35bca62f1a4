package org.sessionsdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonSession;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.SimClock;
import org.sessionsdk.testkit.SimData;

/**
 * Issue 8, item 6: no record is lost, repeated or cut in half, and reading never deletes.
 */
class NoDataLossTest {

    @Test
    void pleskObjectEventsNeverFlushEvenWhenRetried() {
        try (PleskSimulator sim = PleskSimulator.start();
             PleskClient c = sim.clientBuilder().retryPolicy(Ops.fastRetry(3)).build()) {
            for (int i = 0; i < 5; i++) {
                assertThat(c.eventLog().objectEvents().list()).hasSize(3);
            }
            sim.faults().failNext(503, "").failNext(502, "");
            assertThat(c.eventLog().objectEvents().list()).hasSize(3); // third attempt succeeds
            assertThat(sim.flushes()).as("flushing reads").isZero();
            // the explicit flush is the only call that deletes, and it is sent once even under a 503
            sim.faults().failNext(503, "");
            assertThatThrownBy(() -> c.eventLog().objectEvents().listAndFlush()).isInstanceOf(ServerException.class);
            assertThat(c.eventLog().objectEvents().listAndFlush()).hasSize(3);
            assertThat(sim.flushes()).isEqualTo(1);
        }
    }

    /**
     * Records are logged on top of the log after every page, inside the window being read (the upper
     * bound is far in the future), shifting every later page. Every record present when the stream
     * started must come exactly once; new records may come at most once.
     */
    @ParameterizedTest(name = "page {0}, {1} inserted after each page")
    @CsvSource({"10, 1", "10, 3", "10, 9", "7, 6", "25, 24", "10, 10", "10, 15", "5, 40", "1, 1"})
    @Timeout(30)
    void saymonPagingWithInsertsYieldsEveryRecordOnce(int pageSize, int insertsPerPage) {
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(137);
             SaymonClient c = sim.client()) {
            Set<String> before = new HashSet<>();
            sim.sessions().forEach(r -> before.add(r.id()));
            sim.insertAfterEachPage(insertsPerPage);
            List<String> got = new ArrayList<>();
            try (Stream<SaymonSession> s = c.sessions().stream(SaymonSessionQuery.builder()
                    .to(Instant.parse("2100-01-01T00:00:00Z")).pageSize(pageSize).build())) {
                s.forEach(r -> got.add(r.id()));
            }
            assertThat(got).as("no record twice").doesNotHaveDuplicates();
            assertThat(got).as("every record present at the start").containsAll(before);
        }
    }

    @ParameterizedTest(name = "window {0} min")
    @CsvSource({"7", "20", "45", "60", "133", "1440"})
    void ekranWindowSplittingYieldsEverySessionOnce(int windowMinutes) {
        // the clock puts generated history at EPOCH: 300 sessions 20 minutes apart, then 6 hours
        SimClock clock = SimClock.at(SimData.EPOCH.plus(Duration.ofMinutes(300 * 20)).plus(Duration.ofHours(6)));
        try (EkranSimulator sim = EkranSimulator.start().withSessions(300).withClock(clock);
             EkranClient c = sim.client()) {
            Instant from = SimData.EPOCH.plus(Duration.ofMinutes(37));
            Instant to = SimData.EPOCH.plus(Duration.ofHours(71)).plusSeconds(13);
            List<Integer> whole = c.sessions().list(EkranSessionQuery.between(from, to)).stream()
                    .map(EkranSession::sessionId).toList();
            List<Integer> split;
            try (Stream<EkranSession> s = c.sessions().stream(EkranSessionQuery.between(from, to)
                    .splitInto(Duration.ofMinutes(windowMinutes)))) {
                split = s.map(EkranSession::sessionId).toList();
            }
            assertThat(whole).hasSizeGreaterThan(100);
            assertThat(split).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(whole);
        }
    }

    private static final String EKRAN_RECORD = "{\"sessionId\":%d,\"userId\":7,\"clientGuid\":\"guid-%d\","
            + "\"loginDate\":\"2026-01-05T08:00:00.000+00:00\",\"logoutDate\":\"2026-01-05T09:00:00.000+00:00\"}";

    /** K whole records and the first half of one more, as a chunked body. */
    private static String chunkedHead(int whole) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 1; i <= whole; i++) {
            body.append(String.format(EKRAN_RECORD, i, i)).append(',');
        }
        String rec = String.format(EKRAN_RECORD, whole + 1, whole + 1);
        body.append(rec, 0, rec.length() / 2);
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n";
    }

    private static void assertWhole(List<EkranSession> got, int whole) {
        assertThat(got).hasSize(whole);
        for (int i = 0; i < got.size(); i++) {
            EkranSession s = got.get(i);
            assertThat(s.sessionId()).isEqualTo(i + 1);
            assertThat(s.clientGuid()).isEqualTo("guid-" + (i + 1));
            assertThat(s.loginDate()).isNotNull();
            assertThat(s.logoutDate()).isNotNull();
        }
    }

    @Test
    @Timeout(30)
    void streamCutMidRecordFailsAfterTheWholeRecordsAndClosesTheConnection() throws Exception {
        int whole = 40;
        try (RawServer server = new RawServer(r -> RawServer.partial(chunkedHead(whole), false));
             EkranClient c = Ops.ekran(server.endpoint(), b -> b.retryPolicy(Ops.fastRetry(3)))) {
            List<EkranSession> got = new ArrayList<>();
            assertThatThrownBy(() -> {
                try (Stream<EkranSession> s = c.sessions().stream(EkranSessionQuery.all())) {
                    s.forEach(got::add);
                }
            }).isInstanceOf(TransportException.class);
            assertWhole(got, whole);
            assertThat(server.requestsTotal()).as("a stream that failed mid-body is not re-sent").isEqualTo(1);
            assertThat(server.awaitOpenAtMost(0, Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    @Timeout(30)
    void interruptedStreamStopsWithTypedErrorAndClosesTheConnection() throws Exception {
        int whole = 25;
        try (RawServer server = new RawServer(r -> RawServer.partial(chunkedHead(whole), true));
             EkranClient c = Ops.ekran(server.endpoint(), b -> b.readTimeout(Duration.ofMinutes(5)))) {
            List<EkranSession> got = new ArrayList<>();
            CountDownLatch allWhole = new CountDownLatch(1);
            AtomicReference<Thread> reader = new AtomicReference<>();
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                reader.set(Thread.currentThread());
                try (Stream<EkranSession> s = c.sessions().stream(EkranSessionQuery.all())) {
                    Iterator<EkranSession> it = s.iterator();
                    while (it.hasNext()) {
                        got.add(it.next());
                        if (got.size() == whole) {
                            allWhole.countDown(); // the next hasNext() blocks on the half record
                        }
                    }
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            assertThat(allWhole.await(20, TimeUnit.SECONDS)).isTrue();
            reader.get().interrupt();
            Throwable t = outcome.get(20, TimeUnit.SECONDS);
            assertThat(t).isInstanceOf(TransportException.class);
            assertThat(((TransportException) t).kind()).isEqualTo(TransportException.Kind.INTERRUPTED);
            assertWhole(got, whole);
            assertThat(server.awaitOpenAtMost(0, Duration.ofSeconds(10))).as("connection closed").isTrue();
        }
    }

    @Test
    @Timeout(30)
    void streamClosedEarlyDropsTheConnection() throws Exception {
        StringBuilder big = new StringBuilder("[");
        for (int i = 1; i <= 20_000; i++) {
            big.append(i > 1 ? "," : "").append(String.format(EKRAN_RECORD, i, i));
        }
        big.append(']');
        try (RawServer server = new RawServer(r -> RawServer.response(200, "application/json", big.toString()));
             EkranClient c = Ops.ekran(server.endpoint(), b -> { })) {
            try (Stream<EkranSession> s = c.sessions().stream(EkranSessionQuery.all())) {
                assertThat(s.limit(10).count()).isEqualTo(10);
            }
            assertThat(server.awaitOpenAtMost(0, Duration.ofSeconds(10)))
                    .as("closing a stream early drops its connection").isTrue();
            // and the client still works afterwards, on a new connection
            try (Stream<EkranSession> s = c.sessions().stream(EkranSessionQuery.all())) {
                assertThat(s.findFirst()).isPresent();
            }
        } catch (SdkException e) {
            throw new AssertionError(e);
        }
    }
}
