package org.sessionsdk.export.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.client.AuditTraits;
import org.sessionsdk.core.client.SessionTraits;
import org.sessionsdk.core.session.SessionRecord;

/**
 * The ECS 9.4.0 mapping. Sessions are {@code event.category: [authentication, session]} with
 * {@code event.type} start or end; Plesk and SAYMON audit entries are configuration changes
 * ({@code creation}, {@code change}, {@code deletion}, else {@code info}); Ekran alerts are
 * {@code event.kind: alert} in {@code intrusion_detection} with the rule that fired. ECS has no
 * session id or audited-object field: they go to {@code labels}, as do the vendor's other fields
 * (flat keyword values, keys reduced to letters, digits and {@code _}).
 *
 * <p>Ekran's processed endpoint access requests are configuration events as well ({@code event.kind: event},
 * {@code event.category: [configuration]}, {@code event.type: [info]}, {@code event.action} the decision):
 * an administrator's decision about access to a managed endpoint. {@code iam} was weighed, but its event
 * types (user, group, admin, creation, change, deletion) describe changes to accounts and groups, and the
 * decision changes neither; it is not {@code intrusion_detection}, nothing fired. The approver is
 * {@code user.*}, the endpoint {@code labels.object_id}, the requester {@code labels.userName}.
 */
public final class Ecs {
    private Ecs() {
    }

    /**
     * A session start (when {@code start}) or end document.
     *
     * @param s          the session
     * @param start      start, else end
     * @param observedAt when a feed saw the change, or null for a listed record
     * @return one line of JSON
     */
    public static String session(SessionRecord s, boolean start, Instant observedAt) {
        JsonDoc d = new JsonDoc();
        Instant time = start ? s.start() : s.end();
        if (time == null) {
            time = observedAt != null ? observedAt : Instant.now();
        }
        base(d, time, s.vendor());
        d.put("event.kind", "event");
        d.put("event.category", List.of("authentication", "session"));
        d.put("event.type", List.of(start ? "start" : "end"));
        d.put("event.action", start ? "session-start" : "session-end");
        d.put("event.outcome", "success");
        d.put("event.id", s.id() + (start ? ":start" : ":end"));
        d.put("event.dataset", s.vendor() + ".sessions");
        if (s.start() != null) {
            d.put("event.start", s.start().toString());
        }
        if (!start) {
            d.put("event.end", time.toString());
            if (s.start() != null && !time.isBefore(s.start())) {
                long nanos = Math.multiplyExact(time.toEpochMilli() - s.start().toEpochMilli(), 1_000_000L);
                d.put("event.duration", nanos);
            }
        }
        List<String> ips = new ArrayList<>();
        SessionTraits traits = Vendors.traits(s);
        user(d, traits.userName(), traits.userId());
        address(d, "source", s.sourceAddress(), null, ips);
        if (s.target() != null && !s.target().isBlank() && !traits.targetIsId()) {
            String[] hp = Net.hostAndPort(s.target());
            address(d, "destination", hp[0], hp[1], ips);
        }
        if (s.protocol() != null && !s.protocol().isBlank()) {
            d.put("network.protocol", s.protocol().toLowerCase(Locale.ROOT));
        }
        related(d, ips, s.user());
        d.putKey("labels", "session_id", s.id());
        if (traits.targetIsId() && s.target() != null && traits.targetLabel() != null) {
            d.putKey("labels", traits.targetLabel(), s.target());
        }
        if (s.lastActivity() != null) {
            d.putKey("labels", "last_activity", s.lastActivity().toString());
        }
        labels(d, s.attributes());
        return d.toJson();
    }

    /**
     * An audit entry: an alert for Ekran, a configuration change for the others.
     *
     * @param e the entry
     * @return one line of JSON
     */
    public static String audit(AuditEvent e) {
        JsonDoc d = new JsonDoc();
        base(d, e.time() != null ? e.time() : Instant.now(), e.vendor());
        d.put("event.id", e.id());
        List<String> ips = new ArrayList<>();
        AuditTraits traits = Vendors.traits(e);
        if (traits.alert()) {
            d.put("event.kind", "alert");
            d.put("event.category", List.of("intrusion_detection"));
            d.put("event.type", List.of("info"));
            d.put("event.dataset", e.vendor() + ".alerts");
            d.put("event.action", e.action());
            d.put("rule.name", e.action());
            d.put("rule.id", traits.ruleId());
            d.put("rule.description", e.message());
            int severity = traits.severity().ordinal();
            if (severity > 0) {
                d.put("event.severity", severity);
            }
            d.put("host.name", traits.host());
            d.put("message", e.message() != null ? e.message() : e.action());
        } else {
            d.put("event.kind", "event");
            d.put("event.category", List.of("configuration"));
            d.put("event.type", List.of(configurationType(e.action())));
            d.put("event.dataset", e.vendor() + ".audit");
            d.put("event.action", e.action());
            d.put("event.outcome", "success");
            d.put("message", Ocsf.message(e));
            d.putKey("labels", "object_type", e.objectType());
            d.putKey("labels", "object_id", e.objectId());
        }
        user(d, traits.userName(), traits.userId());
        address(d, "source", e.sourceAddress(), null, ips);
        related(d, ips, e.actor());
        labels(d, e.attributes());
        return d.toJson();
    }

    /** The ECS event type of a configuration change, from the vendor's action word. */
    static String configurationType(String action) {
        return switch (Ocsf.entityActivity(action)) {
            case 1 -> "creation";
            case 3, 5, 8, 9 -> "change";
            case 4 -> "deletion";
            case 2 -> "access";
            default -> "info";
        };
    }

    private static void base(JsonDoc d, Instant time, String vendor) {
        d.put("@timestamp", time.toString());
        d.put("ecs.version", org.sessionsdk.export.SiemFormat.ECS_VERSION);
        String[] product = Vendors.product(vendor);
        d.put("observer.vendor", product[1]).put("observer.product", product[0]);
        d.put("event.module", vendor);
    }

    private static void user(JsonDoc d, String name, String id) {
        d.put("user.name", name).put("user.id", id);
    }

    /** The raw address in {@code .address}, copied to {@code .ip} or {@code .domain}. */
    private static void address(JsonDoc d, String at, String address, String port, List<String> ips) {
        if (address == null || address.isBlank()) {
            return;
        }
        d.put(at + ".address", address);
        if (Net.isIp(address)) {
            d.put(at + ".ip", address);
            ips.add(address);
        } else {
            d.put(at + ".domain", address);
        }
        if (port != null) {
            d.put(at + ".port", Long.parseLong(port));
        }
    }

    private static void related(JsonDoc d, List<String> ips, String user) {
        d.put("related.ip", ips.stream().distinct().toList());
        if (user != null && !user.isBlank()) {
            d.put("related.user", List.of(user));
        }
    }

    /** The vendor's fields as labels; one whose key is taken by ours (e.g. {@code session_id}) gets {@code vendor_} before it. */
    private static void labels(JsonDoc d, Map<String, String> attributes) {
        new TreeMap<>(attributes).forEach((k, v) -> {
            String key = labelKey(k);
            d.putKey("labels", d.has("labels." + key) ? "vendor_" + key : key, v);
        });
    }

    /** Labels are flat keys: letters, digits and {@code _}. */
    static String labelKey(String k) {
        String key = k.replaceAll("[^A-Za-z0-9_]", "_");
        return key.isEmpty() ? "_" : key;
    }
}
