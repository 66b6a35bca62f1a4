package org.sessionsdk.saymon;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sessionsdk.core.session.SessionRecord;

/**
 * One record of SAYMON's users' session log ({@code GET /node/api/users/session/log}). The wire
 * sends times as epoch milliseconds.
 *
 * @param id        the record's id (24 hex digits)
 * @param userId    the user's id, or null
 * @param login     the user's login, or null
 * @param startTime when the session began, or null if not sent
 * @param endTime   when it ended; null while the session is open
 * @param expiredAt when it will expire (or expired) for inactivity, or null
 */
public record SaymonSession(String id, String userId, String login, Instant startTime, Instant endTime,
                            Instant expiredAt) {

    /** {@return whether the session is still open (no end time)} */
    public boolean open() {
        return endTime == null;
    }

    /**
     * This record in the vendor-neutral form: user is the login (the user id when there is none).
     *
     * @param serverZone the server's zone, {@link SaymonClient#serverZone()}; not needed here (SAYMON
     *                   sends epoch milliseconds), taken so every vendor's record converts the same way
     * @return the vendor-neutral record
     */
    public SessionRecord toSessionRecord(ZoneId serverZone) {
        Objects.requireNonNull(serverZone, "serverZone");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (userId != null) {
            attributes.put("userId", userId);
        }
        if (expiredAt != null) {
            attributes.put("expiredAt", expiredAt.toString());
        }
        return new SessionRecord("saymon", id, login != null ? login : userId, null, null, null, startTime,
                endTime, null, attributes);
    }
}
