package org.sessionsdk.ekran;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sessionsdk.core.session.SessionRecord;

/**
 * One Ekran session as {@code GET /ekranapi/sessions} returns it.
 *
 * <p>Ekran clips the dates to the window that was asked for: a session that began before the
 * query's start reports its first activity after the start as {@code loginDate}, and one that ended
 * after the query's end reports its last activity before the end as {@code logoutDate}.
 *
 * @param sessionId  Ekran's session id
 * @param userId     Ekran's user id
 * @param clientGuid the GUID of the Ekran Client (the monitored computer), or null
 * @param loginDate  when the session started (clipped to the window), or null if not sent
 * @param logoutDate when it ended (clipped to the window); null while the session is open
 */
public record EkranSession(int sessionId, int userId, String clientGuid, OffsetDateTime loginDate,
                           OffsetDateTime logoutDate) {

    /** {@return whether the session is still open (no logout date)} */
    public boolean open() {
        return logoutDate == null;
    }

    /**
     * This session in the vendor-neutral form: target is the client GUID, user the user id.
     *
     * @param serverZone the server's zone, {@link EkranClient#serverZone()}; not needed here (the dates
     *                   were placed in it when they were read and carry their offset), taken so every
     *                   vendor's record converts the same way
     * @return the vendor-neutral record
     */
    public SessionRecord toSessionRecord(ZoneId serverZone) {
        Objects.requireNonNull(serverZone, "serverZone");
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("userId", Integer.toString(userId));
        if (clientGuid != null) {
            attributes.put("clientGuid", clientGuid);
        }
        return new SessionRecord("ekran", Integer.toString(sessionId), Integer.toString(userId), null, clientGuid,
                null, loginDate == null ? null : loginDate.toInstant(),
                logoutDate == null ? null : logoutDate.toInstant(), null, attributes);
    }
}
