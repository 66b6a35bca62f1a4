package org.sessionsdk.saymon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.testing.GeneratedBody;
import org.sessionsdk.core.testing.StreamingServer;

/** 200,000 log records over 40 pages, read page by page as the stream is consumed: memory holds one page. */
class SaymonLargeLogTest {
    static final int N = 200_000;
    static final int PAGE = 5_000;

    static String record(int n) {
        return "{\"startTime\":" + (1651662280161L - n) + ",\"endTime\":null,\"expiredAt\":1651671819978,"
                + "\"userId\":\"5f5f420005a91e683e101ca7\",\"login\":\"user" + (n % 50) + "\",\"id\":\""
                + String.format("%024x", n) + "\"}";
    }

    @Test
    void streams200000RecordsPageByPage() {
        AtomicInteger pagesServed = new AtomicInteger();
        // each request gets the next page: 40 full pages, then an empty one
        java.util.function.Supplier<InputStream> pages = () -> {
            int k = pagesServed.getAndIncrement();
            int count = k * PAGE >= N ? 0 : PAGE;
            return GeneratedBody.jsonArray(count, i -> record(k * PAGE + i));
        };
        try (StreamingServer server = StreamingServer.start("/node/api/users/session/log", "application/json", pages);
             SaymonClient saymon = SaymonClient.builder().endpoint(server.endpoint())
                     .credentials(SaymonCredentials.basic("admin", "pw")).build();
             Stream<SaymonSession> log = saymon.sessions().stream(SaymonSessionQuery.builder().pageSize(PAGE).build())) {

            Iterator<SaymonSession> it = log.iterator();
            SaymonSession first = it.next();
            assertThat(server.requests()).isEqualTo(1); // nothing beyond the first page was asked for yet

            long count = 1;
            int maxRequestsSeen = server.requests();
            String expectedId = first.id();
            assertThat(expectedId).isEqualTo(String.format("%024x", 0));
            while (it.hasNext()) {
                SaymonSession s = it.next();
                assertThat(s.id()).isEqualTo(String.format("%024x", count)); // in order: no gap, no repeat
                count++;
                // pages are fetched one at a time, as the previous one is used up
                assertThat(server.requests()).isLessThanOrEqualTo((int) (count + PAGE - 1) / PAGE);
                maxRequestsSeen = server.requests();
            }

            assertThat(count).isEqualTo(N);
            assertThat(maxRequestsSeen).isEqualTo(N / PAGE);
            assertThat(server.requests()).isEqualTo(N / PAGE + 1); // the empty page ended it
        }
    }
}
