package org.sessionsdk.ekran;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.testing.GeneratedBody;
import org.sessionsdk.core.testing.StreamingServer;

/** 200,000 sessions in one response, parsed as they arrive: no list of them is ever built. */
class EkranLargeResponseTest {
    static final int N = 200_000;

    static String session(int i) {
        return "{\"clientGuid\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"logoutDate\":\"2021-04-01T10:00:00.000+00:00\","
                + "\"loginDate\":\"2021-04-01T09:00:00.000+00:00\",\"sessionId\":" + i + ",\"userId\":" + (i % 97) + "}";
    }

    @Test
    void streams200000SessionsWhileTheBodyIsStillArriving() {
        AtomicReference<GeneratedBody> body = new AtomicReference<>();
        try (StreamingServer server = StreamingServer.start("/ekranapi/sessions", "application/json", () -> {
                GeneratedBody b = GeneratedBody.jsonArray(N, EkranLargeResponseTest::session);
                body.set(b);
                return b;
            });
             EkranClient ekran = EkranClient.builder().endpoint(server.endpoint())
                     .credentials(EkranCredentials.apiKey("k")).build();
             Stream<EkranSession> sessions = ekran.sessions().stream(EkranSessionQuery.all())) {

            Iterator<EkranSession> it = sessions.iterator();
            EkranSession first = it.next();
            long readWhenFirstArrived = body.get().bytesRead();

            long count = 1;
            long idSum = first.sessionId();
            OffsetDateTime login = OffsetDateTime.parse("2021-04-01T09:00:00Z");
            while (it.hasNext()) {
                EkranSession s = it.next();
                assertThat(s.sessionId()).isEqualTo((int) count); // in order, none lost or repeated
                assertThat(s.loginDate()).isEqualTo(login);
                idSum += s.sessionId();
                count++;
            }
            long total = body.get().bytesRead();

            assertThat(count).isEqualTo(N);
            assertThat(idSum).isEqualTo((long) N * (N - 1) / 2);
            assertThat(total).isGreaterThan(30_000_000L);
            // the first session was handed out when only a small part of the ~35 MB had been produced
            assertThat(readWhenFirstArrived).isLessThan(total / 4);
            assertThat(server.requests()).isEqualTo(1);
        }
    }
}
