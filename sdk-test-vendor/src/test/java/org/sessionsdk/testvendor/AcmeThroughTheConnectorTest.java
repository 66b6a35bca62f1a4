package org.sessionsdk.testvendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.sessionsdk.kafka.SessionSourceConnector;
import org.sessionsdk.kafka.SessionSourceTask;

/**
 * The Kafka connector offers the fifth vendor with no change of its own: its validator accepts it, its
 * settings map by the one rule ({@code sessionsdk.token}, {@code sessionsdk.endpoint.<name>.token}),
 * and a task delivers its sessions.
 */
class AcmeThroughTheConnectorTest {

    private static Map<String, String> config(AcmeSimulator sim, String tokenKey, String token) {
        return Map.of("sessionsdk.vendor", "acme", "sessionsdk.endpoints", "lab=" + sim.endpoint(),
                "sessionsdk.streams", "sessions", "sessionsdk.format", "ecs", tokenKey, token,
                "sessionsdk.heartbeat.interval.ms", "0", "sessionsdk.task.endpoints", "0");
    }

    @Test
    void validateKnowsItsSettingsAndATaskDeliversItsSessions() throws Exception {
        try (AcmeSimulator sim = AcmeSimulator.start().withSessions(3)) {
            Config ok = new SessionSourceConnector().validate(config(sim, "sessionsdk.token", AcmeSimulator.TOKEN));
            assertThat(ok.configValues()).allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());

            Map<String, String> missing = new java.util.HashMap<>(config(sim, "sessionsdk.token", ""));
            Config refused = new SessionSourceConnector().validate(missing);
            assertThat(refused.configValues()).filteredOn(v -> !v.errorMessages().isEmpty()).extracting(ConfigValue::name)
                    .containsExactly("sessionsdk.endpoint.lab.token");

            SessionSourceTask task = new SessionSourceTask();
            task.start(config(sim, "sessionsdk.endpoint.lab.token", AcmeSimulator.TOKEN));
            try {
                List<SourceRecord> records = new ArrayList<>();
                // of 3 sessions the odd one is open: started now, it is the one change a feed from now reports
                for (int i = 0; i < 30 && records.isEmpty(); i++) {
                    List<SourceRecord> got = task.poll();
                    if (got != null) {
                        records.addAll(got);
                    }
                }
                assertThat(records).hasSize(1).allSatisfy(r -> {
                    assertThat((Map<String, Object>) Map.<String, Object>copyOf(r.sourcePartition())).containsEntry("vendor", (Object) "acme").containsEntry("name", "lab");
                    assertThat(r.value().toString()).contains("acme");
                });
            } finally {
                task.stop();
            }
        }
    }

    @Test
    void anUnknownVendorIsRefusedNamingTheOnesThere() {
        assertThatThrownBy(() -> new org.sessionsdk.kafka.SessionSourceConfig(Map.of("sessionsdk.vendor", "nosuch",
                "sessionsdk.endpoints", "http://127.0.0.1:1"))).hasMessageContainingAll("sessionsdk.vendor", "ACME");
    }
}
