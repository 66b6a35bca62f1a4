package org.sessionsdk.core.session;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One session in the vendor-neutral view: who, from where, to what, when. Times are instants,
 * converted with each client's server zone where the vendor sends none.
 *
 * @param vendor        {@code plesk}, {@code ekran}, {@code saymon} or {@code senhasegura}
 * @param id            the vendor's session id
 * @param user          login or user id, as the vendor names the user
 * @param sourceAddress where the user connected from, or null
 * @param target        what the session was opened on (panel host, device), or null
 * @param protocol      {@code https}, {@code ssh}, {@code rdp}, ... or null
 * @param start         when the session began, or null if unknown
 * @param end           when it ended; null while open
 * @param lastActivity  last activity seen, or null
 * @param attributes    the vendor's fields that have no column here
 */
public record SessionRecord(String vendor, String id, String user, String sourceAddress, String target,
                            String protocol, Instant start, Instant end, Instant lastActivity,
                            Map<String, String> attributes) {

    /**
     * Checks the required parts and copies the attributes, so the record is immutable.
     *
     * @param vendor        {@code plesk}, {@code ekran}, {@code saymon} or {@code senhasegura}; required
     * @param id            the vendor's session id; required
     * @param user          login or user id, as the vendor names the user
     * @param sourceAddress where the user connected from, or null
     * @param target        what the session was opened on (panel host, device), or null
     * @param protocol      {@code https}, {@code ssh}, {@code rdp}, ... or null
     * @param start         when the session began, or null if unknown
     * @param end           when it ended; null while open
     * @param lastActivity  last activity seen, or null
     * @param attributes    the vendor's fields that have no column here; null for none; kept sorted by
     *                      name, so every serialized form has one order
     * @throws NullPointerException if {@code vendor} or {@code id} is null
     */
    public SessionRecord {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(id, "id");
        attributes = org.sessionsdk.core.internal.Attributes.sortedCopy(attributes);
    }

    /** {@return whether the session is still open (no end)} */
    public boolean open() {
        return end == null;
    }
}
