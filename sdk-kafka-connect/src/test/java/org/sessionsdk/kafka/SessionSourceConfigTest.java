package org.sessionsdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

class SessionSourceConfigTest {
    static Map<String, String> ekran(int endpoints) {
        Map<String, String> p = new HashMap<>();
        p.put("sessionsdk.vendor", "ekran");
        p.put("sessionsdk.endpoints", java.util.stream.IntStream.range(0, endpoints)
                .mapToObj(i -> "http://127.0.0.1:1/t/" + (i + 1)).collect(Collectors.joining(",")));
        p.put("sessionsdk.api.key", "s3cret-Key");
        return p;
    }

    @Test
    void defaults() {
        SessionSourceConfig c = new SessionSourceConfig(ekran(2));
        assertThat(c.streams()).containsExactly("sessions", "audit");
        assertThat(c.topic("sessions")).isEqualTo("sessionsdk");
        assertThat(c.format()).isEqualTo("ocsf");
        assertThat(c.getLong(SessionSourceConfig.POLL_INTERVAL_MS)).isEqualTo(30_000L);
        assertThat(c.since()).isNull();
    }

    @Test
    void perStreamTopicsAndPerEndpointCredentials() {
        Map<String, String> p = ekran(2);
        p.put("sessionsdk.audit.topic", "audit");
        p.put("sessionsdk.endpoint.http://127.0.0.1:1/t/2.api.key", "other-key"); // a plain URL is its own name
        SessionSourceConfig c = new SessionSourceConfig(p);
        assertThat(c.topic("audit")).isEqualTo("audit");
        assertThat(c.topic("sessions")).isEqualTo("sessionsdk");
        assertThat(c.settingsOf(0).require("api.key")).isEqualTo("s3cret-Key");
        assertThat(c.settingsOf(1).require("api.key")).isEqualTo("other-key");
        assertThat(c.settingsOf(1).toString()).doesNotContain("other-key").contains("[redacted]");
    }

    @Test
    void refusesWhatCannotWork() {
        Map<String, String> noKey = ekran(1);
        noKey.remove("sessionsdk.api.key");
        assertThatThrownBy(() -> new SessionSourceConfig(noKey)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ekran needs sessionsdk.api.key");
        Map<String, String> badUri = ekran(1);
        badUri.put("sessionsdk.endpoints", "ftp://x");
        assertThatThrownBy(() -> new SessionSourceConfig(badUri)).hasMessageContaining("http or https");
        Map<String, String> vendor = ekran(1);
        vendor.put("sessionsdk.vendor", "other");
        assertThatThrownBy(() -> new SessionSourceConfig(vendor)).isInstanceOf(ConfigException.class);
        Map<String, String> senha = new HashMap<>(Map.of("sessionsdk.vendor", "senhasegura",
                "sessionsdk.endpoints", "https://pam", "sessionsdk.client.id", "a", "sessionsdk.client.secret", "b"));
        assertThatThrownBy(() -> new SessionSourceConfig(senha)).hasMessageContaining("no audit API");
        senha.put("sessionsdk.streams", "sessions");
        assertThat(new SessionSourceConfig(senha).streams()).containsExactly("sessions");
        Map<String, String> since = ekran(1);
        since.put("sessionsdk.since", "yesterday");
        assertThatThrownBy(() -> new SessionSourceConfig(since)).hasMessageContaining("ISO-8601");
        Map<String, String> interval = ekran(1);
        interval.put("sessionsdk.poll.interval.ms", "0");
        assertThatThrownBy(() -> new SessionSourceConfig(interval)).isInstanceOf(ConfigException.class);
    }

    @Test
    void validateAttachesCrossFieldErrorsAndHidesSecrets() {
        Map<String, String> p = ekran(1);
        p.remove("sessionsdk.api.key");
        List<ConfigValue> values = new SessionSourceConnector().validate(p).configValues();
        assertThat(values).filteredOn(v -> v.name().equals("sessionsdk.endpoint.http://127.0.0.1:1/t/1.api.key"))
                .singleElement().satisfies(v -> assertThat(v.errorMessages()).anyMatch(m -> m.contains("ekran needs sessionsdk.api.key")));
        Map<String, String> ok = ekran(1);
        List<ConfigValue> fine = new SessionSourceConnector().validate(ok).configValues();
        assertThat(fine).allMatch(v -> v.errorMessages().isEmpty());
        assertThat(fine.toString()).doesNotContain("s3cret-Key");
    }

    @Test
    void namedEndpointsKeepTheirOwnSettingsWhateverTheirPlaceInTheList() {
        Map<String, String> p = new HashMap<>(Map.of("sessionsdk.vendor", "ekran",
                "sessionsdk.endpoints", "berlin=https://ekran-b.example,paris=https://ekran-p.example",
                "sessionsdk.api.key", "shared-key",
                "sessionsdk.endpoint.paris.api.key", "paris-key"));
        SessionSourceConfig before = new SessionSourceConfig(p);
        assertThat(before.namedEndpoints()).containsExactly(new NamedEndpoint("berlin", "https://ekran-b.example"),
                new NamedEndpoint("paris", "https://ekran-p.example"));
        assertThat(before.settingsOf(1).require("api.key")).isEqualTo("paris-key");
        // an operator inserts a panel at the head: paris keeps its key, its partition stays the same
        p.put("sessionsdk.endpoints", "athens=https://ekran-a.example,berlin=https://ekran-b.example,paris=https://ekran-p.example");
        SessionSourceConfig after = new SessionSourceConfig(p);
        assertThat(after.settingsOf(0).require("api.key")).isEqualTo("shared-key");
        assertThat(after.settingsOf(1).require("api.key")).isEqualTo("shared-key");
        assertThat(after.settingsOf(2).require("api.key")).isEqualTo("paris-key");
        assertThat(SessionSourceTask.partition("ekran", after.namedEndpoints().get(2), "audit"))
                .isEqualTo(SessionSourceTask.partition("ekran", before.namedEndpoints().get(1), "audit"))
                .containsEntry("name", "paris");
    }

    @Test
    void validateNamesTheKeyOfAnUnknownOrPositionalEndpointSettingAndABadEndpoint() {
        Map<String, String> p = ekran(2);
        p.put("sessionsdk.endpoint.0.api.key", "old-style");
        List<ConfigValue> values = new SessionSourceConnector().validate(p).configValues();
        assertThat(values).filteredOn(v -> v.name().equals("sessionsdk.endpoint.0.api.key")).singleElement()
                .satisfies(v -> assertThat(v.errorMessages()).anyMatch(m -> m.contains("unknown per-endpoint setting")
                        && m.contains("by position")));
        assertThat(values.toString()).doesNotContain("old-style");
        Map<String, String> typo = new HashMap<>(Map.of("sessionsdk.vendor", "ekran", "sessionsdk.api.key", "k",
                "sessionsdk.endpoints", "a=https://a.example", "sessionsdk.endpoint.a.apikey", "x"));
        assertThat(new SessionSourceConnector().validate(typo).configValues())
                .filteredOn(v -> v.name().equals("sessionsdk.endpoint.a.apikey")).singleElement()
                .satisfies(v -> assertThat(v.errorMessages()).isNotEmpty());
        Map<String, String> twice = new HashMap<>(Map.of("sessionsdk.vendor", "ekran", "sessionsdk.api.key", "k",
                "sessionsdk.endpoints", "a=https://a.example,a=https://b.example"));
        assertThat(new SessionSourceConnector().validate(twice).configValues())
                .filteredOn(v -> v.name().equals("sessionsdk.endpoints")).singleElement()
                .satisfies(v -> assertThat(v.errorMessages()).anyMatch(m -> m.contains("the name a is listed twice")));
        Map<String, String> bad = new HashMap<>(Map.of("sessionsdk.vendor", "ekran", "sessionsdk.api.key", "k",
                "sessionsdk.endpoints", "a=ftp://a.example"));
        assertThat(new SessionSourceConnector().validate(bad).configValues())
                .filteredOn(v -> v.name().equals("sessionsdk.endpoints")).singleElement()
                .satisfies(v -> assertThat(v.errorMessages()).anyMatch(m -> m.contains("http or https")));
    }

    @Test
    void tasksGetEndpointsEvenly() {
        Map<String, String> p = ekran(31);
        SessionSourceConnector connector = new SessionSourceConnector();
        connector.start(p);
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertThat(tasks).hasSize(3);
        List<Integer> sizes = tasks.stream()
                .map(t -> new SessionSourceConfig(t).taskEndpoints().size()).toList();
        assertThat(sizes).containsExactly(11, 10, 10);
        // each task knows its number (Connect's task id), which names its metrics
        assertThat(tasks).extracting(t -> new SessionSourceConfig(t).taskId()).containsExactly("0", "1", "2");
        assertThat(tasks.stream().flatMap(t -> new SessionSourceConfig(t).taskEndpoints().stream()).sorted())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 31).boxed().toList());
        // the secret travels under the connector's own key, so Connect keeps a ${provider:...} reference there
        assertThat(tasks).allMatch(t -> "s3cret-Key".equals(t.get("sessionsdk.api.key")));
        assertThat(connector.taskConfigs(100)).hasSize(31);
        assertThat(SessionSourceTask.partitionsOf(tasks.get(0))).hasSize(22)
                .contains(SessionSourceTask.partition("ekran", "http://127.0.0.1:1/t/1", "audit"));
        assertThat(connector.exactlyOnceSupport(p)).isEqualTo(ExactlyOnceSupport.SUPPORTED);
    }
}
