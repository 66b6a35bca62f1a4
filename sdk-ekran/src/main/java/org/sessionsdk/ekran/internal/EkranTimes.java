package org.sessionsdk.ekran.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.sessionsdk.core.internal.json.JsonObject;
import org.sessionsdk.core.internal.time.WireTimes;

/**
 * Ekran's time formats: query bounds are offset-less local times in the server's zone
 * ({@code 2021-04-01T12:00:00}); response dates carry an offset ({@code 2000-01-23T04:56:07.000+00:00});
 * durations are .NET {@code TimeSpan} text ({@code 20:20:40.0020000}, {@code -1.02:03:04.5}).
 *
 * <p>SDK-internal.
 */
public final class EkranTimes {
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private EkranTimes() {
    }

    /**
     * {@return a range's start as a query bound ({@link #bound}, rounded down), or null when it has none}
     *
     * @param range      the range
     * @param serverZone the zone the server reads local times in
     */
    public static String from(org.sessionsdk.core.session.TimeRange range, ZoneId serverZone) {
        return range.from() == null ? null : bound(range.from(), serverZone, false);
    }

    /**
     * {@return a range's end as a query bound ({@link #bound}, rounded up), or null when it has none}
     *
     * @param range      the range
     * @param serverZone the zone the server reads local times in
     */
    public static String to(org.sessionsdk.core.session.TimeRange range, ZoneId serverZone) {
        return range.to() == null ? null : bound(range.to(), serverZone, true);
    }

    /** A query bound in the server zone, whole seconds: rounded down, or up when {@code roundUp}. */
    public static String bound(Instant t, ZoneId serverZone, boolean roundUp) {
        Instant whole = t.truncatedTo(ChronoUnit.SECONDS);
        if (roundUp && whole.isBefore(t)) {
            whole = whole.plusSeconds(1);
        }
        return LocalDateTime.ofInstant(whole, serverZone).format(BOUND);
    }

    /**
     * A response date: ISO-8601 with an offset; one without an offset is read in the server zone.
     * Null when absent or null.
     */
    public static OffsetDateTime date(JsonObject o, String field, ZoneId serverZone) {
        String s = o.string(field);
        if (s == null) {
            return null;
        }
        try {
            return WireTimes.isoDateTime(s, serverZone);
        } catch (DateTimeParseException e) {
            String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
            throw o.mismatch(field, "an ISO-8601 date-time", "\"" + shown + "\"");
        }
    }

    /**
     * A duration as .NET writes a {@code TimeSpan} ("c" format): {@code [-][d.]hh:mm:ss[.fffffff]}, hours
     * 0-23, minutes and seconds 0-59, up to seven fraction digits (100 ns ticks), read exactly. Null when
     * absent or null.
     */
    public static Duration timeSpan(JsonObject o, String field) {
        String s = o.string(field);
        if (s == null) {
            return null;
        }
        Duration d = parseTimeSpan(s);
        if (d == null) {
            String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
            throw o.mismatch(field, "a .NET TimeSpan ([-][d.]hh:mm:ss[.fffffff])", "\"" + shown + "\"");
        }
        return d;
    }

    /** The duration of a .NET {@code TimeSpan} text, or null when the text is not one. */
    public static Duration parseTimeSpan(String text) {
        String s = text.strip();
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        int firstColon = s.indexOf(':');
        if (firstColon < 0) {
            return null;
        }
        long days = 0;
        int dot = s.lastIndexOf('.', firstColon);
        if (dot >= 0) {
            days = digits(s, 0, dot, 1, 8);
            s = s.substring(dot + 1);
            firstColon -= dot + 1;
        }
        // hh:mm:ss[.fffffff]
        if (days < 0 || s.length() < 8 || firstColon != 2 || s.charAt(5) != ':') {
            return null;
        }
        long h = digits(s, 0, 2, 2, 2);
        long m = digits(s, 3, 5, 2, 2);
        long sec = digits(s, 6, 8, 2, 2);
        long ticks = 0;
        if (s.length() > 8) {
            if (s.charAt(8) != '.') {
                return null;
            }
            ticks = digits(s, 9, s.length(), 1, 7);
            if (ticks < 0) {
                return null;
            }
            for (int n = s.length() - 9; n < 7; n++) {
                ticks *= 10;
            }
        }
        if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) {
            return null;
        }
        Duration d = Duration.ofSeconds(((days * 24 + h) * 60 + m) * 60 + sec, ticks * 100);
        return negative ? d.negated() : d;
    }

    /** The number in {@code s[from, to)} of {@code min} to {@code max} ASCII digits, or -1. */
    private static long digits(String s, int from, int to, int min, int max) {
        int n = to - from;
        if (n < min || n > max) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
