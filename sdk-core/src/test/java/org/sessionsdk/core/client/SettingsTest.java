package org.sessionsdk.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;

class SettingsTest {
    static final List<Setting> DECLARED;

    static {
        List<Setting> s = new ArrayList<>(CommonSettings.connection());
        s.add(CommonSettings.serverZone());
        s.add(Setting.builder("auth", Setting.Type.CHOICE).choices("key", "password").defaultValue("key")
                .description("how to sign in").build());
        s.add(Setting.builder("api.key", Setting.Type.STRING).required().requiredWhen("auth", "key").secret()
                .description("the key").build());
        s.add(Setting.builder("password", Setting.Type.STRING).required().requiredWhen("auth", "password").secret()
                .description("the password").build());
        s.add(Setting.builder("page.size", Setting.Type.INT).defaultValue("500").description("records a page").build());
        DECLARED = List.copyOf(s);
    }

    @Test
    void valuesReadBackTypedWithDefaults() {
        Settings s = Settings.check("fake", DECLARED, Map.of("endpoint", "https://h.example:8443",
                "api.key", "k3y!", "request.timeout", "PT5S", "connect.timeout", "2500", "server.zone", "Europe/Berlin"));
        assertThat(s.uri("endpoint")).contains(URI.create("https://h.example:8443"));
        assertThat(s.duration("request.timeout")).contains(Duration.ofSeconds(5));
        assertThat(s.duration("connect.timeout")).contains(Duration.ofMillis(2500));
        assertThat(s.zone("server.zone")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(s.require("auth")).isEqualTo("key");
        assertThat(s.integer("page.size")).contains(500);
        assertThat(s.has("password")).isFalse();
        assertThat(s.flag("tls.insecure")).isFalse();
        assertThatThrownBy(() -> s.text("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsNeverPrint() {
        Settings s = Settings.check("fake", DECLARED, Map.of("endpoint", "https://h.example", "api.key", "s3cr3t-value"));
        assertThat(s.toString()).contains("api.key=[redacted]").doesNotContain("s3cr3t-value");
        InvalidSettingsException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSettingsException.class,
                () -> Settings.check("fake", DECLARED, Map.of("endpoint", "https://h.example", "api.key", "k", "pasword", "s3cr3t-value")));
        assertThat(e.getMessage()).doesNotContain("s3cr3t-value").contains("pasword: unknown setting");
    }

    @Test
    void everyProblemIsReportedByItsKey() {
        InvalidSettingsException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSettingsException.class,
                () -> Settings.check("fake", DECLARED, Map.of("endpoint", "ftp://h", "auth", "password",
                        "request.timeout", "soon", "colour", "blue", "page.size", "many")));
        assertThat(e.problems()).containsOnlyKeys("endpoint", "password", "request.timeout", "colour", "page.size");
        assertThat(e.problems().get("password")).startsWith("required when auth=password");
        assertThat(e.problems().get("colour")).startsWith("unknown setting; fake accepts endpoint,");
        assertThat(e.getMessage()).startsWith("fake: invalid settings: colour: unknown setting");
    }

    @Test
    void requiredWhenFollowsTheChoice() {
        assertThatThrownBy(() -> Settings.check("fake", DECLARED, Map.of("endpoint", "https://h")))
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("api.key"));
        Settings s = Settings.check("fake", DECLARED, Map.of("endpoint", "https://h", "auth", "password", "password", "p"));
        assertThat(s.has("api.key")).isFalse();
    }

    @Test
    void requiredWhenMayNameSeveralValues() {
        List<Setting> declared = List.of(
                Setting.builder("endpoint", Setting.Type.URI).required().description("e").build(),
                Setting.builder("auth", Setting.Type.CHOICE).choices("basic", "session", "token").defaultValue("basic")
                        .description("a").build(),
                Setting.builder("username", Setting.Type.STRING).required().requiredWhen("auth", "basic", "session")
                        .description("u").build());
        Setting username = declared.get(2);
        assertThat(username.requiredWhen()).isEqualTo("auth=basic|session");
        for (String auth : List.of("basic", "session")) {
            assertThatThrownBy(() -> Settings.check("fake", declared, Map.of("endpoint", "https://h", "auth", auth)))
                    .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems().get("username"))
                            .startsWith("required when auth=basic|session"));
        }
        assertThat(Settings.check("fake", declared, Map.of("endpoint", "https://h", "auth", "token")).has("username"))
                .isFalse();
        assertThatThrownBy(() -> new Setting("x", Setting.Type.STRING, true, "auth=a||b", false, null, List.of(), "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreDottedLowerCaseWordsAndMapToCliOptions() {
        assertThatThrownBy(() -> Setting.builder("apiKey", Setting.Type.STRING).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Setting.builder("client.secret", Setting.Type.STRING).build().optionName()).isEqualTo("--client-secret");
        assertThatThrownBy(() -> Setting.builder("mode", Setting.Type.CHOICE).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attributeKeysReadTheirType() {
        AttributeKey<Instant> at = new AttributeKey<>("expiredAt", Instant.class, "when");
        AttributeKey<String> level = AttributeKey.text("riskLevel", "level");
        AuditEvent e = new AuditEvent("fake", "1", Instant.EPOCH, "u", null, "a", null, null, null,
                Map.of("expiredAt", "2026-01-02T03:04:05Z", "riskLevel", "High", "bad", "x"));
        assertThat(at.of(e)).contains(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(level.of(e)).contains("High");
        assertThat(new AttributeKey<>("bad", Long.class, "n").of(e)).isEmpty();
        assertThatThrownBy(() -> new AttributeKey<>("x", Double.class, "d")).isInstanceOf(IllegalArgumentException.class);
    }
}
