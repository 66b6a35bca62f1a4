package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.senhasegura.SenhaseguraClient;

/** Every simulator records what it received, with credentials masked, and can forget it. */
class RequestJournalTest {

    @Test
    void pleskKeepsThePacketAndMasksTheKey() {
        try (PleskSimulator sim = PleskSimulator.start(); PleskClient c = sim.client()) {
            assertThat(sim.lastRequest()).isEmpty();
            c.sessions().list();
            RecordedRequest r = sim.lastRequest().orElseThrow();
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/enterprise/control/agent.php");
            assertThat(r.body()).contains("<session>").contains("<get");
            assertThat(r.header("key")).isEqualTo("****");
            assertThat(r.header("content-type")).startsWith("text/xml");
            assertThat(r.toString()).doesNotContain(PleskSimulator.SECRET_KEY);
        }
    }

    @Test
    void ekranKeepsTheQueryAndMasksTheApiKey() {
        try (EkranSimulator sim = EkranSimulator.start(); EkranClient c = sim.client()) {
            c.sessions().list(EkranSessionQuery.all());
            RecordedRequest r = sim.lastRequest().orElseThrow();
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/ekranapi/sessions");
            assertThat(r.header("ApiKey")).isEqualTo("****");
            assertThat(r.toString()).doesNotContain(EkranSimulator.API_KEY);
        }
    }

    @Test
    void saymonKeepsEveryPageAndTheAuthSchemeOnly() {
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(25); SaymonClient c = sim.client()) {
            c.sessions().list(SaymonSessionQuery.builder().pageSize(10).build());
            assertThat(sim.requests()).hasSize(3).extracting(r -> r.query().get("skip")).containsExactly("0", "10", "20");
            assertThat(sim.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Basic ****"));
            assertThat(sim.requestCount()).isEqualTo(3);
        }
    }

    @Test
    void senhaseguraRecordsTheTokenCallAndFaultsTooAndClearForgetsAll() {
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start(); SenhaseguraClient c = sim.client()) {
            c.sessions().list();
            assertThat(sim.requests()).extracting(RecordedRequest::path)
                    .containsExactly("/iso/oauth2/token", "/api/session/remotesessions");
            assertThat(sim.requests().get(1).header("Authorization")).isEqualTo("Bearer ****");

            sim.clearRequests();
            assertThat(sim.requests()).isEmpty();
            assertThat(sim.requestCount()).isZero();

            sim.faults().failNext(503, "");
            c.sessions().list();
            assertThat(sim.requests()).hasSize(2); // the 503 and the retry
            assertThat(sim.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void masking() {
        assertThat(RecordedRequest.mask("Authorization", "Bearer abc")).isEqualTo("Bearer ****");
        assertThat(RecordedRequest.mask("HTTP_AUTH_PASSWD", "pw")).isEqualTo("****");
        assertThat(RecordedRequest.mask("X-Client-Secret", "s")).isEqualTo("****");
        assertThat(RecordedRequest.mask("Cookie", "sid=abc")).isEqualTo("****");
        assertThat(RecordedRequest.mask("Accept", "application/json")).isEqualTo("application/json");
    }
}
