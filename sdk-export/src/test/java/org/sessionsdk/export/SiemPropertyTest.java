package org.sessionsdk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.session.SessionRecord;

/**
 * Generated records (random nulls, Unicode, IPv6, very long values): every document is one line of
 * valid JSON with the schema's required attributes and no null, empty text, empty list or object.
 */
class SiemPropertyTest {
    private static final String[] VENDORS = {"plesk", "ekran", "saymon", "senhasegura"};
    private static final String[] TEXTS = {"admin", "jörg", "用户", "\u0000ctl\u001f", "\"quoted\" \\ back", " ", "",
            "x".repeat(20_000), "😀 emoji", "line\nbreak", "-"};
    private static final String[] ADDRESSES = {"192.0.2.1", "2001:db8::1", "::1", "fe80::1%eth0", "10.66.1.2:22",
            "[2001:db8::2]:3389", "panel.example.com", "999.1.1.1", "not an address", "", "host:99999"};
    private static final String[] ACTIONS = {"created", "updated", "deleted", "status_changed", "USB device", "", "Create"};

    private final Random random = new Random(20261201L);

    private String pick(String[] from) {
        return random.nextInt(5) == 0 ? null : from[random.nextInt(from.length)];
    }

    private Instant time() {
        return random.nextInt(6) == 0 ? null : Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000));
    }

    private Map<String, String> attributes() {
        Map<String, String> m = new HashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            String v = pick(TEXTS);
            if (v != null) {
                m.put(pick(new String[] {"userId", "type", "a.b", "session_id", "riskLevel", "ключ", "k"}) + i, v);
            }
        }
        return m;
    }

    private SessionRecord session() {
        Instant start = time();
        Instant end = random.nextBoolean() ? null : (start == null ? time() : start.plusMillis(random.nextInt(10_000_000)));
        String id = pick(TEXTS);
        return new SessionRecord(VENDORS[random.nextInt(4)], id == null ? "id" : id, pick(TEXTS), pick(ADDRESSES),
                pick(ADDRESSES), pick(new String[] {"ssh", "RDP", "https", ""}), start, end, time(), attributes());
    }

    private AuditEvent audit() {
        String id = pick(TEXTS);
        return new AuditEvent(pick(new String[] {"plesk", "ekran", "saymon"}) == null ? "plesk" : VENDORS[random.nextInt(3)],
                id == null ? "1" : id, time(), pick(TEXTS), pick(ADDRESSES), pick(ACTIONS), pick(TEXTS), pick(TEXTS),
                pick(TEXTS), attributes());
    }

    @RepeatedTest(200)
    void everyDocumentIsValidCompleteAndHasNoEmptyValues() {
        SessionRecord s = session();
        AuditEvent a = audit();
        for (SiemFormat f : SiemFormat.values()) {
            for (String line : f.documents(s)) {
                check(f, line, "session");
            }
            check(f, f.document(new SessionChange(random.nextBoolean() ? ChangeType.STARTED : ChangeType.ENDED, s,
                    Instant.now())), "session");
            check(f, f.document(a), a.vendor().equals("ekran") ? "alert" : "audit");
        }
    }

    private static void check(SiemFormat f, String line, String kind) {
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        Map<String, Object> d = Json.parse(line);
        Json.leaves(d, "", (path, v) -> {
            assertThat(v).as(path + " in " + line.substring(0, Math.min(300, line.length()))).isNotNull();
            if (v instanceof String s) {
                assertThat(s.isBlank()).as(path + " is blank").isFalse();
            }
            assertThat(v).as(path + " is an empty list or object").isNotEqualTo(List.of()).isNotEqualTo(Map.of());
        });
        if (f == SiemFormat.OCSF) {
            for (String req : List.of("class_uid", "category_uid", "activity_id", "type_uid", "severity_id", "time",
                    "metadata.version", "metadata.product")) {
                assertThat(Json.at(d, req)).as(req).isNotNull();
            }
            long classUid = (Long) Json.at(d, "class_uid");
            assertThat(Json.at(d, "type_uid")).isEqualTo(classUid * 100 + (Long) Json.at(d, "activity_id"));
            assertThat(Json.at(d, "metadata.version")).isEqualTo("1.8.0");
            assertThat(Json.at(d, "time")).isInstanceOf(Long.class);
            switch (kind) {
                case "session" -> {
                    assertThat(classUid).isEqualTo(3002L);
                    Map<?, ?> user = (Map<?, ?>) Json.at(d, "user");
                    assertThat(user.containsKey("name") || user.containsKey("uid")).isTrue();
                    assertThat(Json.at(d, "service") != null || Json.at(d, "dst_endpoint") != null).isTrue();
                }
                case "audit" -> {
                    assertThat(classUid).isEqualTo(3004L);
                    Map<?, ?> entity = (Map<?, ?>) Json.at(d, "entity");
                    assertThat(entity.containsKey("name") || entity.containsKey("uid")).isTrue();
                }
                default -> {
                    assertThat(classUid).isEqualTo(2004L);
                    assertThat(Json.at(d, "finding_info.uid")).isNotNull();
                }
            }
            for (String ep : List.of("src_endpoint.ip", "dst_endpoint.ip")) {
                Object ip = Json.at(d, ep);
                if (ip != null) {
                    assertThat((String) ip).matches("[0-9a-fA-F:.%a-z0-9]+");
                }
            }
        } else {
            assertThat(Json.at(d, "@timestamp")).isInstanceOf(String.class);
            assertThat(Instant.parse((String) Json.at(d, "@timestamp"))).isNotNull();
            assertThat(Json.at(d, "ecs.version")).isEqualTo("9.4.0");
            assertThat(Json.at(d, "event.category")).isInstanceOf(List.class);
            assertThat(Json.at(d, "event.type")).isInstanceOf(List.class);
            Object labels = Json.at(d, "labels");
            if (labels != null) {
                ((Map<?, ?>) labels).forEach((k, v) -> {
                    assertThat((String) k).matches("[A-Za-z0-9_]+");
                    assertThat(v).isInstanceOf(String.class);
                });
            }
            Object duration = Json.at(d, "event.duration");
            if (duration != null) {
                assertThat((Long) duration).isNotNegative();
            }
        }
    }

    @Test
    void theWriterStreamsOneDocumentPerLineInUtf8() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonLinesWriter w = new JsonLinesWriter(bytes, SiemFormat.ECS)) {
            w.write(OcsfGoldenTest.PAM); // ended: two lines
            w.write(OcsfGoldenTest.PLESK);
            w.write(new AuditEvent("plesk", "1", Instant.EPOCH, "jörg", null, "created", "domain", "d", null, Map.of()));
            assertThat(w.lines()).isEqualTo(4);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(4).allSatisfy(l -> Json.parse(l));
        assertThat(text).endsWith("\n").contains("jörg");
    }
}
