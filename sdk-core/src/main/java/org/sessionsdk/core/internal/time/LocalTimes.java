package org.sessionsdk.core.internal.time;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * Marks the times a vendor wrote without an offset that its server's zone cannot place for sure: a
 * local time of the hour repeated when the clocks go back names two instants, and the SDK reads the
 * first ({@code LocalDateTime.atZone} keeps the earlier offset). The record is still returned; the mark
 * ({@link #ATTRIBUTE}, listing {@code start} and/or {@code end}) lets the session feed report each such
 * reading as a gap of kind {@code AMBIGUOUS_LOCAL_TIME}, so a consumer knows the time may be an hour
 * early. A time of the skipped spring hour names no instant at all and is not marked: a server writes
 * none (its clock jumps over that hour).
 *
 * <p>SDK-internal.
 */
public final class LocalTimes {
    /** {@link org.sessionsdk.core.feed.FeedAttributes#AMBIGUOUS_LOCAL_TIME}. */
    public static final String ATTRIBUTE = org.sessionsdk.core.feed.FeedAttributes.AMBIGUOUS_LOCAL_TIME;

    private LocalTimes() {
    }

    /**
     * Adds a field to the mark when its local time is ambiguous in the zone.
     *
     * @param attrs the record's attributes, to add to
     * @param zone  the server's zone
     * @param field {@code start} or {@code end}
     * @param time  the local time, or null
     */
    public static void mark(Map<String, String> attrs, ZoneId zone, String field, LocalDateTime time) {
        if (time != null && !zone.getRules().isFixedOffset() && zone.getRules().getValidOffsets(time).size() > 1) {
            attrs.merge(ATTRIBUTE, field, (a, b) -> a + "," + b);
        }
    }
}
