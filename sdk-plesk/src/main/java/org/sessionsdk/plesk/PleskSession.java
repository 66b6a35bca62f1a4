package org.sessionsdk.plesk;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sessionsdk.core.internal.time.LocalTimes;
import org.sessionsdk.core.session.SessionRecord;

/**
 * An open control-panel session, as {@code session/get} reports it. Times are as Plesk sends them,
 * without an offset; the client's {@code serverZone} turns them into instants in the unified view.
 *
 * @param id        the session id, for {@code sessions().terminate(id)}
 * @param type      who holds it: admin, client, reseller, domain-admin, mail-user, or a newer value
 * @param ipAddress where the user connected from
 * @param login     the user's login
 * @param loginTime when the session started
 * @param idle      when the user last did something
 */
public record PleskSession(String id, String type, String ipAddress, String login, LocalDateTime loginTime,
                           LocalDateTime idle) {

    /** {@return always true: {@code session/get} reports only open sessions} */
    public boolean open() {
        return true;
    }

    /**
     * This session in the unified view: start = login time, last activity = idle, source = the user's
     * address, protocol https; still open, so no end. The record does not know the panel, so the
     * target is null here; {@link PleskClient#sessionRecords} sets it to the panel's host.
     *
     * @param serverZone the panel's zone, to place its offset-less times; {@link PleskClient#serverZone()}
     * @return the vendor-neutral record
     */
    public SessionRecord toSessionRecord(ZoneId serverZone) {
        return toSessionRecord(serverZone, null);
    }

    SessionRecord toSessionRecord(ZoneId serverZone, String panelHost) {
        Objects.requireNonNull(serverZone, "serverZone");
        Map<String, String> attrs = new LinkedHashMap<>();
        if (type != null) {
            attrs.put("type", type);
        }
        LocalTimes.mark(attrs, serverZone, "start", loginTime);
        return new SessionRecord("plesk", id, login, ipAddress, panelHost, "https",
                loginTime == null ? null : loginTime.atZone(serverZone).toInstant(), null,
                idle == null ? null : idle.atZone(serverZone).toInstant(), attrs);
    }
}
