package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.MutableClock;
import org.sessionsdk.senhasegura.RemoteSession;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;

/** The senhasegura simulator against the real senhasegura client, used as a user would: through the extension. */
@SessionSimulators(sessions = 30)
class SenhaseguraSimulatorTest {

    @Test
    void listsReadsOneAndTerminatesALiveSession(SenhaseguraSimulator pamServer, SenhaseguraClient pam) {
        List<RemoteSession> all = pam.remoteSessions().list();
        assertThat(all).isEqualTo(pamServer.sessions()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all).extracting(RemoteSession::sessionId).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{40}"));
        assertThat(all).filteredOn(RemoteSession::live).allSatisfy(s -> assertThat(s.duration()).isNull());
        long live = all.stream().filter(RemoteSession::live).count();
        RemoteSession target = all.stream().filter(RemoteSession::live).findFirst().orElseThrow();

        assertThat(pam.remoteSessions().get(target.id())).isEqualTo(target);
        pam.remoteSessions().terminate(target.sessionId());

        RemoteSession ended = pam.remoteSessions().get(target.id());
        assertThat(ended.live()).isFalse();
        assertThat(ended.end()).isAfterOrEqualTo(ended.start());
        assertThat(pam.remoteSessions().list()).filteredOn(RemoteSession::live).hasSize((int) live - 1);
        assertThatThrownBy(() -> pam.remoteSessions().terminate(target.sessionId()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.vendorMessage()).contains(SenhaseguraSimulator.NOT_FOUND));
        assertThatThrownBy(() -> pam.remoteSessions().terminate("0".repeat(40))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pam.remoteSessions().get("999999")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void sessionsAddedByTheTestComeBackFieldForField(SenhaseguraSimulator pamServer, SenhaseguraClient pam) {
        RemoteSession mine = new RemoteSession("5001", "jo\u00e3o \"ops\"", "203.0.113.9", "oracle/\u00e7", "db01:1521",
                "oracle", "Proxy \\ Oracle", "ab".repeat(20), LocalDateTime.parse("2024-05-06T16:05:07"),
                LocalDateTime.parse("2024-05-08T18:07:59"), Duration.parse("PT50H2M52S"), true, "CHG-7 <urgent>",
                "INC0000042");
        pamServer.withSession(mine);

        assertThat(pam.remoteSessions().get("5001")).isEqualTo(mine);
        assertThat(pam.remoteSessions().list()).endsWith(mine);
    }

    @Test
    void fetchesATokenOnceAndAgainWhenItIsRevoked(SenhaseguraSimulator pamServer) {
        try (SenhaseguraClient pam = pamServer.client()) {
            int tokens = pamServer.tokenRequests();
            int rejected = pamServer.rejectedTokens();
            pam.remoteSessions().list();
            pam.remoteSessions().get("1");
            assertThat(pamServer.tokenRequests()).isEqualTo(tokens + 1);

            pamServer.expireTokens();
            assertThat(pam.remoteSessions().list()).isEqualTo(pamServer.sessions());
            assertThat(pamServer.rejectedTokens()).isEqualTo(rejected + 1);
            assertThat(pamServer.tokenRequests()).isEqualTo(tokens + 2);
        }
    }

    @Test
    void refreshesATokenBeforeItExpires() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
        try (SenhaseguraSimulator pamServer = SenhaseguraSimulator.start().withClock(clock)
                .withTokenLifetime(Duration.ofMinutes(10));
             SenhaseguraClient pam = pamServer.clientBuilder().clock(clock).build()) {
            pam.remoteSessions().list();
            clock.advance(Duration.ofMinutes(5));
            pam.remoteSessions().list();
            assertThat(pamServer.tokenRequests()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(6)); // past the token's life on both sides
            pam.remoteSessions().list();
            assertThat(pamServer.tokenRequests()).isEqualTo(2);
            assertThat(pamServer.rejectedTokens()).isZero();
        }
    }

    @Test
    void fetchesAgainWhenOnlyTheServerSeesTheTokenExpired() {
        MutableClock serverClock = new MutableClock(Instant.now());
        try (SenhaseguraSimulator pamServer = SenhaseguraSimulator.start().withClock(serverClock);
             SenhaseguraClient pam = pamServer.client()) {
            pam.remoteSessions().list();
            serverClock.advance(Duration.ofHours(2));
            assertThat(pam.remoteSessions().list()).isEqualTo(pamServer.sessions());
            assertThat(pamServer.rejectedTokens()).isEqualTo(1);
            assertThat(pamServer.tokenRequests()).isEqualTo(2);
        }
    }

    @Test
    void fetchesAgainWhenTheRejectionComesInsideA200() {
        try (SenhaseguraSimulator pamServer = SenhaseguraSimulator.start().rejectTokensWith(200);
             SenhaseguraClient pam = pamServer.client()) {
            pam.remoteSessions().list();
            pamServer.expireTokens();
            assertThat(pam.remoteSessions().get("2")).isEqualTo(pamServer.session(1));
            assertThat(pamServer.rejectedTokens()).isEqualTo(1);
            assertThat(pamServer.tokenRequests()).isEqualTo(2);
        }
    }

    @Test
    void refusesWrongClientsAndMissingTokens(SenhaseguraSimulator pamServer) {
        try (SenhaseguraClient wrong = SenhaseguraClient.builder().endpoint(pamServer.endpoint())
                .credentials(SenhaseguraCredentials.oauth2(SenhaseguraSimulator.CLIENT_ID, "nope")).build();
             SenhaseguraClient wrongBasic = SenhaseguraClient.builder().endpoint(pamServer.endpoint())
                     .credentials(SenhaseguraCredentials.oauth2("nobody", SenhaseguraSimulator.CLIENT_SECRET)
                             .withBasicAuthHeader()).build();
             SenhaseguraClient basic = pamServer.clientBuilder()
                     .credentials(SenhaseguraCredentials.oauth2(SenhaseguraSimulator.CLIENT_ID,
                             SenhaseguraSimulator.CLIENT_SECRET).withBasicAuthHeader()).build();
             SenhaseguraClient oauth1 = SenhaseguraClient.builder().endpoint(pamServer.endpoint())
                     .credentials(SenhaseguraCredentials.oauth1("ck", "cs", "tk", "ts")).build()) {
            assertThatThrownBy(() -> wrong.remoteSessions().list())
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(401));
            assertThatThrownBy(() -> wrongBasic.remoteSessions().list()).isInstanceOf(AuthenticationException.class);
            assertThat(basic.remoteSessions().list()).isEqualTo(pamServer.sessions());
            assertThatThrownBy(() -> oauth1.remoteSessions().list())
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.vendorMessage()).contains("Invalid signature"));
        }
        HttpResponse<String> noToken = RawHttp.get(pamServer, "/api/session/remotesessions");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).isEqualTo("{\"message\":\"No route matched with those values.\"}");
    }

    @Test
    void answersOnTheOlderPathsAndNotOnUnknownOnes(SenhaseguraSimulator pamServer) {
        try (SenhaseguraClient older = pamServer.clientBuilder().remoteSessionsPath("/iso/session/remotesessions")
                .terminatePath("/iso/session/drop").build();
             SenhaseguraClient lost = pamServer.clientBuilder().remoteSessionsPath("/api/v9/remotesessions").build()) {
            List<RemoteSession> all = older.remoteSessions().list();
            assertThat(all).isEqualTo(pamServer.sessions());
            RemoteSession live = all.stream().filter(RemoteSession::live).reduce((a, b) -> b).orElseThrow();
            assertThat(older.remoteSessions().get(live.id())).isEqualTo(live);
            older.remoteSessions().terminate(live.sessionId());
            assertThat(older.remoteSessions().get(live.id()).live()).isFalse();

            assertThatThrownBy(() -> lost.remoteSessions().list())
                    .isInstanceOfSatisfying(NotFoundException.class,
                            e -> assertThat(e.getMessage()).contains("remoteSessionsPath"));
        }
    }

    @Test
    void readsTheVendorsNestedEnvelope() {
        try (SenhaseguraSimulator pamServer = SenhaseguraSimulator.start().withSessions(12).withNestedEnvelope(true);
             SenhaseguraClient pam = pamServer.client()) {
            assertThat(pam.remoteSessions().list()).hasSize(12).isEqualTo(pamServer.sessions());
        }
    }

    @Test
    void streamsALongListGeneratedOnTheFly() {
        try (SenhaseguraSimulator pamServer = SenhaseguraSimulator.start().withSessions(200_000);
             SenhaseguraClient pam = pamServer.client();
             Stream<RemoteSession> all = pam.remoteSessions().stream()) {
            assertThat(all.count()).isEqualTo(200_000);
            assertThat(pamServer.listRequests()).isEqualTo(1);
        }
    }

    @Test
    void playsErrorsAndFaultsAsTypedExceptions(SenhaseguraSimulator pamServer) {
        try (SenhaseguraClient pam = pamServer.clientBuilder().retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofMillis(300)).build()) {
            pam.remoteSessions().get("1"); // the token is in hand: the faults below hit the API calls

            pamServer.faults().failNext(500, SenhaseguraSimulator.errorBody(500, SenhaseguraSimulator.NOT_AUTHORIZED));
            assertThatThrownBy(() -> pam.remoteSessions().list()).isInstanceOf(PermissionDeniedException.class);
            pamServer.faults().failNext(200, SenhaseguraSimulator.errorBody(500, "Unexpected error."));
            assertThatThrownBy(() -> pam.remoteSessions().list())
                    .isInstanceOfSatisfying(ServerException.class,
                            e -> assertThat(e.vendorMessage()).contains("Unexpected error."));
            pamServer.faults().failNext(503, "");
            assertThatThrownBy(() -> pam.remoteSessions().list()).isInstanceOf(ServerException.class);
            pamServer.faults().malformedNext();
            assertThatThrownBy(() -> pam.remoteSessions().list()).isInstanceOf(ResponseFormatException.class);
            // the JDK's client resends a GET once when the connection closes before any byte: two resets
            pamServer.faults().resetNext().resetNext();
            assertThatThrownBy(() -> pam.remoteSessions().list()).isInstanceOf(TransportException.class);
            pamServer.faults().stallNext();
            assertThatThrownBy(() -> pam.remoteSessions().list())
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.READ_TIMEOUT));

            assertThat(pam.remoteSessions().list()).isEqualTo(pamServer.sessions());
        }
    }
}
