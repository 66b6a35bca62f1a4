package org.sessionsdk.core.internal.time;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the date-time forms vendors send most, {@code 2026-11-30T12:00:00}, {@code 2026-11-30 12:00:00},
 * {@code 2026-11-30T12:00:00.123+01:00}, without a {@code DateTimeFormatter}: a formatter's parse costs
 * several times more (it copies its field maps for every optional section), and list responses carry two
 * dates per record, so the dates were half of every parse. Each method returns null for any other form,
 * and for out-of-range values, so the caller's formatter still reads or refuses the rest with its own
 * message: nothing is accepted here that the formatter would refuse.
 *
 * <p>SDK-internal.
 */
public final class WireTimes {
    private WireTimes() {
    }

    /**
     * {@code uuuu-MM-dd<sep>HH:mm:ss} with an optional fraction of 1 to 9 digits and nothing after.
     *
     * @param t         the text, already trimmed
     * @param separator the character between date and time, {@code 'T'} or {@code ' '}
     * @return the date-time, or null when the text has another form or is out of range
     */
    public static LocalDateTime localDateTime(String t, char separator) {
        int end = localEnd(t, separator);
        return end == t.length() ? local(t, end) : null;
    }

    /**
     * A response's ISO-8601 date-time: with an offset as sent, without one read in {@code zone} (a
     * server's local time). The common forms go through {@link #offsetDateTime(String)}.
     *
     * @param t    the text, already trimmed
     * @param zone the zone of a time without an offset
     * @return the date-time
     * @throws DateTimeParseException if the text is no ISO-8601 date-time
     */
    public static OffsetDateTime isoDateTime(String t, ZoneId zone) {
        OffsetDateTime fast = offsetDateTime(t);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(t).atZone(zone).toOffsetDateTime();
        }
    }

    /**
     * ISO-8601 with an offset: {@code uuuu-MM-ddTHH:mm:ss[.fraction](Z|+HH:mm|-HH:mm)}.
     *
     * @param t the text, already trimmed
     * @return the date-time, or null when the text has another form or is out of range
     */
    public static OffsetDateTime offsetDateTime(String t) {
        int end = localEnd(t, 'T');
        if (end < 0 || end == t.length()) {
            return null;
        }
        ZoneOffset offset;
        int rest = t.length() - end;
        char sign = t.charAt(end);
        if (rest == 1 && (sign == 'Z' || sign == 'z')) {
            offset = ZoneOffset.UTC;
        } else if (rest == 6 && (sign == '+' || sign == '-') && t.charAt(end + 3) == ':') {
            int h = digits(t, end + 1, 2);
            int m = digits(t, end + 4, 2);
            if ((h | m) < 0 || h > 18 || m > 59) {
                return null;
            }
            int seconds = h * 3600 + m * 60;
            offset = zoneOffset(sign == '-' ? -seconds : seconds);
            if (offset == null) {
                return null;
            }
        } else {
            return null;
        }
        LocalDateTime local = local(t, end);
        return local == null ? null : OffsetDateTime.of(local, offset);
    }

    private static ZoneOffset zoneOffset(int seconds) {
        try {
            return ZoneOffset.ofTotalSeconds(seconds);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Where the local date-time (with its fraction) ends in {@code t}, or -1 if it does not start it. */
    private static int localEnd(String t, char separator) {
        if (t.length() < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != separator
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return -1;
        }
        int i = 19;
        if (i < t.length() && t.charAt(i) == '.') {
            i++;
            while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
            }
            int fraction = i - 20;
            if (fraction < 1 || fraction > 9) {
                return -1;
            }
        }
        return i;
    }

    private static LocalDateTime local(String t, int end) {
        if (end < 0) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int nanos = 0;
        if (end > 19) {
            int n = end - 20;
            nanos = digits(t, 20, n);
            for (int k = n; k < 9; k++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        } catch (DateTimeException outOfRange) {
            return null; // e.g. 2026-02-30: the caller's formatter reports it
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
}
