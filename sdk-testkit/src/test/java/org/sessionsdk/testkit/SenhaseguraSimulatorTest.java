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
import org.sessionsdk.senhasegura.SenhaseguraSession;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;

/** The senhasegura simulator against the real senhasegura client, used as a user would: through the extension. */
@SessionSimulators(sessions = 30)
class SenhaseguraSimulatorTest {

    @Test
    void listsReadsOneAndTerminatesALiveSession(SenhaseguraSimulator pamServer, SenhaseguraClient pam) {
        List<SenhaseguraSession> all = pam.sessions().list();
        assertThat(all).isEqualTo(pamServer.sessions()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all).extracting(SenhaseguraSession::sessionId).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{40}"));
        assertThat(all).filteredOn(SenhaseguraSession::open).allSatisfy(s -> assertThat(s.duration()).isNull());
        long live = all.stream().filter(SenhaseguraSession::open).count();
        SenhaseguraSession target = all.stream().filter(SenhaseguraSession::open).findFirst().orElseThrow();

        assertThat(pam.sessions().get(target.id())).isEqualTo(target);
        pam.sessions().terminate(target.sessionId());

        SenhaseguraSession ended = pam.sessions().get(target.id());
        assertThat(ended.open()).isFalse();
        assertThat(ended.end()).isAfterOrEqualTo(ended.start());
        assertThat(pam.sessions().list()).filteredOn(SenhaseguraSession::open).hasSize((int) live - 1);
        assertThatThrownBy(() -> pam.sessions().terminate(target.sessionId()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.vendorMessage()).contains(SenhaseguraSimulator.NOT_FOUND));
        assertThatThrownBy(() -> pam.sessions().terminate("0".repeat(40))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> pam.sessions().get("999999")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void sessionsAddedByTheTestComeBackFieldForField(SenhaseguraSimulator pamServer, SenhaseguraClient pam) {
        SenhaseguraSession mine = new SenhaseguraSession("5001", "jo\u00e3o \"ops\"", "203.0.113.9", "oracle/\u00e7", "db01:1521",
                "oracle", "Proxy \\ Oracle", "ab".repeat(20), LocalDateTime.parse("2024-05-06T16:05:07"),
                LocalDateTime.parse("2024-05-08T18:07:59"), Duration.parse("PT50H2M52S"), true, "CHG-7 <urgent>",
                "INC0000042");
        pamServer.withSession(mine);

        assertThat(pam.sessions().get("5001")).isEqualTo(mine);
        assertThat(pam.sessions().list()).endsWith(mine);
    }

    @Test
    void fetchesATokenOnceAndAgainWhenItIsRevoked(SenhaseguraSimulator pamServer) {
        try (SenhaseguraClient pam = pamServer.client()) {
            int tokens = pamServer.tokenRequests();
            int rejected = pamServer.rejectedTokens();
            pam.sessions().list();
            pam.sessions().get("1");
            assertThat(pamServer.tokenRequests()).isEqualTo(tokens + 1);

            pamServer.expireTokens();
            assertThat(pam.sessions().list()).isEqualTo(pamServer.sessions());
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
            pam.sessions().list();
            clock.advance(Duration.ofMinutes(5));
            pam.sessions().list();
            assertThat(pamServer.tokenRequests()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(6)); // past the token's life on both sides
            pam.sessions().list();
            assertThat(pamServer.tokenRequests()).isEqualTo(2);
            assertThat(pamServer.rejectedTokens()).isZero();
        }
    }

    @Test
    void fetchesAgainWhenOnlyTheServerSeesTheTokenExpired() {
        MutableClock serverClock = new MutableClock(Instant.now());
        try (SenhaseguraSimulator pamServer = SenhaseguraSimulator.start().withClock(serverClock);
             SenhaseguraClient pam = pamServer.client()) {
            pam.sessions().list();
            serverClock.advance(Duration.ofHours(2));
            assertThat(pam.sessions().list()).isEqualTo(pamServer.sessions());
            assertThat(pamServer.rejectedTokens()).isEqualTo(1);
            assertThat(pamServer.tokenRequests()).isEqualTo(2);
        }
    }

    @Test
    void fetchesAgainWhenTheRejectionComesInsideA200() {
        try (SenhaseguraSimulator pamServer = SenhaseguraSimulator.start().rejectTokensWith(200);
             SenhaseguraClient pam = pamServer.client()) {
            pam.sessions().list();
            pamServer.expireTokens();
            assertThat(pam.sessions().get("2")).isEqualTo(pamServer.session(1));
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
            assertThatThrownBy(() -> wrong.sessions().list())
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(401));
            assertThatThrownBy(() -> wrongBasic.sessions().list()).isInstanceOf(AuthenticationException.class);
            assertThat(basic.sessions().list()).isEqualTo(pamServer.sessions());
            assertThatThrownBy(() -> oauth1.sessions().list())
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
            List<SenhaseguraSession> all = older.sessions().list();
            assertThat(all).isEqualTo(pamServer.sessions());
            SenhaseguraSession live = all.stream().filter(SenhaseguraSession::open).reduce((a, b) -> b).orElseThrow();
            assertThat(older.sessions().get(live.id())).isEqualTo(live);
            older.sessions().terminate(live.sessionId());
            assertThat(older.sessions().get(live.id()).open()).isFalse();

            assertThatThrownBy(() -> lost.sessions().list())
                    .isInstanceOfSatisfying(NotFoundException.class,
                            e -> assertThat(e.getMessage()).contains("remoteSessionsPath"));
        }
    }

    @Test
    void readsTheVendorsNestedEnvelope() {
        try (SenhaseguraSimulator pamServer = SenhaseguraSimulator.start().withSessions(12).withNestedEnvelope(true);
             SenhaseguraClient pam = pamServer.client()) {
            assertThat(pam.sessions().list()).hasSize(12).isEqualTo(pamServer.sessions());
        }
    }

    @Test
    void streamsALongListGeneratedOnTheFly() {
        try (SenhaseguraSimulator pamServer = SenhaseguraSimulator.start().withSessions(200_000);
             SenhaseguraClient pam = pamServer.client();
             Stream<SenhaseguraSession> all = pam.sessions().stream()) {
            assertThat(all.count()).isEqualTo(200_000);
            assertThat(pamServer.listRequests()).isEqualTo(1);
        }
    }

    @Test
    void playsErrorsAndFaultsAsTypedExceptions(SenhaseguraSimulator pamServer) {
        try (SenhaseguraClient pam = pamServer.clientBuilder().retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofMillis(300)).build()) {
            pam.sessions().get("1"); // the token is in hand: the faults below hit the API calls

            pamServer.faults().failNext(500, SenhaseguraSimulator.errorBody(500, SenhaseguraSimulator.NOT_AUTHORIZED));
            assertThatThrownBy(() -> pam.sessions().list()).isInstanceOf(PermissionDeniedException.class);
            pamServer.faults().failNext(200, SenhaseguraSimulator.errorBody(500, "Unexpected error."));
            assertThatThrownBy(() -> pam.sessions().list())
                    .isInstanceOfSatisfying(ServerException.class,
                            e -> assertThat(e.vendorMessage()).contains("Unexpected error."));
            pamServer.faults().failNext(503, "");
            assertThatThrownBy(() -> pam.sessions().list()).isInstanceOf(ServerException.class);
            pamServer.faults().malformedNext();
            assertThatThrownBy(() -> pam.sessions().list()).isInstanceOf(ResponseFormatException.class);
            // the JDK's client resends a GET once when the connection closes before any byte: two resets
            pamServer.faults().resetNext().resetNext();
            assertThatThrownBy(() -> pam.sessions().list()).isInstanceOf(TransportException.class);
            pamServer.faults().stallNext();
            assertThatThrownBy(() -> pam.sessions().list())
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.READ_TIMEOUT));

            assertThat(pam.sessions().list()).isEqualTo(pamServer.sessions());
        }
    }
}
