package org.sessionsdk.ekran;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.internal.JsonSupport;

/**
 * One alert event as {@code GET /ekranapi/alerts} returns it.
 *
 * <p>Ekran does not document the fields of an alert. Every field of the answer is kept, as sent, in
 * {@link #fields()}; the few typed here are read from the names the SDK assumes (see the module's
 * README) and are null when the answer has no such field. Only {@code activityId}, the position the
 * {@code afterActivityId} cursor walks, is required.
 *
 * @param activityId  the alert event's activity id ({@code activityId}), as its wire text
 * @param date        when it happened ({@code date}), or null
 * @param alertName   the name of the alert rule that fired ({@code alertName}), or null
 * @param userName    the user whose activity fired it ({@code userName}), or null
 * @param description the alert's description ({@code description}), or null
 * @param fields      every field of the alert in wire order, as raw JSON values: {@link String},
 *                    {@link Long} / {@link java.math.BigInteger} / {@link java.math.BigDecimal},
 *                    {@link Boolean}, {@code null}, {@code Map<String, Object>} and {@code List<Object>}
 *                    of the same; unmodifiable
 */
public record EkranAlert(String activityId, OffsetDateTime date, String alertName, String userName,
                         String description, Map<String, Object> fields) {
    /** The wire names of the typed fields. */
    static final Set<String> TYPED = Set.of("activityId", "date", "alertName", "userName", "description");

    /**
     * Checks the id and copies the fields, so the alert is immutable.
     *
     * @param activityId  the alert event's activity id; required
     * @param date        when it happened, or null
     * @param alertName   the alert rule's name, or null
     * @param userName    the user, or null
     * @param description the description, or null
     * @param fields      every field as raw JSON values; null for none
     * @throws NullPointerException if {@code activityId} is null
     */
    public EkranAlert {
        Objects.requireNonNull(activityId, "activityId");
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * This alert in the vendor-neutral form: id the activity id, time the date, actor the user name,
     * action the alert's name, message its description; every other non-null field is an attribute,
     * scalars as their text and objects or arrays as compact JSON.
     *
     * @return the audit event
     */
    public AuditEvent toAuditEvent() {
        Map<String, String> attributes = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value != null && !TYPED.contains(name)) {
                attributes.put(name, value instanceof Map || value instanceof Iterable
                        ? JsonSupport.toJson(value) : value.toString());
            }
        });
        return new AuditEvent("ekran", activityId, date == null ? null : date.toInstant(), userName, null,
                alertName, null, null, description, attributes);
    }
}
