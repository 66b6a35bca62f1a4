package org.sessionsdk.testvendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.testkit.SessionSimulators;
import org.sessionsdk.testkit.Simulators;

/** The JUnit extension offers a vendor it has never heard of, found through the two providers only. */
@SessionSimulators(sessions = 5)
class AcmeExtensionTest {

    @Test
    void theExtensionStartsTheFifthVendorsSimulatorAndClient(AcmeSimulator sim, AcmeClient client) {
        assertThat(sim.sessionCount()).isEqualTo(5);
        assertThat(client.endpoint()).isEqualTo(sim.endpoint());
        try (Stream<SessionRecord> s = client.sessionRecords(TimeRange.last(Duration.ofDays(1)))) {
            assertThat(s.toList()).hasSize(5).allSatisfy(r -> assertThat(r.vendor()).isEqualTo("acme"));
        }
    }

    @Test
    void itIsFoundBesideTheFourWithoutAnyChangeToThem() {
        assertThat(SessionClients.names()).containsExactly("acme", "ekran", "plesk", "saymon", "senhasegura");
        assertThat(Simulators.forVendor("ACME")).isPresent();
    }
}
