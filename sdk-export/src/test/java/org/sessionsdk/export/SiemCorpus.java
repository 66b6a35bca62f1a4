package org.sessionsdk.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.session.SessionRecord;

/**
 * Every kind of record the exporter handles, for every source, shaped like the vendor modules make
 * them: sessions open and ended (listed and as feed changes), each audit action, and Ekran alerts at
 * every risk level the alerts API sends plus an unknown and a missing one.
 */
final class SiemCorpus {
    private static final Instant T = OcsfGoldenTest.START;

    private SiemCorpus() {
    }

    static List<SessionRecord> sessions() {
        return List.of(OcsfGoldenTest.PLESK, OcsfGoldenTest.PAM, OcsfGoldenTest.EKRAN, OcsfGoldenTest.SAYMON,
                new SessionRecord("senhasegura", "4", "ana", "192.0.2.4", "ws-9.corp:3389", "rdp", T, T.plusSeconds(9),
                        null, Map.of()),
                new SessionRecord("senhasegura", "5", "ana", "192.0.2.4", "intranet.corp", "https", T, null, null, Map.of()),
                new SessionRecord("plesk", "no-user", null, null, null, null, null, null, null, Map.of()));
    }

    static List<AuditEvent> audits() {
        List<AuditEvent> out = new ArrayList<>();
        for (String action : new String[] {"created", "updated", "deleted", "status_changed", "read", "moved", "enabled",
                "disabled"}) {
            out.add(new AuditEvent("plesk", "p-" + action, T, "admin", "192.0.2.10", action, "domain", "example.com",
                    null, Map.of()));
        }
        out.add(new AuditEvent("plesk", "p-bare", T, null, null, null, null, null, null, Map.of()));
        // a vendor word that is the caption of 99 itself
        out.add(new AuditEvent("plesk", "p-other", T, "admin", null, "Other", "Other", "x", null, Map.of()));
        for (String action : new String[] {"create", "update", "delete"}) {
            out.add(new AuditEvent("saymon", "s-" + action, T, "operator", null, action, "object", "62725dc8bad9", null,
                    Map.of("userId", "5f5f4201aaaa")));
        }
        for (String risk : new String[] {"Informational", "Low", "Medium", "Normal", "High", "Critical", "Severe"}) {
            out.add(new AuditEvent("ekran", "e-" + risk, T, "jdoe", "192.0.2.20", "USB device connected", null, null,
                    "A USB drive was plugged in", Map.of("alertId", "901", "riskLevel", risk, "computerName", "ws-17")));
        }
        out.add(new AuditEvent("ekran", "e-none", T, null, null, "Login out of hours", null, null, null, Map.of()));
        // Ekran endpoint access requests, approved and denied, and one with nothing but its id
        out.add(AccessRequestExportTest.APPROVED);
        out.add(AccessRequestExportTest.DENIED);
        out.add(new AuditEvent("ekran", "accessRequest:9", T, null, null, null, "endpoint", null, null, Map.of()));
        return out;
    }

    /** Every document the format writes for the corpus: listed sessions, feed changes, audit entries. */
    static List<String> documents(SiemFormat f) {
        List<String> docs = new ArrayList<>();
        for (SessionRecord s : sessions()) {
            docs.addAll(f.documents(s));
            docs.add(f.document(new SessionChange(ChangeType.STARTED, s, T.plusSeconds(1))));
            docs.add(f.document(new SessionChange(ChangeType.ENDED, s, T.plusSeconds(2))));
        }
        for (AuditEvent e : audits()) {
            docs.add(f.document(e));
        }
        return docs;
    }
}
