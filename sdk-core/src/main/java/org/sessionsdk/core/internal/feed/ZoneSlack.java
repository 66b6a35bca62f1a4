package org.sessionsdk.core.internal.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * How far an offset-less local time of a server's zone may be read wrong near a daylight-saving
 * transition. In the repeated autumn hour {@code LocalDateTime.atZone} picks the earlier offset, so
 * a time of the second pass reads one transition (usually an hour) earlier than it happened; a feed
 * widens its window by this much so such a session is not cut off as too old.
 */
final class ZoneSlack {
    /** Transitions this close to the window still count: a poll may come long after the previous one. */
    private static final Duration MARGIN = Duration.ofDays(1);

    private ZoneSlack() {
    }

    /**
     * The largest transition of {@code zone} near {@code [from, to]}.
     *
     * @param zone the server's zone
     * @param from the window's start
     * @param to   the window's end
     * @return the largest offset change within a day of the window, zero when there is none
     */
    static Duration around(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return Duration.ZERO;
        }
        Duration slack = Duration.ZERO;
        Instant end = to.plus(MARGIN);
        for (ZoneOffsetTransition t = rules.nextTransition(from.minus(MARGIN));
                t != null && !t.getInstant().isAfter(end); t = rules.nextTransition(t.getInstant())) {
            Duration size = t.getDuration().abs();
            if (size.compareTo(slack) > 0) {
                slack = size;
            }
        }
        return slack;
    }
}
