package org.sessionsdk.plesk.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.internal.time.WireTimes;

/** Plesk's time forms: offset-less xsd:dateTime for sessions, Unix seconds for events. */
public final class PleskTimes {
    private PleskTimes() {
    }

    /**
     * {@code 2007-02-20T05:21:00} as sent. Should a server add an offset, the time is moved to the
     * configured server zone so the value still means the panel's local time.
     */
    public static LocalDateTime localDateTime(String text, ZoneId serverZone, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        LocalDateTime fast = WireTimes.localDateTime(t, 'T');
        if (fast != null) {
            return fast;
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(t, OffsetDateTime::from,
                    LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt.atZoneSameInstant(serverZone).toLocalDateTime();
            }
            return (LocalDateTime) parsed;
        } catch (DateTimeException e) { // unparseable, or out of range once moved to the server zone
            throw new ResponseFormatException("an xsd:dateTime in <" + field + ">", "\"" + t + "\"", "Plesk session");
        }
    }

    public static Instant unixSeconds(long seconds) {
        try {
            return Instant.ofEpochSecond(seconds);
        } catch (DateTimeException e) { // beyond the year 1000000000: not a time a panel logged
            throw new ResponseFormatException("Unix seconds in <time>", String.valueOf(seconds), "Plesk event");
        }
    }
}
