package org.sessionsdk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sessionsdk.export.OcsfGoldenTest.END;
import static org.sessionsdk.export.OcsfGoldenTest.START;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;

/** Golden ECS 9.4.0 documents, checked against my reading of ecs_flat.yml (see the comments). */
class EcsGoldenTest {
    private static Map<String, Object> doc(String json) {
        return Json.parse(json);
    }

    @Test
    void aPamSessionStartsAndEndsWithIsoDatesADurationInNanosecondsAndTheSessionIdAsALabel() {
        List<String> docs = SiemFormat.ECS.documents(OcsfGoldenTest.PAM);
        assertThat(docs).hasSize(2);
        assertThat(doc(docs.get(0))).isEqualTo(Json.parse("""
                {"@timestamp":"2026-03-02T10:00:00Z","ecs":{"version":"9.4.0"},
                 "observer":{"vendor":"Segura","product":"senhasegura"},
                 "event":{"module":"senhasegura","kind":"event","category":["authentication","session"],
                   "type":["start"],"action":"session-start","outcome":"success","id":"3:start",
                   "dataset":"senhasegura.sessions","start":"2026-03-02T10:00:00Z"},
                 "user":{"name":"mjones"},
                 "source":{"address":"2001:db8::7","ip":"2001:db8::7"},
                 "destination":{"address":"10.66.1.2","ip":"10.66.1.2","port":22},
                 "network":{"protocol":"ssh"},
                 "related":{"ip":["2001:db8::7","10.66.1.2"],"user":["mjones"]},
                 "labels":{"session_id":"3","vendor_session_id":"ffffffffffffffffffffffffffffffffffffffff",
                   "credential":"root","time":"00:45:30"}}
                """));
        Map<String, Object> end = doc(docs.get(1));
        assertThat(Json.at(end, "@timestamp")).isEqualTo("2026-03-02T10:45:30.250Z");
        assertThat(Json.at(end, "event.type")).isEqualTo(List.of("end"));
        assertThat(Json.at(end, "event.end")).isEqualTo(END.toString());
        assertThat(Json.at(end, "event.start")).isEqualTo(START.toString());
        assertThat(Json.at(end, "event.duration")).isEqualTo((45 * 60_000L + 30_250L) * 1_000_000L);
    }

    @Test
    void aPleskPanelHostIsADomainAndAnEkranUserIsAnId() {
        Map<String, Object> plesk = doc(SiemFormat.ECS.documents(OcsfGoldenTest.PLESK).get(0));
        assertThat(Json.at(plesk, "destination")).isEqualTo(Map.of("address", "panel.example.com", "domain",
                "panel.example.com"));
        assertThat(Json.at(plesk, "network.protocol")).isEqualTo("https");
        assertThat(Json.at(plesk, "labels.type")).isEqualTo("admin");
        assertThat(Json.at(plesk, "labels.last_activity")).isEqualTo("2026-03-02T10:01:00Z");
        Map<String, Object> ekran = doc(SiemFormat.ECS.documents(OcsfGoldenTest.EKRAN).get(0));
        assertThat(Json.at(ekran, "user")).isEqualTo(Map.of("id", "42"));
        assertThat(ekran).doesNotContainKey("destination").doesNotContainKey("source");
        assertThat(Json.at(ekran, "labels.client_guid")).isEqualTo("3f2a9c1e-0000-4000-8000-00000000beef");
        Map<String, Object> saymon = doc(SiemFormat.ECS.documents(OcsfGoldenTest.SAYMON).get(0));
        assertThat(Json.at(saymon, "user")).isEqualTo(Map.of("name", "operator", "id", "5f5f4201aaaa"));
        assertThat(Json.at(saymon, "related")).isEqualTo(Map.of("user", List.of("operator")));
    }

    @Test
    void aPleskActionIsAConfigurationChangeWithTheObjectInLabels() {
        AuditEvent e = new AuditEvent("plesk", "177", START, "reseller1", "198.51.100.7", "created", "domain",
                "example.com", null, Map.of());
        assertThat(doc(SiemFormat.ECS.document(e))).isEqualTo(Json.parse("""
                {"@timestamp":"2026-03-02T10:00:00Z","ecs":{"version":"9.4.0"},
                 "observer":{"vendor":"WebPros","product":"Plesk"},
                 "event":{"module":"plesk","id":"177","kind":"event","category":["configuration"],"type":["creation"],
                   "dataset":"plesk.audit","action":"created","outcome":"success"},
                 "message":"reseller1 created domain example.com",
                 "labels":{"object_type":"domain","object_id":"example.com"},
                 "user":{"name":"reseller1"},"source":{"address":"198.51.100.7","ip":"198.51.100.7"},
                 "related":{"ip":["198.51.100.7"],"user":["reseller1"]}}
                """));
        assertThat(Json.at(doc(SiemFormat.ECS.document(new AuditEvent("plesk", "1", START, "a", null, "deleted",
                "domain", "d", null, Map.of()))), "event.type")).isEqualTo(List.of("deletion"));
        assertThat(Json.at(doc(SiemFormat.ECS.document(new AuditEvent("plesk", "1", START, "a", null, "updated",
                "domain", "d", null, Map.of()))), "event.type")).isEqualTo(List.of("change"));
        assertThat(Json.at(doc(SiemFormat.ECS.document(new AuditEvent("plesk", "1", START, "a", null, "status_changed",
                "domain", "d", null, Map.of()))), "event.type")).as("in configuration's expected types").isEqualTo(List.of("info"));
    }

    @Test
    void anEkranAlertIsAnAlertInIntrusionDetectionWithItsRule() {
        AuditEvent e = new AuditEvent("ekran", "9001", START, "jdoe", null, "USB device connected", null, null,
                "A USB drive was plugged in", Map.of("alertId", "901", "riskLevel", "High", "computerName", "ws-17",
                        "odd key.with dots", "v"));
        Map<String, Object> d = doc(SiemFormat.ECS.document(e));
        assertThat(Json.at(d, "event.kind")).isEqualTo("alert");
        assertThat(Json.at(d, "event.category")).isEqualTo(List.of("intrusion_detection"));
        assertThat(Json.at(d, "event.type")).isEqualTo(List.of("info"));
        assertThat(Json.at(d, "rule")).isEqualTo(Map.of("name", "USB device connected", "id", "901",
                "description", "A USB drive was plugged in"));
        assertThat(Json.at(d, "event.severity")).isEqualTo(4L);
        assertThat(Json.at(d, "host.name")).isEqualTo("ws-17");
        assertThat(Json.at(d, "labels.odd_key_with_dots")).isEqualTo("v");
        assertThat(d).doesNotContainKey("event.outcome");
    }
}
