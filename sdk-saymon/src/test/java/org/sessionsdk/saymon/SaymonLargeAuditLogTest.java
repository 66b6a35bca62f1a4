package org.sessionsdk.saymon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.testing.GeneratedBody;
import org.sessionsdk.core.testing.StreamingServer;

/** Long audit logs and user lists, read as they arrive: memory holds one page (one record for the user list). */
class SaymonLargeAuditLogTest {
    static final int N = 100_000;
    static final int PAGE = 5_000;
    static final String USER = "5f5f420005a91e683e101ca7";

    static String record(int n) {
        return "{\"entityId\":\"obj-" + n + "\",\"entityType\":\"object\",\"kind\":\"update\","
                + "\"newBody\":{\"name\":\"Server " + n + "\",\"state\":{\"id\":" + (n % 7) + "}},\"oldBody\":{\"name\":\"old\"},"
                + "\"timestamp\":" + (1651662280161L - n) + ",\"userId\":\"" + USER + "\"}";
    }

    @Test
    void streams100000AuditRecordsPageByPage() {
        AtomicInteger pagesServed = new AtomicInteger();
        Supplier<InputStream> pages = () -> {
            int k = pagesServed.getAndIncrement();
            int count = k * PAGE >= N ? 0 : PAGE;
            return GeneratedBody.jsonArray(count, i -> record(k * PAGE + i));
        };
        try (StreamingServer server = StreamingServer.start("/node/api/users/" + USER + "/audit-log", "application/json", pages);
             SaymonClient saymon = SaymonClient.builder().endpoint(server.endpoint())
                     .credentials(SaymonCredentials.basic("admin", "pw")).build();
             Stream<SaymonAuditEntry> log = saymon.auditLog().stream(
                     SaymonAuditQuery.builder().userId(USER).pageSize(PAGE).build())) {

            Iterator<SaymonAuditEntry> it = log.iterator();
            assertThat(it.next().entityId()).isEqualTo("obj-0");
            assertThat(server.requests()).isEqualTo(1); // nothing beyond the first page was asked for yet
            long count = 1;
            while (it.hasNext()) {
                SaymonAuditEntry e = it.next();
                assertThat(e.entityId()).isEqualTo("obj-" + count); // in order: no gap, no repeat
                count++;
                assertThat(server.requests()).isLessThanOrEqualTo((int) (count + PAGE - 1) / PAGE);
            }
            assertThat(count).isEqualTo(N);
            assertThat(server.requests()).isEqualTo(N / PAGE + 1); // the empty page ended it
        }
    }

    @Test
    void streams50000UsersAsTheyArrive() {
        int users = 50_000;
        GeneratedBody[] body = new GeneratedBody[1];
        try (StreamingServer server = StreamingServer.start("/node/api/users", "application/json",
                () -> body[0] = GeneratedBody.jsonArray(users, i -> "{\"id\":\"" + String.format("%024x", i)
                        + "\",\"login\":\"user" + i + "\",\"name\":\"User " + i + "\",\"permissions\":[\"read-objects\"]}"));
             SaymonClient saymon = SaymonClient.builder().endpoint(server.endpoint())
                     .credentials(SaymonCredentials.basic("admin", "pw")).build();
             Stream<SaymonUser> all = saymon.users().stream()) {
            Iterator<SaymonUser> it = all.iterator();
            assertThat(it.next().login()).isEqualTo("user0");
            long count = 1;
            while (it.hasNext()) {
                assertThat(it.next().login()).isEqualTo("user" + count);
                count++;
            }
            assertThat(count).isEqualTo(users);
        }
    }
}
