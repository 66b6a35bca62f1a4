package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.client.InvalidSettingsException;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.client.Setting;
import org.sessionsdk.core.client.VendorProvider;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.TimeRange;

/**
 * Every vendor through the vendor-neutral client only: found by name, opened from its simulator's
 * settings, listing, following, closing; wrong settings refused by key before anything is sent.
 */
class ProvidersTest {
    private static final TimeRange LAST_DAY = TimeRange.last(Duration.ofDays(1));

    @Test
    void eachVendorHasAProviderAndASimulator() {
        assertThat(SessionClients.names()).containsExactly("ekran", "plesk", "saymon", "senhasegura");
        assertThat(Simulators.all()).extracting(SimulatorProvider::vendor)
                .containsExactly("ekran", "plesk", "saymon", "senhasegura");
        for (VendorProvider p : SessionClients.providers()) {
            assertThat(p.settings()).extracting(Setting::key).startsWith("endpoint").doesNotHaveDuplicates();
            assertThat(p.settings()).filteredOn(Setting::secret).isNotEmpty();
            assertThat(p.product().name()).isNotBlank();
        }
    }

    @Test
    void everySimulatorOpensThroughItsVendorsSettings() {
        for (SimulatorProvider<?> sp : Simulators.all()) {
            try (Simulator sim = sp.start();
                 SessionClient client = SessionClients.open(sp.vendor(), sp.settingsOf(sim));
                 Stream<SessionRecord> records = client.sessionRecords(LAST_DAY)) {
                assertThat(client).isInstanceOf(sp.clientType());
                assertThat(client.vendor()).isEqualTo(sp.vendor());
                assertThat(client.endpoint()).isEqualTo(sim.endpoint());
                assertThat(records.toList()).as(sp.vendor()).isNotEmpty();
                assertThat(client.audit().isPresent()).isEqualTo(SessionClients.provider(sp.vendor()).hasAudit());
                if (client.audit().isEmpty()) {
                    assertThatThrownBy(() -> client.auditFeed(org.sessionsdk.core.feed.FeedOptions.defaults()))
                            .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("no audit log");
                }
            }
        }
    }

    @Test
    void aWrongSecretIsRefusedByTheServerAndNeverPrinted() {
        for (SimulatorProvider<?> sp : Simulators.all()) {
            try (Simulator sim = sp.start()) {
                Map<String, String> settings = new java.util.TreeMap<>(sp.settingsOf(sim));
                String secretKey = SessionClients.provider(sp.vendor()).settings().stream()
                        .filter(s -> s.secret() && settings.containsKey(s.key())).findFirst().orElseThrow().key();
                settings.put(secretKey, "wrong-Secret-42");
                try (SessionClient client = SessionClients.open(sp.vendor(), settings)) {
                    assertThatThrownBy(() -> {
                        try (Stream<SessionRecord> s = client.sessionRecords(LAST_DAY)) {
                            s.count();
                        }
                    }).as(sp.vendor()).isInstanceOf(AuthenticationException.class)
                            .satisfies(e -> assertThat(e.toString()).doesNotContain("wrong-Secret-42"));
                    assertThat(client.toString()).doesNotContain("wrong-Secret-42");
                }
            }
        }
    }

    @Test
    void missingAndUnknownSettingsAreRefusedByKey() {
        assertThatThrownBy(() -> SessionClients.open("ekran", Map.of("endpoint", "https://127.0.0.1:1")))
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("api.key"));
        assertThatThrownBy(() -> SessionClients.open("saymon", Map.of("endpoint", "https://127.0.0.1:1",
                "username", "u", "password", "p", "auth", "cookie", "apikey", "x")))
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("auth", "apikey"));
        assertThatThrownBy(() -> SessionClients.open("plesk", Map.of("endpoint", "https://127.0.0.1:1")))
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("api.key"));
        assertThatThrownBy(() -> SessionClients.open("nosuch", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown vendor nosuch; the vendors on the class path are ekran, plesk, saymon, senhasegura");
        assertThat(SessionClients.find("EKRAN")).isPresent();
        assertThat(List.of("plesk", "ekran", "saymon", "senhasegura")).allSatisfy(v ->
                assertThat(SessionClients.provider(v).name()).isEqualTo(v));
    }
}
