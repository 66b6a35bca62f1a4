package org.sessionsdk.senhasegura;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sessionsdk.core.internal.time.LocalTimes;
import org.sessionsdk.core.session.SessionRecord;

/**
 * One proxy session registered in senhasegura, as the A2A API reports it.
 *
 * @param id           the numeric record id (sent as a string or a number), used by {@code get(id)}
 * @param user         the user who opened the session
 * @param originIp     the address the user connected from
 * @param credential   the credential the session used
 * @param device       the target, usually {@code host:port}
 * @param protocol     {@code ssh}, {@code rdp}, {@code https}, ...
 * @param proxy        the kind of proxy session, e.g. {@code Web Proxy}
 * @param sessionId    the 40-hex session hash, used by {@code terminate(sessionId)}
 * @param start        when it started, in the server's local time (the wire carries no zone)
 * @param end          when it ended, server local time; null while the session is open
 * @param duration     the {@code time} field ({@code HH:MM:SS}, hours may exceed 24), or null
 * @param preventPurge whether the session's data is kept from automatic deletion ({@code "Yes"})
 * @param request      the user's request text, or null
 * @param itsm         the ITSM ticket code, or null
 */
public record SenhaseguraSession(String id, String user, String originIp, String credential, String device,
                            String protocol, String proxy, String sessionId, LocalDateTime start,
                            LocalDateTime end, Duration duration, boolean preventPurge, String request,
                            String itsm) {

    /**
     * {@return whether {@link #sessionId()} is shown masked, as the single-session answer's example has it
     * ({@code df06257a1****...9104dc43}): such a value ends no session, and the SDK never sends it}
     */
    public boolean sessionIdMasked() {
        return isMasked(sessionId);
    }

    /** Whether a {@code session_id} is masked: stars or an ellipsis stand for some of its characters. */
    static boolean isMasked(String sessionId) {
        return sessionId != null && (sessionId.indexOf('*') >= 0 || sessionId.contains("...")
                || sessionId.indexOf('\u2026') >= 0);
    }

    /** {@return whether the session is still open (no end time)} */
    public boolean open() {
        return end == null;
    }

    /**
     * The vendor-neutral view, reading {@code start}/{@code end} in {@code serverZone}.
     *
     * @param serverZone the zone the server writes its offset-less times in; {@link SenhaseguraClient#serverZone()}
     * @return the record; the fields without a column go to its attributes
     */
    public SessionRecord toSessionRecord(ZoneId serverZone) {
        Objects.requireNonNull(serverZone, "serverZone");
        Map<String, String> attrs = new LinkedHashMap<>();
        putIfSet(attrs, "session_id", sessionId);
        putIfSet(attrs, "credential", credential);
        putIfSet(attrs, "proxy", proxy);
        putIfSet(attrs, "time", duration == null ? null : duration.toString());
        attrs.put("prevent_purge", preventPurge ? "Yes" : "No");
        putIfSet(attrs, "request", request);
        putIfSet(attrs, "ITSM", itsm);
        LocalTimes.mark(attrs, serverZone, "start", start);
        LocalTimes.mark(attrs, serverZone, "end", end);
        return new SessionRecord("senhasegura", id, user, originIp, device, protocol,
                start == null ? null : start.atZone(serverZone).toInstant(),
                end == null ? null : end.atZone(serverZone).toInstant(), null, attrs);
    }

    private static void putIfSet(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
