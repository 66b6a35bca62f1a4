package org.sessionsdk.ekran;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One Ekran session with its times, as {@code POST /ekranapi/sessions} returns it.
 *
 * <p>Dates are clipped to the window asked for, as with {@link EkranSession}. The durations come as
 * .NET {@code TimeSpan} text ({@code 20:20:40.0020000}, {@code 1.02:03:04.5}) and are read exactly, to the
 * 100 ns tick. The vendor's page shows {@code duration}; the other names are assumed (see the
 * module's README), and fields this record does not know are kept in {@link #otherFields()}.
 *
 * @param sessionId      Ekran's session id ({@code sessionId})
 * @param userId         Ekran's user id ({@code userId}), or null if not sent
 * @param clientGuid     the GUID of the Ekran Client ({@code clientGuid}), or null
 * @param loginDate      when the session started, clipped to the window ({@code loginDate}), or null
 * @param logoutDate     when it ended, clipped to the window ({@code logoutDate}); null while open
 * @param duration       how long it lasted ({@code duration}), or null if not sent
 * @param productiveTime the active time in it ({@code productiveTime}), or null if not sent
 * @param idleTime       the idle time in it ({@code idleTime}), or null if not sent
 * @param otherFields    the other scalar fields of the answer, as their wire text; unmodifiable
 */
public record EkranSessionDetail(int sessionId, Integer userId, String clientGuid, OffsetDateTime loginDate,
                                 OffsetDateTime logoutDate, Duration duration, Duration productiveTime,
                                 Duration idleTime, Map<String, String> otherFields) {
    /**
     * Copies the other fields, so the record is immutable.
     *
     * @param sessionId      Ekran's session id
     * @param userId         Ekran's user id, or null
     * @param clientGuid     the Client's GUID, or null
     * @param loginDate      the (clipped) start, or null
     * @param logoutDate     the (clipped) end; null while open
     * @param duration       the duration, or null
     * @param productiveTime the productive time, or null
     * @param idleTime       the idle time, or null
     * @param otherFields    the other scalar fields, sorted by name; null for none
     */
    public EkranSessionDetail {
        otherFields = org.sessionsdk.core.internal.Attributes.sortedCopy(otherFields);
    }
}
