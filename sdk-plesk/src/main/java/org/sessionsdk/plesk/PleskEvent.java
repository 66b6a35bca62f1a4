package org.sessionsdk.plesk;

import java.time.Instant;
import java.util.Map;
import org.sessionsdk.core.audit.AuditEvent;

/**
 * One entry of the Plesk action log ({@code event_log/get_events}).
 *
 * @param id          the event id; ids grow, so the next poll starts after the last one seen
 * @param type        what happened: created, updated, deleted, status_changed, ... (open set)
 * @param time        when (Plesk sends Unix seconds, GMT)
 * @param objectClass what kind of object: client, domain, mailname, dns_zone, ... (open set)
 * @param objectId    which object
 * @param user        the login that did it
 * @param host        the address it was done from
 */
public record PleskEvent(long id, String type, Instant time, String objectClass, String objectId, String user,
                         String host) {

    /**
     * {@return this entry in the vendor-neutral form: {@code action} = type, {@code objectType} =
     * class, {@code objectId} = obj_id, {@code actor} = user, {@code sourceAddress} = host; the id as
     * text}
     */
    public AuditEvent toAuditEvent() {
        return new AuditEvent("plesk", Long.toString(id), time, user, host, type, objectClass, objectId, null, Map.of());
    }
}
