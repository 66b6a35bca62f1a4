package org.sessionsdk.ekran;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.testing.GeneratedBody;
import org.sessionsdk.core.testing.StreamingServer;

/**
 * Alerts and session details far beyond one batch, streamed as they arrive: the first record is handed
 * out while most of the body is still to come, so no batch is held whole.
 */
class EkranPagedLargeResponseTest {
    static final int N = 100_000;

    /** The first request gets {@code N} records in one body, the next an empty batch. */
    private static Supplier first(String prefix, IntFunction<String> element, String suffix, String empty,
                                  AtomicReference<GeneratedBody> body) {
        AtomicInteger calls = new AtomicInteger();
        return () -> {
            if (calls.getAndIncrement() > 0) {
                return new ByteArrayInputStream(empty.getBytes(StandardCharsets.UTF_8));
            }
            GeneratedBody b = GeneratedBody.of(prefix, N, element, ",", suffix);
            body.set(b);
            return b;
        };
    }

    interface Supplier extends java.util.function.Supplier<InputStream> {
    }

    static String alert(int i) {
        return "{\"activityId\":" + (i + 1) + ",\"alertName\":\"USB storage\",\"date\":\"2026-01-05T08:00:00.000+00:00\","
                + "\"userName\":\"jdoe\",\"description\":\"A USB drive was connected\",\"riskLevel\":\"High\"}";
    }

    static String detail(int i) {
        return "{\"sessionId\":" + (i + 1) + ",\"userId\":7,\"duration\":\"01:00:00.0000001\",\"idleTime\":\"00:10:00\","
                + "\"productiveTime\":\"00:50:00.0000001\",\"loginDate\":\"2026-01-05T08:00:00.000+00:00\"}";
    }

    @Test
    void streamsOneHundredThousandAlertsFollowingTheCursor() {
        AtomicReference<GeneratedBody> body = new AtomicReference<>();
        // the cursor comes after the array, so it is only known once the batch is read
        try (StreamingServer server = StreamingServer.start(EkranAlerts.PATH, "application/json",
                first("{\"alerts\":[", EkranPagedLargeResponseTest::alert, "],\"afterActivityId\":" + N + "}",
                        "{\"afterActivityId\":" + N + ",\"alerts\":[]}", body));
             EkranClient ekran = EkranClient.builder().endpoint(server.endpoint())
                     .credentials(EkranCredentials.apiKey("k")).build();
             Stream<EkranAlert> alerts = ekran.alerts().stream(EkranAlertQuery.all())) {
            Iterator<EkranAlert> it = alerts.iterator();
            it.next();
            long readWhenFirstArrived = body.get().bytesRead();
            long count = 1;
            while (it.hasNext()) {
                assertThat(it.next().activityId()).isEqualTo(Long.toString(++count));
            }
            assertThat(count).isEqualTo(N);
            assertThat(readWhenFirstArrived).isLessThan(body.get().bytesRead() / 4);
            assertThat(server.requests()).isEqualTo(2); // the full batch, then the empty one after it
        }
    }

    @Test
    void streamsOneHundredThousandSessionDetailsPageByPage() {
        AtomicReference<GeneratedBody> body = new AtomicReference<>();
        try (StreamingServer server = StreamingServer.start(EkranSessions.PATH, "application/json",
                first("{\"sessions\":[", EkranPagedLargeResponseTest::detail, "]}", "{\"sessions\":[]}", body));
             EkranClient ekran = EkranClient.builder().endpoint(server.endpoint())
                     .credentials(EkranCredentials.apiKey("k")).build();
             Stream<EkranSessionDetail> sessions = ekran.sessions().details(EkranSessionDetailsQuery.all())) {
            Iterator<EkranSessionDetail> it = sessions.iterator();
            it.next();
            long readWhenFirstArrived = body.get().bytesRead();
            long count = 1;
            Duration total = Duration.ofHours(1).plusNanos(100);
            while (it.hasNext()) {
                EkranSessionDetail d = it.next();
                assertThat(d.sessionId()).isEqualTo(++count);
                assertThat(d.duration()).isEqualTo(total);
            }
            assertThat(count).isEqualTo(N);
            assertThat(readWhenFirstArrived).isLessThan(body.get().bytesRead() / 4);
            assertThat(server.requests()).isEqualTo(2);
        }
    }
}
