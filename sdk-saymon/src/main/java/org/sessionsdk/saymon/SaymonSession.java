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
     * Whether the session expired for inactivity by {@code now}: it has no {@code endTime} and its
     * {@code expiredAt} is at or before {@code now}. SAYMON moves {@code expiredAt} forward while a
     * session is used, so a passed one means the session is over even though no end was logged.
     *
     * @param now the instant to judge by
     * @return true if the session is over by expiry
     */
    public boolean expired(Instant now) {
        return endTime == null && expiredAt != null && !expiredAt.isAfter(now);
    }

    /**
     * This record in the vendor-neutral form, as sent: user is the login (the user id when there is
     * none), end is {@code endTime}. {@link SaymonClient#sessionRecords} and its feed use
     * {@link #toSessionRecord(ZoneId, Instant)}, which also ends an expired session.
     *
     * @param serverZone the server's zone, {@link SaymonClient#serverZone()}; not needed here (SAYMON
     *                   sends epoch milliseconds), taken so every vendor's record converts the same way
     * @return the vendor-neutral record
     */
    public SessionRecord toSessionRecord(ZoneId serverZone) {
        return toSessionRecord(serverZone, null);
    }

    /**
     * This record in the vendor-neutral form as of {@code now}: like {@link #toSessionRecord(ZoneId)},
     * except that a session {@linkplain #expired(Instant) expired} by then ends at its
     * {@code expiredAt} and carries the attribute {@value org.sessionsdk.core.feed.FeedAttributes#END_EXPIRED}{@code =true}. The
     * one rule behind both {@link SaymonClient#sessionRecords} and {@link SaymonClient#sessionFeed}.
     *
     * @param serverZone the server's zone, {@link SaymonClient#serverZone()}
     * @param now        the instant to judge expiry by, or null to take the record as sent
     * @return the vendor-neutral record
     */
    public SessionRecord toSessionRecord(ZoneId serverZone, Instant now) {
        Objects.requireNonNull(serverZone, "serverZone");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (userId != null) {
            attributes.put("userId", userId);
        }
        if (expiredAt != null) {
            attributes.put("expiredAt", expiredAt.toString());
        }
        Instant end = endTime;
        if (now != null && expired(now)) {
            end = expiredAt;
            attributes.put(org.sessionsdk.core.feed.FeedAttributes.END_EXPIRED, "true");
        }
        return new SessionRecord("saymon", id, login != null ? login : userId, null, null, null, startTime,
                end, null, attributes);
    }
}
