package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/** Issue 31: the simulator plays each server variant the client must handle without configuration. */
class SenhaseguraVariantsTest {

    @ParameterizedTest
    @EnumSource(SenhaseguraApiVersion.class)
    void everyVersionIsFoundAndItsSessionsEnded(SenhaseguraApiVersion version) {
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withApiVersion(version).withSessions(8);
             SenhaseguraClient c = sim.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
            List<SenhaseguraSession> all = c.sessions().list();
            assertThat(all).hasSize(8);
            assertThat(c.sessions().remoteSessionsPath()).isEqualTo(version.listPaths().get(0));
            SenhaseguraSession live = all.stream().filter(SenhaseguraSession::open).findFirst().orElseThrow();
            c.sessions().terminate(live.sessionId());
            assertThat(c.sessions().terminatePath()).isEqualTo(version.dropPaths().get(0));
            assertThat(sim.terminations()).isEqualTo(1);
        }
    }

    @Test
    void anOlderVersionAnswersNotFoundAtTheNewestPath() {
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withApiVersion(SenhaseguraApiVersion.ISO);
             SenhaseguraClient fixed = sim.clientBuilder().remoteSessionsPath("/api/session/remotesessions")
                     .retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> fixed.sessions().list()).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aBasicHeaderOnlyServerIsReachedByTheDefaultCredentialsNotByAFixedBody() {
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withTokenBasicHeaderOnly()) {
            try (SenhaseguraClient auto = sim.client()) {
                assertThat(auto.sessions().list()).isNotEmpty();
            }
            assertThat(sim.tokenRequests()).isEqualTo(2);
            try (SenhaseguraClient body = sim.clientBuilder().credentials(SenhaseguraCredentials.oauth2(
                    SenhaseguraSimulator.CLIENT_ID, SenhaseguraSimulator.CLIENT_SECRET).withFormBody()).build()) {
                assertThatThrownBy(() -> body.sessions().list()).isInstanceOf(AuthenticationException.class);
            }
        }
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withTokenFormBodyOnly();
             SenhaseguraClient basic = sim.clientBuilder().credentials(SenhaseguraCredentials.oauth2(
                     SenhaseguraSimulator.CLIENT_ID, SenhaseguraSimulator.CLIENT_SECRET).withBasicAuthHeader()).build()) {
            assertThatThrownBy(() -> basic.sessions().list()).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void aMaskedSingleSessionIdIsReplacedFromTheList() {
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withMaskedSessionIdInGet(true).withSessions(8);
             SenhaseguraClient c = sim.client()) {
            SenhaseguraSession live = c.sessions().list().stream().filter(SenhaseguraSession::open).findFirst().orElseThrow();
            assertThat(c.sessions().get(live.id()).sessionIdMasked()).isTrue();
            assertThat(c.sessions().terminateById(live.id()).sessionId()).isEqualTo(live.sessionId());
            assertThat(sim.terminations()).isEqualTo(1);
        }
    }
}
