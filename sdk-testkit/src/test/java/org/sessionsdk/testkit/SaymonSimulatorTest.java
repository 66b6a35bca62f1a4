package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.saymon.SaymonSession;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.saymon.SaymonUser;

/** The SAYMON simulator against the real SAYMON client, used as a user would: through the extension. */
@SessionSimulators(sessions = 95)
class SaymonSimulatorTest {

    @Test
    void pagesNewestFirstUntilAShortPage(SaymonSimulator saymonServer, SaymonClient saymon) {
        List<SaymonSession> log = saymonServer.sessions();
        int requests = saymonServer.logRequests();

        List<SaymonSession> read = saymon.sessions().list(SaymonSessionQuery.builder().pageSize(10).build());

        assertThat(read).isEqualTo(log).hasSizeGreaterThanOrEqualTo(95);
        assertThat(read).extracting(SaymonSession::startTime).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(read).extracting(SaymonSession::id).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{24}"));
        assertThat(read).anySatisfy(s -> assertThat(s.open()).isTrue());
        assertThat(saymonServer.logRequests() - requests).isEqualTo(log.size() / 10 + 1);
    }

    @Test
    void boundsAndLimitSelectTheRightRecords(SaymonSimulator saymonServer, SaymonClient saymon) {
        List<SaymonSession> log = saymonServer.sessions();
        Instant to = log.get(10).startTime();
        Instant from = log.get(30).startTime();

        List<SaymonSession> between = saymon.sessions().list(SaymonSessionQuery.builder().from(from).to(to)
                .pageSize(7).build());
        assertThat(between).isEqualTo(log.subList(10, 31));

        assertThat(saymon.sessions().list(SaymonSessionQuery.builder().limit(13).pageSize(5).build()))
                .isEqualTo(log.subList(0, 13));
    }

    @Test
    void recordsLoggedBetweenPagesAreNeitherRepeatedNorSkipped(SaymonSimulator saymonServer, SaymonClient saymon) {
        List<SaymonSession> log = saymonServer.sessions();
        long served = saymonServer.recordsServed();
        List<SaymonSession> read = new ArrayList<>();

        try (Stream<SaymonSession> s = saymon.sessions().stream(SaymonSessionQuery.builder().pageSize(10).build())) {
            Iterator<SaymonSession> it = s.iterator();
            read.add(it.next()); // the first page is in
            saymonServer.insertNewest(4); // four logins while the client reads it
            it.forEachRemaining(read::add);
        }

        assertThat(read).containsExactlyElementsOf(log);
        assertThat(saymonServer.sessions()).hasSize(log.size() + 4);
        // the inserts moved every later page: the server sent the last four of each page again
        assertThat(saymonServer.recordsServed() - served).isEqualTo(log.size() + 4);
    }

    @Test
    void aLogGrowingAfterEveryPageIsReadExactlyOnce(SaymonSimulator saymonServer, SaymonClient saymon) {
        List<SaymonSession> log = saymonServer.sessions();
        long served = saymonServer.recordsServed();
        int requests = saymonServer.logRequests();

        saymonServer.insertAfterEachPage(3);
        List<SaymonSession> read;
        try {
            read = saymon.sessions().list(SaymonSessionQuery.builder().pageSize(10).build());
        } finally {
            saymonServer.insertAfterEachPage(0);
        }

        int pages = saymonServer.logRequests() - requests;
        assertThat(read).containsExactlyElementsOf(log);
        assertThat(saymonServer.sessions()).hasSize(log.size() + 3 * pages);
        assertThat(saymonServer.recordsServed() - served).isEqualTo(log.size() + 3L * (pages - 1));
    }

    @Test
    void recordsAddedByTheTestTakeTheirPlaceByTime(SaymonSimulator saymonServer, SaymonClient saymon) {
        Instant between = saymonServer.sessions().get(5).startTime().minusMillis(1);
        SaymonSession mine = new SaymonSession("0123456789abcdef01234567", saymonServer.userId("admin"), "admin",
                between, null, between.plus(Duration.ofMinutes(30)));
        saymonServer.withSession(mine);

        List<SaymonSession> read = saymon.sessions().list(SaymonSessionQuery.builder().pageSize(20).build());
        assertThat(read.get(6)).isEqualTo(mine);
        assertThat(read).isEqualTo(saymonServer.sessions()).doesNotHaveDuplicates();
    }

    @Test
    void cookieSessionLogsInAgainAfterItExpiresAndOutOnClose(SaymonSimulator saymonServer) {
        int logins = saymonServer.logins();
        int logouts = saymonServer.logouts();
        try (SaymonClient saymon = saymonServer.clientBuilder()
                .credentials(SaymonCredentials.session(SaymonSimulator.LOGIN, SaymonSimulator.PASSWORD)).build()) {
            SaymonUser me = saymon.users().current();
            assertThat(me.login()).isEqualTo(SaymonSimulator.LOGIN);
            assertThat(me.id()).isEqualTo(saymonServer.userId(SaymonSimulator.LOGIN));
            assertThat(saymon.sessions().list(SaymonSessionQuery.builder().limit(3).build())).hasSize(3);
            assertThat(saymonServer.logins()).isEqualTo(logins + 1);

            assertThat(saymonServer.expireSessions()).isEqualTo(1);
            int rejected = saymonServer.rejectedRequests();
            assertThat(saymon.sessions().list(SaymonSessionQuery.builder().limit(3).build())).hasSize(3);
            assertThat(saymonServer.rejectedRequests()).isEqualTo(rejected + 1);
            assertThat(saymonServer.logins()).isEqualTo(logins + 2);
            assertThat(saymonServer.activeSessions()).isEqualTo(1);
        }
        assertThat(saymonServer.logouts()).isEqualTo(logouts + 1);
        assertThat(saymonServer.activeSessions()).isZero();
    }

    @Test
    void refusesWrongCredentialsAndMissingPermission(SaymonSimulator saymonServer) {
        try (SaymonClient wrongBasic = SaymonClient.builder().endpoint(saymonServer.endpoint())
                .credentials(SaymonCredentials.basic(SaymonSimulator.LOGIN, "nope")).build();
             SaymonClient wrongLogin = SaymonClient.builder().endpoint(saymonServer.endpoint())
                     .credentials(SaymonCredentials.session(SaymonSimulator.LOGIN, "nope")).build();
             SaymonClient viewer = SaymonClient.builder().endpoint(saymonServer.endpoint())
                     .credentials(SaymonCredentials.basic(SaymonSimulator.VIEWER_LOGIN, SaymonSimulator.VIEWER_PASSWORD))
                     .build()) {
            assertThatThrownBy(() -> wrongBasic.users().current())
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.vendorCode()).contains("InvalidCredentials"));
            assertThatThrownBy(() -> wrongLogin.sessions().list(SaymonSessionQuery.builder().limit(1).build()))
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.vendorCode()).contains("InvalidCredentials"));
            assertThat(viewer.users().current().login()).isEqualTo(SaymonSimulator.VIEWER_LOGIN);
            assertThatThrownBy(() -> viewer.sessions().list(SaymonSessionQuery.builder().limit(1).build()))
                    .isInstanceOf(PermissionDeniedException.class)
                    .hasMessageContaining(SaymonSimulator.LOG_PERMISSION);
        }
        // an unknown sid, as the wire shows it: the message is JSON inside JSON
        HttpResponse<String> expired = RawHttp.get(saymonServer, "/node/api/users/current", "Cookie", "sid=unknown");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo(
                "{\"code\":\"Unauthorized\",\"message\":\"{\\\"errorCode\\\":3,\\\"message\\\":\\\"Session expired.\\\"}\"}");
        assertThat(RawHttp.get(saymonServer, "/node/api/users/session/log?limit=ten",
                "Authorization", "Basic YWRtaW46dGVzdGtpdC1wYXNzOnfDtnJk").statusCode()).isEqualTo(400);
    }

    @Test
    void playsFaultsAsTypedExceptions(SaymonSimulator saymonServer) {
        SaymonSessionQuery few = SaymonSessionQuery.builder().limit(5).build();
        try (SaymonClient saymon = saymonServer.clientBuilder().retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofMillis(300)).build()) {
            saymonServer.faults().failNext(401, SaymonSimulator.errorBody("Unauthorized",
                    "{\"errorCode\":3,\"message\":\"Session expired.\"}"));
            assertThatThrownBy(() -> saymon.sessions().list(few))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.vendorCode()).contains("3");
                        assertThat(e.vendorMessage()).contains("Session expired.");
                    });
            saymonServer.faults().failNext(503, SaymonSimulator.errorBody("ServiceUnavailable", "Try again later."));
            assertThatThrownBy(() -> saymon.sessions().list(few)).isInstanceOf(ServerException.class);
            saymonServer.faults().malformedNext();
            assertThatThrownBy(() -> saymon.sessions().list(few)).isInstanceOf(ResponseFormatException.class);
            // the JDK's client resends a GET once when the connection closes before any byte: two resets
            saymonServer.faults().resetNext().resetNext();
            assertThatThrownBy(() -> saymon.sessions().list(few)).isInstanceOf(TransportException.class);
            saymonServer.faults().stallNext();
            assertThatThrownBy(() -> saymon.sessions().list(few))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.READ_TIMEOUT));

            assertThat(saymon.sessions().list(few)).isEqualTo(saymonServer.sessions().subList(0, 5));
        }
    }
}
