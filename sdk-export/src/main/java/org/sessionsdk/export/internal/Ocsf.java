package org.sessionsdk.export.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.client.AuditTraits;
import org.sessionsdk.core.client.SessionTraits;
import org.sessionsdk.core.session.SessionRecord;

/**
 * The OCSF 1.8.0 mapping. Sessions are Authentication (3002) Logon/Logoff; Plesk action-log and
 * SAYMON audit-log entries are Entity Management (3004): both are a person creating, changing or
 * deleting a managed object (a Plesk domain, a SAYMON monitored object), which is what 3004 describes
 * ("the managed entity that is being acted upon"); nothing in them is a detection. Ekran alerts are
 * Detection Finding (2004): a monitoring rule fired on a user's activity.
 *
 * <p>Ekran's processed endpoint access requests are Entity Management (3004) too, activity 99 Other named
 * by the decision ({@code approved}, {@code denied}): an administrator decided who may reach a managed
 * endpoint, so the actor is the approver, the entity the endpoint (type Other, {@code endpoint}), the
 * requester and the rest in {@code unmapped}. User Access Management (3005) was weighed: it fits an approval
 * (privileges assigned to the requester on a resource) but has no activity for a denial, needs the
 * privileges granted, which the request does not name, and is deprecated from OCSF 1.9.0; Authorize Session
 * (3003) is about privileges given to a session at logon, which this is not; and nothing here is a
 * detection. The provider says so through its traits (not an alert), so this class names no vendor.
 *
 * <p>Only attributes of the class are written (no profiles, so no {@code device} or profile-only
 * fields); vendor fields without an attribute go to {@code unmapped}.
 */
public final class Ocsf {
    static final int AUTHENTICATION = 3002;
    static final int ENTITY_MANAGEMENT = 3004;
    static final int DETECTION_FINDING = 2004;

    private Ocsf() {
    }

    /**
     * A Logon (when {@code logon}) or Logoff document for a session.
     *
     * @param s          the session
     * @param logon      Logon, else Logoff
     * @param observedAt when a feed saw the change, or null for a listed record
     * @return one line of JSON
     */
    public static String session(SessionRecord s, boolean logon, Instant observedAt) {
        JsonDoc d = new JsonDoc();
        int activity = logon ? 1 : 2;
        Instant time = logon ? s.start() : s.end();
        if (time == null) {
            time = observedAt != null ? observedAt : Instant.now();
        }
        base(d, AUTHENTICATION, 3, OcsfEnums.AUTHENTICATION_ACTIVITY, activity, null, 1, time, s.vendor());
        d.put("metadata.uid", s.vendor() + ":session:" + s.id() + ":" + (logon ? "logon" : "logoff"));
        d.put("metadata.original_event_uid", s.id());
        OcsfEnums.STATUS.put(d, "", 1);
        SessionTraits traits = Vendors.traits(s);
        user(d, "user", traits.userName(), traits.userId());
        endpoint(d, "src_endpoint", s.sourceAddress(), null);
        target(d, s, traits);
        d.put("service.name", serviceName(s));
        d.put("session.uid", s.id());
        if (s.start() != null) {
            d.put("session.created_time", s.start().toEpochMilli());
        }
        Boolean remote = traits.remote();
        if (remote != null) {
            d.put("is_remote", remote).put("session.is_remote", remote);
        }
        if (isRemoteShell(s)) {
            OcsfEnums.LOGON_TYPE.put(d, "", 10);
        }
        if (!logon) {
            if (s.start() != null) {
                d.put("start_time", s.start().toEpochMilli());
            }
            d.put("end_time", time.toEpochMilli());
            if (s.start() != null && !time.isBefore(s.start())) {
                d.put("duration", time.toEpochMilli() - s.start().toEpochMilli());
            }
        }
        if (s.lastActivity() != null) {
            d.putKey("unmapped", "last_activity", s.lastActivity().toString());
        }
        unmapped(d, s.attributes());
        return d.toJson();
    }

    /**
     * An audit entry: Detection Finding for Ekran alerts, Entity Management for the others.
     *
     * @param e the entry
     * @return one line of JSON
     */
    public static String audit(AuditEvent e) {
        AuditTraits traits = Vendors.traits(e);
        return traits.alert() ? finding(e, traits) : entityManagement(e, traits);
    }

    private static String entityManagement(AuditEvent e, AuditTraits traits) {
        JsonDoc d = new JsonDoc();
        base(d, ENTITY_MANAGEMENT, 3, OcsfEnums.ENTITY_ACTIVITY, entityActivity(e.action()), e.action(), 1, time(e),
                e.vendor());
        d.put("metadata.uid", e.vendor() + ":audit:" + e.id());
        d.put("metadata.original_event_uid", e.id());
        OcsfEnums.STATUS.put(d, "", 1);
        d.put("entity.uid", e.objectId()).put("entity.name", e.objectId());
        if (!d.has("entity.uid")) {
            // the entity is required and needs a name or uid: the entry's own id says which change it was
            d.put("entity.uid", e.vendor() + ":" + e.id());
        }
        // the managed entity's kind is outside the enum (domain, mailname, object...): Other with the
        // vendor's word, or Unknown when the entry names no kind
        OcsfEnums.ENTITY_TYPE.other(d, "entity.", e.objectType());
        user(d, "actor.user", traits.userName(), traits.userId());
        endpoint(d, "src_endpoint", e.sourceAddress(), null);
        d.put("message", message(e));
        unmapped(d, e.attributes());
        return d.toJson();
    }

    private static String finding(AuditEvent e, AuditTraits traits) {
        JsonDoc d = new JsonDoc();
        base(d, DETECTION_FINDING, 2, OcsfEnums.FINDING_ACTIVITY, 1, null, traits.severity().ordinal(),
                time(e), e.vendor());
        d.put("metadata.uid", e.vendor() + ":alert:" + e.id());
        d.put("metadata.original_event_uid", e.id());
        d.put("finding_info.uid", e.id());
        d.put("finding_info.title", e.action());
        d.put("finding_info.desc", e.message());
        if (e.time() != null) {
            d.put("finding_info.created_time", e.time().toEpochMilli());
        }
        OcsfEnums.FINDING_STATUS.put(d, "", 1);
        d.put("is_alert", true);
        d.put("message", e.message() != null ? e.message() : e.action());
        // 2004 has no top-level user or endpoint: who and where go in the evidence
        JsonDoc evidence = new JsonDoc();
        if (e.actor() != null && !e.actor().isBlank()) {
            evidence.put("user.name", e.actor());
        }
        if (e.sourceAddress() != null && Net.isIp(e.sourceAddress())) {
            evidence.put("src_endpoint.ip", e.sourceAddress());
        }
        String computer = traits.host();
        if (computer != null && !computer.isBlank()) {
            evidence.put("device.hostname", computer);
            // type_id is required on device. An Ekran alert names the computer its client runs on, and
            // that client is installed on servers (RDP / jump hosts) and workstations alike; nothing in
            // the alert says which, so Unknown rather than a guess a SIEM would filter on
            OcsfEnums.DEVICE_TYPE.put(evidence, "device.", OcsfEnum.UNKNOWN);
        }
        if (evidence.has("user") || evidence.has("src_endpoint") || evidence.has("device")) {
            d.put("evidences", List.of(evidence.tree()));
        }
        unmapped(d, e.attributes());
        return d.toJson();
    }

    /**
     * The attributes every class has. Each enum's sibling comes from its table: {@code activity_name} is
     * the activity's caption, or for 99 Other the source's word ({@code otherActivity}); {@code type_name}
     * is the caption the schema gives {@code type_uid}, "class: activity" (so "...: Other" for 99).
     */
    private static void base(JsonDoc d, int classUid, int categoryUid, OcsfEnum activities, int activity,
                             String otherActivity, int severity, Instant time, String vendor) {
        OcsfEnums.CLASS.put(d, "", classUid);
        OcsfEnums.CATEGORY.put(d, "", categoryUid);
        int written = activity;
        if (activity == OcsfEnum.OTHER) {
            written = activities.other(d, "", otherActivity);
        } else {
            activities.put(d, "", activity);
        }
        d.put("type_uid", (long) classUid * 100 + written);
        d.put("type_name", OcsfEnums.CLASS.caption(classUid) + ": " + activities.caption(written));
        OcsfEnums.SEVERITY.put(d, "", severity);
        d.put("time", time.toEpochMilli());
        String[] product = Vendors.product(vendor);
        d.put("metadata.version", org.sessionsdk.export.SiemFormat.OCSF_VERSION);
        d.put("metadata.product.name", product[0]).put("metadata.product.vendor_name", product[1]);
    }

    private static Instant time(AuditEvent e) {
        return e.time() != null ? e.time() : Instant.now();
    }

    /** The vendor's action word as a 3004 activity; what fits none is Other (99) with its own name. */
    static int entityActivity(String action) {
        if (action == null) {
            return 0;
        }
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "created", "create", "added", "add", "insert" -> 1;
            case "read", "viewed", "view" -> 2;
            case "updated", "update", "changed", "change", "modified", "modify", "edit" -> 3;
            case "deleted", "delete", "removed", "remove" -> 4;
            case "moved", "move", "renamed", "rename" -> 5;
            case "enabled", "enable" -> 8;
            case "disabled", "disable" -> 9;
            default -> 99;
        };
    }

    /** A user as the vendor names it: {@code name} and {@code uid}. */
    static void user(JsonDoc d, String at, String name, String id) {
        d.put(at + ".name", name).put(at + ".uid", id);
        if (!d.has(at) && at.equals("user")) {
            // the user object is required on 3002 and needs a name or uid: an unknown one is said so
            d.put(at + ".name", "unknown");
        }
    }

    static void endpoint(JsonDoc d, String at, String address, String port) {
        if (address == null || address.isBlank()) {
            return;
        }
        d.put(at + (Net.isIp(address) ? ".ip" : ".hostname"), address);
        if (port != null) {
            d.put(at + ".port", Integer.parseInt(port));
        }
    }

    /** Where the session was opened: the panel, the PAM's target device, the monitored endpoint. */
    private static void target(JsonDoc d, SessionRecord s, SessionTraits traits) {
        if (s.target() == null || s.target().isBlank()) {
            return;
        }
        if (traits.targetIsId()) {
            d.put("dst_endpoint.uid", s.target()); // e.g. the monitored endpoint's agent id
            return;
        }
        String[] hp = Net.hostAndPort(s.target());
        endpoint(d, "dst_endpoint", hp[0], hp[1]);
    }

    private static String serviceName(SessionRecord s) {
        if (s.protocol() != null && !s.protocol().isBlank()) {
            return s.protocol().toUpperCase(Locale.ROOT);
        }
        return Vendors.product(s.vendor())[0];
    }

    static boolean isRemoteShell(SessionRecord s) {
        String p = s.protocol() == null ? "" : s.protocol().toLowerCase(Locale.ROOT);
        return p.equals("ssh") || p.equals("rdp") || p.equals("telnet") || p.equals("vnc");
    }

    static String message(AuditEvent e) {
        if (e.message() != null && !e.message().isBlank()) {
            return e.message();
        }
        List<String> words = new ArrayList<>();
        for (String w : new String[] {e.actor(), e.action(), e.objectType(), e.objectId()}) {
            if (w != null && !w.isBlank()) {
                words.add(w);
            }
        }
        return String.join(" ", words);
    }

    private static void unmapped(JsonDoc d, Map<String, String> attributes) {
        Map<String, String> sorted = new LinkedHashMap<>(new java.util.TreeMap<>(attributes));
        sorted.forEach((k, v) -> d.putKey("unmapped", k, v));
    }
}
