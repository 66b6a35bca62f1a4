package org.sessionsdk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.session.SessionRecord;

/** Golden OCSF 1.8.0 documents, checked against my reading of the schema (see the comments). */
class OcsfGoldenTest {
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant END = Instant.parse("2026-03-02T10:45:30.250Z");

    static final SessionRecord PLESK = new SessionRecord("plesk", "6a17d01f5e1925601faa86ad22ada6ff", "admin",
            "192.0.2.10", "panel.example.com", "https", START, null, START.plusSeconds(60), Map.of("type", "admin"));
    static final SessionRecord PAM = new SessionRecord("senhasegura", "3", "mjones", "2001:db8::7", "10.66.1.2:22", "ssh",
            START, END, null, Map.of("session_id", "f".repeat(40), "credential", "root", "time", "00:45:30"));
    static final SessionRecord EKRAN = new SessionRecord("ekran", "12", "42", null, "3f2a9c1e-0000-4000-8000-00000000beef",
            null, START, END, null, Map.of("userId", "42", "clientGuid", "3f2a9c1e-0000-4000-8000-00000000beef"));
    static final SessionRecord SAYMON = new SessionRecord("saymon", "62725dc8bad9f1a2b3c4d5e6", "operator", null, null, null,
            START, null, null, Map.of("userId", "5f5f4201aaaa", "expiredAt", "2026-03-02T10:30:00Z"));

    private static Map<String, Object> doc(String json) {
        return Json.parse(json);
    }

    @Test
    void aPleskLogonIsAuthenticationActivity1WithTheRequiredAttributes() {
        Map<String, Object> d = doc(SiemFormat.OCSF.documents(PLESK).get(0));
        assertThat(d).isEqualTo(Json.parse("""
                {"class_uid":3002,"class_name":"Authentication","category_uid":3,
                 "category_name":"Identity & Access Management","activity_id":1,"activity_name":"Logon",
                 "type_uid":300201,"type_name":"Authentication: Logon","severity_id":1,"severity":"Informational","time":1772445600000,
                 "metadata":{"version":"1.8.0","product":{"name":"Plesk","vendor_name":"WebPros"},
                   "uid":"plesk:session:6a17d01f5e1925601faa86ad22ada6ff:logon",
                   "original_event_uid":"6a17d01f5e1925601faa86ad22ada6ff"},
                 "status_id":1,"status":"Success","user":{"name":"admin"},
                 "src_endpoint":{"ip":"192.0.2.10"},"dst_endpoint":{"hostname":"panel.example.com"},
                 "service":{"name":"HTTPS"},
                 "session":{"uid":"6a17d01f5e1925601faa86ad22ada6ff","created_time":1772445600000,"is_remote":true},
                 "is_remote":true,
                 "unmapped":{"last_activity":"2026-03-02T10:01:00Z","type":"admin"}}
                """));
        // an open session is one document only
        assertThat(SiemFormat.OCSF.documents(PLESK)).hasSize(1);
    }

    @Test
    void anEndedPamSessionIsALogonThenALogoffWithTimesInMillisecondsAndARemoteInteractiveLogon() {
        List<String> docs = SiemFormat.OCSF.documents(PAM);
        assertThat(docs).hasSize(2);
        Map<String, Object> on = doc(docs.get(0));
        Map<String, Object> off = doc(docs.get(1));
        assertThat(Json.at(on, "type_uid")).isEqualTo(300201L);
        assertThat(Json.at(off, "activity_id")).isEqualTo(2L);
        assertThat(Json.at(off, "type_uid")).isEqualTo(3002L * 100 + 2);
        assertThat(Json.at(off, "time")).isEqualTo(END.toEpochMilli());
        assertThat(Json.at(off, "start_time")).isEqualTo(START.toEpochMilli());
        assertThat(Json.at(off, "end_time")).isEqualTo(END.toEpochMilli());
        assertThat(Json.at(off, "duration")).isEqualTo(45 * 60_000L + 30_250L); // milliseconds
        assertThat(Json.at(on, "logon_type_id")).isEqualTo(10L);
        assertThat(Json.at(on, "logon_type")).isEqualTo("Remote Interactive");
        assertThat(Json.at(on, "src_endpoint.ip")).isEqualTo("2001:db8::7");
        assertThat(Json.at(on, "dst_endpoint.ip")).isEqualTo("10.66.1.2");
        assertThat(Json.at(on, "dst_endpoint.port")).isEqualTo(22L);
        assertThat(Json.at(on, "service.name")).isEqualTo("SSH");
        assertThat(Json.at(on, "metadata.product.name")).isEqualTo("senhasegura");
        assertThat(Json.at(on, "metadata.product.vendor_name")).isEqualTo("Segura");
        assertThat(Json.at(on, "unmapped.session_id")).isEqualTo("f".repeat(40));
        assertThat(on).doesNotContainKey("end_time").doesNotContainKey("duration");
    }

    @Test
    void ekranNamesUsersByNumberAndItsTargetIsTheMonitoredEndpoint() {
        Map<String, Object> on = doc(SiemFormat.OCSF.documents(EKRAN).get(0));
        assertThat(Json.at(on, "user")).isEqualTo(Map.of("uid", "42"));
        assertThat(Json.at(on, "dst_endpoint")).isEqualTo(Map.of("uid", "3f2a9c1e-0000-4000-8000-00000000beef"));
        assertThat(Json.at(on, "service.name")).isEqualTo("Ekran System");
        assertThat(on).doesNotContainKey("src_endpoint").doesNotContainKey("is_remote").doesNotContainKey("logon_type_id");
        assertThat(Json.at(on, "metadata.product.vendor_name")).isEqualTo("Syteca");
    }

    @Test
    void saymonHasNoEndpointSoTheServiceCarriesTheAtLeastOneRule() {
        Map<String, Object> on = doc(SiemFormat.OCSF.documents(SAYMON).get(0));
        assertThat(Json.at(on, "user")).isEqualTo(Map.of("name", "operator", "uid", "5f5f4201aaaa"));
        assertThat(Json.at(on, "service.name")).isEqualTo("SAYMON");
        assertThat(on).doesNotContainKey("dst_endpoint");
    }

    @Test
    void aFeedsEndedChangeIsOneLogoffStampedWithItsEnd() {
        Instant seen = END.plusSeconds(5);
        Map<String, Object> off = doc(SiemFormat.OCSF.document(new SessionChange(ChangeType.ENDED, PAM, seen)));
        assertThat(Json.at(off, "activity_name")).isEqualTo("Logoff");
        assertThat(Json.at(off, "time")).isEqualTo(END.toEpochMilli());
        Map<String, Object> on = doc(SiemFormat.OCSF.document(new SessionChange(ChangeType.STARTED, PAM, seen)));
        assertThat(Json.at(on, "activity_name")).isEqualTo("Logon");
        assertThat(Json.at(on, "time")).isEqualTo(START.toEpochMilli());
    }

    @Test
    void aPleskActionIsEntityManagementWithTheObjectAsAnOtherTypedEntity() {
        AuditEvent e = new AuditEvent("plesk", "177", START, "reseller1", "198.51.100.7", "deleted", "mailname",
                "info@example.com", null, Map.of());
        Map<String, Object> d = doc(SiemFormat.OCSF.document(e));
        assertThat(d).isEqualTo(Json.parse("""
                {"class_uid":3004,"class_name":"Entity Management","category_uid":3,
                 "category_name":"Identity & Access Management","activity_id":4,"activity_name":"Delete",
                 "type_uid":300404,"type_name":"Entity Management: Delete","severity_id":1,"severity":"Informational","time":1772445600000,
                 "metadata":{"version":"1.8.0","product":{"name":"Plesk","vendor_name":"WebPros"},
                   "uid":"plesk:audit:177","original_event_uid":"177"},
                 "status_id":1,"status":"Success",
                 "entity":{"uid":"info@example.com","name":"info@example.com","type":"mailname","type_id":99},
                 "actor":{"user":{"name":"reseller1"}},"src_endpoint":{"ip":"198.51.100.7"},
                 "message":"reseller1 deleted mailname info@example.com"}
                """));
        AuditEvent status = new AuditEvent("plesk", "178", START, "admin", null, "status_changed", "domain", "d1",
                null, Map.of());
        Map<String, Object> other = doc(SiemFormat.OCSF.document(status));
        assertThat(Json.at(other, "activity_id")).isEqualTo(99L);
        assertThat(Json.at(other, "type_uid")).isEqualTo(300499L);
        assertThat(Json.at(other, "activity_name")).isEqualTo("status_changed");
        assertThat(Json.at(other, "type_name")).as("type_uid's caption, not the vendor's word")
                .isEqualTo("Entity Management: Other");
        assertThat(Json.at(doc(SiemFormat.OCSF.document(new AuditEvent("plesk", "1", START, "a", null, "created",
                "domain", "d", null, Map.of()))), "type_uid")).isEqualTo(300401L);
        assertThat(Json.at(doc(SiemFormat.OCSF.document(new AuditEvent("plesk", "1", START, "a", null, "updated",
                "domain", "d", null, Map.of()))), "type_uid")).isEqualTo(300403L);
    }

    @Test
    void aSaymonAuditEntryIsEntityManagementWithItsBodiesUnmapped() {
        AuditEvent e = new AuditEvent("saymon", "5f5f4201aaaa-1772445600000-0123456789abcdef", START, "operator", null,
                "update", "object", "62725dc8bad9", null, Map.of("userId", "5f5f4201aaaa", "newBody", "{\"name\":\"db\"}"));
        Map<String, Object> d = doc(SiemFormat.OCSF.document(e));
        assertThat(Json.at(d, "class_uid")).isEqualTo(3004L);
        assertThat(Json.at(d, "activity_id")).isEqualTo(3L);
        assertThat(Json.at(d, "actor.user")).isEqualTo(Map.of("name", "operator", "uid", "5f5f4201aaaa"));
        assertThat(Json.at(d, "entity.type")).isEqualTo("object");
        assertThat(Json.at(d, "unmapped.newBody")).isEqualTo("{\"name\":\"db\"}");
    }

    @Test
    void anEkranAlertIsADetectionFindingWithItsRiskAsSeverityAndTheUserAsEvidence() {
        AuditEvent e = new AuditEvent("ekran", "9001", START, "jdoe", null, "USB device connected", null, null,
                "A USB drive was plugged in", Map.of("alertId", "901", "riskLevel", "High", "computerName", "ws-17"));
        Map<String, Object> d = doc(SiemFormat.OCSF.document(e));
        assertThat(Json.at(d, "class_uid")).isEqualTo(2004L);
        assertThat(Json.at(d, "category_uid")).isEqualTo(2L);
        assertThat(Json.at(d, "activity_id")).isEqualTo(1L);
        assertThat(Json.at(d, "type_uid")).isEqualTo(200401L);
        assertThat(Json.at(d, "severity_id")).isEqualTo(4L);
        assertThat(Json.at(d, "severity")).as("the caption of severity_id 4").isEqualTo("High");
        assertThat(Json.at(d, "status_id")).as("the finding status enum: New").isEqualTo(1L);
        assertThat(Json.at(d, "status")).isEqualTo("New");
        assertThat(Json.at(d, "is_alert")).isEqualTo(true);
        assertThat(Json.at(d, "finding_info")).isEqualTo(Map.of("uid", "9001", "title", "USB device connected",
                "desc", "A USB drive was plugged in", "created_time", START.toEpochMilli()));
        assertThat(Json.at(d, "evidences")).isEqualTo(List.of(Map.of("user", Map.of("name", "jdoe"),
                "device", Map.of("hostname", "ws-17", "type_id", 0L, "type", "Unknown"))));
        assertThat(d).doesNotContainKey("user").doesNotContainKey("src_endpoint");
        assertThat(Json.at(d, "unmapped.alertId")).isEqualTo("901");
        AuditEvent unknownRisk = new AuditEvent("ekran", "9002", START, null, null, "x", null, null, null, Map.of());
        assertThat(Json.at(doc(SiemFormat.OCSF.document(unknownRisk)), "severity_id")).isEqualTo(0L);
        assertThat(Json.at(doc(SiemFormat.OCSF.document(unknownRisk)), "severity")).isEqualTo("Unknown");
        Map<String, String> captions = Map.of("Informational", "Informational", "Low", "Low", "Medium", "Medium",
                "High", "High", "Critical", "Critical");
        captions.forEach((risk, caption) -> assertThat(Json.at(doc(SiemFormat.OCSF.document(new AuditEvent("ekran",
                "1", START, null, null, "x", null, null, null, Map.of("riskLevel", risk)))), "severity")).as(risk)
                .isEqualTo(caption));
    }
}
