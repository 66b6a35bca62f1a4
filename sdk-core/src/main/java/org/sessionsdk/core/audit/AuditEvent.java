package org.sessionsdk.core.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a vendor's action, alert or audit log in the vendor-neutral view: who did what to
 * which object, when, from where. The counterpart of {@link org.sessionsdk.core.session.SessionRecord}
 * for audit logs.
 *
 * @param vendor        {@code plesk}, {@code ekran} or {@code saymon}
 * @param id            the entry's id in the vendor's log
 * @param time          when it happened, or null if the vendor did not say
 * @param actor         who did it (login or user id, as the vendor names users), or null
 * @param sourceAddress where the actor connected from, or null
 * @param action        what was done ({@code created}, {@code updated}, an alert's name, ...), or null
 * @param objectType    the kind of object acted on ({@code domain}, {@code object}, ...), or null
 * @param objectId      the object's id, or null
 * @param message       a human-readable description, or null
 * @param attributes    the vendor's fields that have no column here
 */
public record AuditEvent(String vendor, String id, Instant time, String actor, String sourceAddress,
                         String action, String objectType, String objectId, String message,
                         Map<String, String> attributes) {

    /**
     * Checks the required parts and copies the attributes, so the event is immutable.
     *
     * @param vendor        {@code plesk}, {@code ekran} or {@code saymon}; required
     * @param id            the entry's id in the vendor's log; required
     * @param time          when it happened, or null if the vendor did not say
     * @param actor         who did it, or null
     * @param sourceAddress where the actor connected from, or null
     * @param action        what was done, or null
     * @param objectType    the kind of object acted on, or null
     * @param objectId      the object's id, or null
     * @param message       a human-readable description, or null
     * @param attributes    the vendor's fields that have no column here; null for none; kept sorted by
     *                      name, so every serialized form has one order
     * @throws NullPointerException if {@code vendor} or {@code id} is null
     */
    public AuditEvent {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(id, "id");
        attributes = org.sessionsdk.core.internal.Attributes.sortedCopy(attributes);
    }
}
