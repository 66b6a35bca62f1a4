package org.sessionsdk.plesk.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.sessionsdk.core.error.ResponseFormatException;

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
        LocalDateTime fast = plain(t);
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

    /**
     * The form Plesk sends, {@code uuuu-MM-ddTHH:mm:ss} with nothing after, read without a formatter
     * (a formatter's parse costs several times more, and a list of sessions has two dates each); null
     * for any other form, which the formatter then reads or refuses.
     */
    static LocalDateTime plain(String t) {
        if (t.length() != 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException outOfRange) {
            return null; // e.g. 2026-02-30: the formatter reports it
        }
    }

    /** The decimal number in {@code t[from, from + n)}, or -1 if a character is not a digit. */
    private static int digits(String t, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public static Instant unixSeconds(long seconds) {
        try {
            return Instant.ofEpochSecond(seconds);
        } catch (DateTimeException e) { // beyond the year 1000000000: not a time a panel logged
            throw new ResponseFormatException("Unix seconds in <time>", String.valueOf(seconds), "Plesk event");
        }
    }
}
