package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskSession;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.senhasegura.SenhaseguraClient;

/** Many independent servers on one port: {@code /t/<n>/...}. */
class TenantTest {
    @Test
    void eachTenantHasItsOwnDataJournalFaultsAndClock() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            PleskSimulator seven = sim.tenant(7);
            assertThat(seven.endpoint()).isEqualTo(java.net.URI.create(sim.endpoint() + "/t/7"));
            assertThat(seven.tenantNumber()).isEqualTo(7);
            assertThat(sim.tenant(7)).isSameAs(seven);
            try (PleskClient root = sim.client(); PleskClient c7 = seven.client(); PleskClient c8 = sim.tenant(8).client()) {
                assertThat(c7.sessions().list()).isEqualTo(seven.sessions()).hasSize(3)
                        .doesNotContainAnyElementsOf(c8.sessions().list()).doesNotContainAnyElementsOf(root.sessions().list());
                assertThat(seven.requests()).singleElement().satisfies(r ->
                        assertThat(r.path()).isEqualTo("/enterprise/control/agent.php"));
                assertThat(sim.requestCount()).isEqualTo(1); // the root's own call only

                seven.faults().failNext(404, "");
                assertThatThrownBy(() -> c7.sessions().list()).isInstanceOf(NotFoundException.class);
                assertThat(c8.sessions().list()).hasSize(3);
                c7.sessions().terminate(c7.sessions().list().get(0).id());
                assertThat(seven.sessions()).hasSize(2);
                assertThat(sim.tenant(8).sessions()).hasSize(3);
            }
        }
    }

    @Test
    void aTenantIsMadeByItsFirstRequestAndOutOfRangeNumbersAre404() {
        try (EkranSimulator sim = EkranSimulator.start()) {
            assertThat(RawHttp.get(sim, "/t/123/ekranapi/sessions", "ApiKey", EkranSimulator.API_KEY).statusCode())
                    .isEqualTo(200);
            assertThat(sim.tenant(123).requestCount()).isEqualTo(1);
            for (String bad : new String[] {"/t/0/ekranapi/sessions", "/t/100001/ekranapi/sessions",
                    "/t/01/ekranapi/sessions", "/t/x/ekranapi/sessions", "/t//ekranapi/sessions"}) {
                assertThat(RawHttp.get(sim, bad, "ApiKey", EkranSimulator.API_KEY).statusCode()).as(bad).isEqualTo(404);
            }
            assertThatThrownBy(() -> sim.tenant(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sim.tenant(1).tenant(2)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aTenantsClockMayRunAheadOfItsParents() {
        SimClock clock = SimClock.at(Instant.parse("2026-03-02T10:00:00Z"));
        try (EkranSimulator sim = EkranSimulator.start().withClock(clock)) {
            EkranSimulator later = sim.tenant(2).withClock(Clock.offset(clock, Duration.ofHours(3)));
            assertThat(later.anchor()).isEqualTo(sim.anchor().plus(Duration.ofHours(3)));
            try (EkranClient c = later.client(); EkranClient root = sim.client()) {
                TimeRange window = TimeRange.between(sim.anchor().plus(Duration.ofMinutes(30)), later.anchor());
                assertThat(c.sessionRecords(window).count()).isPositive();
                assertThat(root.sessionRecords(TimeRange.since(sim.anchor())).filter(r -> r.end() != null).count()).isZero();
            }
        }
    }

    @Test
    void everyVendorsClientWorksThroughATenantPath() {
        try (SaymonSimulator saymon = SaymonSimulator.start(); SenhaseguraSimulator pam = SenhaseguraSimulator.start();
             SaymonClient s = saymon.tenant(3).client(); SenhaseguraClient p = pam.tenant(4).client()) {
            assertThat(s.sessionRecords(TimeRange.all()).count()).isEqualTo(25);
            assertThat(p.sessions().list()).hasSize(10).isEqualTo(pam.tenant(4).sessions())
                    .isNotEqualTo(pam.sessions());
            assertThat(pam.tenant(4).tokensIssued()).isEqualTo(1);
            assertThat(pam.tokensIssued()).isZero();
        }
    }

    @Test
    void aThousandPanelsOnOnePortAreIndependent() {
        try (PleskSimulator sim = PleskSimulator.start().withSessions(1)) {
            Set<String> ids = new HashSet<>();
            for (int n = 1; n <= 1000; n++) {
                for (PleskSession s : sim.tenant(n).sessions()) {
                    ids.add(s.id());
                }
            }
            assertThat(ids).hasSize(1000);
            try (PleskClient c = sim.tenant(1000).client()) {
                assertThat(c.sessions().list()).isEqualTo(sim.tenant(1000).sessions());
            }
        }
    }
}
