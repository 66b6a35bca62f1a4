package org.sessionsdk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;

/**
 * An Ekran endpoint access request, once processed, as the provider's traits present it (a change made by
 * the approver, on the endpoint, not an alert): OCSF Entity Management 3004 and ECS configuration. The
 * argument for the classes is in {@code Ocsf}'s and {@code Ecs}'s class comments.
 */
class AccessRequestExportTest {
    static final Instant T = Instant.parse("2026-01-05T08:03:00Z");
    static final AuditEvent APPROVED = new AuditEvent("ekran", "accessRequest:3", T, "admin", null, "approved",
            "endpoint", "WS-03", "Access request 3 by CORP\\jdoe for WS-03: Approved by admin",
            Map.of("userName", "CORP\\jdoe", "requestDate", "2026-01-05T10:53:00+03:00", "reason", "patching"));
    static final AuditEvent DENIED = new AuditEvent("ekran", "accessRequest:4", T.plusSeconds(60), "secops", null,
            "denied", "endpoint", "DB-01", "Access request 4 by CORP\\mallory for DB-01: Denied by secops",
            Map.of("userName", "CORP\\mallory"));

    @Test
    void ocsfEntityManagementOnTheEndpointByTheApprover() {
        Map<String, Object> d = Json.parse(SiemFormat.OCSF.document(APPROVED));
        assertThat(d).containsEntry("class_uid", 3004L).containsEntry("category_uid", 3L)
                .containsEntry("activity_id", 99L).containsEntry("activity_name", "approved")
                .containsEntry("type_uid", 300499L).containsEntry("status_id", 1L)
                .containsEntry("time", T.toEpochMilli())
                .containsEntry("message", "Access request 3 by CORP\\jdoe for WS-03: Approved by admin")
                .doesNotContainKeys("finding_info", "is_alert");
        assertThat(Json.at(d, "entity.name")).isEqualTo("WS-03");
        assertThat(Json.at(d, "entity.type")).isEqualTo("endpoint");
        assertThat(Json.at(d, "entity.type_id")).isEqualTo(99L);
        assertThat(Json.at(d, "actor.user.name")).isEqualTo("admin");
        assertThat(Json.at(d, "metadata.original_event_uid")).isEqualTo("accessRequest:3");
        assertThat(Json.at(d, "metadata.product.name")).isEqualTo("Ekran System");
        // the requester and the rest stay with the document
        assertThat(Json.at(d, "unmapped.userName")).isEqualTo("CORP\\jdoe");
        assertThat(Json.at(d, "unmapped.reason")).isEqualTo("patching");
        assertThat(Json.parse(SiemFormat.OCSF.document(DENIED))).containsEntry("activity_name", "denied");
    }

    @Test
    void ecsAConfigurationEventNotAnAlert() {
        Map<String, Object> d = Json.parse(SiemFormat.ECS.document(DENIED));
        assertThat(Json.at(d, "event.kind")).isEqualTo("event");
        assertThat(Json.at(d, "event.category")).isEqualTo(List.of("configuration"));
        assertThat(Json.at(d, "event.type")).isEqualTo(List.of("info"));
        assertThat(Json.at(d, "event.action")).isEqualTo("denied");
        assertThat(Json.at(d, "event.dataset")).isEqualTo("ekran.audit");
        assertThat(Json.at(d, "user.name")).isEqualTo("secops");
        assertThat(Json.at(d, "labels.object_type")).isEqualTo("endpoint");
        assertThat(Json.at(d, "labels.object_id")).isEqualTo("DB-01");
        assertThat(Json.at(d, "labels.userName")).isEqualTo("CORP\\mallory");
        assertThat(d).doesNotContainKey("rule");
        assertThat(Json.at(d, "@timestamp")).isEqualTo("2026-01-05T08:04:00Z");
    }
}
