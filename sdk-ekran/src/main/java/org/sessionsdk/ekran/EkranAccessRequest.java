package org.sessionsdk.ekran;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.internal.JsonSupport;

/**
 * One processed endpoint access request as {@code GET /ekranapi/AccessRequests/GetEndpointAccessRequests}
 * returns it: a user asked for access to a monitored endpoint and someone approved or denied it.
 *
 * <p>Ekran's page names the call, its parameters and the {@code afterId} cursor, not the fields of a
 * request. Every field of the answer is kept, as sent, in {@link #fields()}; the few typed here are read
 * from names the SDK <b>assumes</b> (see the module's README) and are null when the answer has no such
 * field. Only {@code id}, the position the {@code afterId} cursor walks, is required.
 *
 * @param id            the request's id ({@code id}), as its wire text
 * @param userName      the user who asked for access ({@code userName}), or null
 * @param endpointName  the endpoint (computer) access was asked for ({@code endpointName}), or null
 * @param status        what became of it ({@code status}: {@code Approved}, {@code Denied}, ...), or null
 * @param requestDate   when it was asked ({@code requestDate}), or null
 * @param processedDate when it was approved or denied ({@code processedDate}), or null
 * @param processedBy   who approved or denied it ({@code processedBy}), or null
 * @param reason        the reason the user gave ({@code reason}), or null
 * @param fields        every field of the request in wire order, as raw JSON values (as
 *                      {@link EkranAlert#fields()}); unmodifiable
 */
public record EkranAccessRequest(String id, String userName, String endpointName, String status,
                                 OffsetDateTime requestDate, OffsetDateTime processedDate, String processedBy,
                                 String reason, Map<String, Object> fields) {
    /**
     * What an access request's audit-event id starts with: its own ids and the alerts' activity ids are
     * numbered apart, so an id alone cannot say which log it is from.
     */
    public static final String AUDIT_ID_PREFIX = "accessRequest:";

    /** The wire names that become columns of the audit event (the others become attributes). */
    static final Set<String> IN_COLUMNS = Set.of("id", "endpointName", "status", "processedDate", "processedBy");

    /**
     * Checks the id and copies the fields, so the request is immutable.
     *
     * @param id            the request's id; required
     * @param userName      the requesting user, or null
     * @param endpointName  the endpoint, or null
     * @param status        the outcome, or null
     * @param requestDate   when it was asked, or null
     * @param processedDate when it was processed, or null
     * @param processedBy   who processed it, or null
     * @param reason        the user's reason, or null
     * @param fields        every field as raw JSON values; null for none
     * @throws NullPointerException if {@code id} is null
     */
    public EkranAccessRequest {
        Objects.requireNonNull(id, "id");
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** {@return when this request was processed, or when it was asked if the answer has no processing date; null if neither} */
    public OffsetDateTime time() {
        return processedDate != null ? processedDate : requestDate;
    }

    /**
     * This request in the vendor-neutral form, as the decision it records: id {@value #AUDIT_ID_PREFIX}
     * and the request's id; time the processing date (else the request date); actor who processed it;
     * action the status in lower case ({@code approved}, {@code denied}); object type {@code endpoint},
     * object id the endpoint's name; message a sentence naming the user, the endpoint and the outcome.
     * Every other non-null field (the requesting {@code userName}, {@code requestDate}, {@code reason}, ...)
     * is an attribute, scalars as their text and objects or arrays as compact JSON.
     *
     * @return the audit event
     */
    public AuditEvent toAuditEvent() {
        Map<String, String> attributes = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value != null && !IN_COLUMNS.contains(name)) {
                attributes.put(name, value instanceof Map || value instanceof Iterable
                        ? JsonSupport.toJson(value) : value.toString());
            }
        });
        OffsetDateTime t = time();
        String action = status == null ? null : status.toLowerCase(Locale.ROOT);
        return new AuditEvent("ekran", AUDIT_ID_PREFIX + id, t == null ? null : t.toInstant(), processedBy, null,
                action, "endpoint", endpointName, message(), attributes);
    }

    private String message() {
        StringBuilder m = new StringBuilder("Access request ").append(id);
        if (userName != null) {
            m.append(" by ").append(userName);
        }
        if (endpointName != null) {
            m.append(" for ").append(endpointName);
        }
        if (status != null) {
            m.append(": ").append(status);
        }
        if (processedBy != null) {
            m.append(" by ").append(processedBy);
        }
        return m.toString();
    }
}
