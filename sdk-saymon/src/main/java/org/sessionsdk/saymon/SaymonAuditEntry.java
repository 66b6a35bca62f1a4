package org.sessionsdk.saymon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sessionsdk.core.audit.AuditEvent;

/**
 * One record of a SAYMON user's audit log ({@code GET /node/api/users/{id}/audit-log}):
 * {@code {entityId, entityType, kind, newBody, oldBody, timestamp, userId}}. The wire sends the time
 * as epoch milliseconds and the bodies as any JSON value, kept here as compact JSON text.
 *
 * <p>The records carry no id, so {@link #id()} is derived (see {@link #deriveId}): the same entry read
 * twice, on two pages or on two days, has the same id.
 *
 * @param id         the derived id, {@link #deriveId}
 * @param userId     who acted: the record's {@code userId}, or the id of the user whose log it is
 * @param login      that user's login when the user list was read ({@link SaymonAuditQuery} without a
 *                   user id); null when one user's log was read by id, or when the list showed the login
 *                   masked ({@code loginMasked})
 * @param loginMasked whether the user list showed this user's login masked ({@code exampl******}, for a
 *                   client without the {@code manage-users} permission): the login is then unknown
 * @param timestamp  when, or null if not sent
 * @param entityType the kind of object acted on, or null
 * @param entityId   the object's id, or null
 * @param kind       what was done, or null
 * @param newBody    the object after the change, as JSON text; null when absent or JSON null
 * @param oldBody    the object before the change, as JSON text; null when absent or JSON null
 */
public record SaymonAuditEntry(String id, String userId, String login, Instant timestamp, String entityType,
                               String entityId, String kind, String newBody, String oldBody, boolean loginMasked) {

    /** The attribute that marks an entry whose actor is the user id because the login came masked. */
    static final String LOGIN_MASKED = "loginMasked";

    /**
     * An entry whose login, if any, was not masked.
     *
     * @param id         the derived id
     * @param userId     who acted
     * @param login      that user's login, or null
     * @param timestamp  when, or null
     * @param entityType the kind of object acted on, or null
     * @param entityId   the object's id, or null
     * @param kind       what was done, or null
     * @param newBody    the object after the change, as JSON text, or null
     * @param oldBody    the object before the change, as JSON text, or null
     */
    public SaymonAuditEntry(String id, String userId, String login, Instant timestamp, String entityType,
                            String entityId, String kind, String newBody, String oldBody) {
        this(id, userId, login, timestamp, entityType, entityId, kind, newBody, oldBody, false);
    }

    /**
     * The id of an audit record, stable across reads:
     * {@code <userId>-<timestamp in epoch ms>-<16 hex digits>}, the hex digits being the start of the
     * SHA-256 of {@code entityType}, {@code entityId}, {@code kind}, {@code newBody} and
     * {@code oldBody} (each written as its length and text, {@code -1} for null, so no two tuples
     * share an input). The bodies are hashed as the parser re-writes them (compact), so spacing on the
     * wire does not change the id. Two records alike in all seven fields (the same change logged
     * twice in the same millisecond) cannot be told apart and get one id: both are returned when they
     * come on one page, but one that straddles a page boundary is taken for a repeat and returned once.
     *
     * @param userId     the user's id, or null
     * @param timestamp  the time, or null
     * @param entityType the object kind, or null
     * @param entityId   the object id, or null
     * @param kind       the action, or null
     * @param newBody    the new body as compact JSON text, or null
     * @param oldBody    the old body as compact JSON text, or null
     * @return the id
     */
    public static String deriveId(String userId, Instant timestamp, String entityType, String entityId, String kind,
                                  String newBody, String oldBody) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        for (String part : new String[] {entityType, entityId, kind, newBody, oldBody}) {
            String field = part == null ? "-1:" : part.length() + ":" + part;
            sha.update(field.getBytes(StandardCharsets.UTF_8));
        }
        String hash = HexFormat.of().formatHex(sha.digest(), 0, 8);
        return userId + "-" + (timestamp == null ? "null" : Long.toString(timestamp.toEpochMilli())) + "-" + hash;
    }

    /** The user id a {@link #deriveId derived id} begins with: all before its last two dashes. */
    static String userIdOf(String id) {
        int hash = id.lastIndexOf('-');
        int time = hash <= 0 ? -1 : id.lastIndexOf('-', hash - 1);
        return time < 0 ? id : id.substring(0, time);
    }

    /**
     * This entry in the vendor-neutral form: actor = login (the user id when unknown or masked), action =
     * {@code kind}, object = {@code entityType}/{@code entityId}, time = {@code timestamp}; the
     * attributes hold {@code userId}, {@code newBody}/{@code oldBody} as JSON text when sent, and
     * {@code loginMasked=true} when the actor is the user id because the user list masked the login.
     *
     * @return the vendor-neutral event
     */
    public AuditEvent toAuditEvent() {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (userId != null) {
            attributes.put("userId", userId);
        }
        if (newBody != null) {
            attributes.put("newBody", newBody);
        }
        if (oldBody != null) {
            attributes.put("oldBody", oldBody);
        }
        if (loginMasked) {
            attributes.put(LOGIN_MASKED, "true");
        }
        return new AuditEvent("saymon", id, timestamp, login != null ? login : userId, null, kind, entityType,
                entityId, null, attributes);
    }
}
