package org.sessionsdk.senhasegura.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.sessionsdk.core.internal.json.JsonObject;
import org.sessionsdk.core.internal.time.WireTimes;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/** Reads one element of {@code remote_sessions} into a {@link SenhaseguraSession}. */
public final class RemoteSessionMapper {
    /** {@code 2024-05-06 16:05:07}; a {@code T} instead of the space and fractions are tolerated. */
    private static final DateTimeFormatter WIRE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private RemoteSessionMapper() {
    }

    public static SenhaseguraSession map(JsonObject o) {
        return new SenhaseguraSession(
                o.requiredString("id"),
                o.string("user"),
                o.string("origin_ip"),
                o.string("credential"),
                o.string("device"),
                o.string("protocol"),
                o.string("proxy"),
                o.string("session_id"),
                dateTime(o, "start"),
                dateTime(o, "end"),
                duration(o, "time"),
                yes(o.string("prevent_purge")),
                o.string("request"),
                o.has("ITSM") ? o.string("ITSM") : o.string("itsm"));
    }

    static LocalDateTime dateTime(JsonObject o, String field) {
        String s = o.string(field);
        try {
            return parseDateTime(s);
        } catch (DateTimeParseException e) {
            throw o.mismatch(field, "a date and time yyyy-MM-dd HH:mm:ss", quote(s));
        }
    }

    static Duration duration(JsonObject o, String field) {
        String s = o.string(field);
        try {
            return parseDuration(s);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw o.mismatch(field, "a duration HH:MM:SS", quote(s));
        }
    }

    /**
     * A wire date and time; null for empty, null and the database's zero date (a live session has no
     * end).
     *
     * @throws DateTimeParseException when the text is none of the accepted forms
     */
    public static LocalDateTime parseDateTime(String s) {
        if (s == null || s.isBlank() || s.startsWith("0000-00-00")) {
            return null;
        }
        String t = s.trim();
        LocalDateTime fast = WireTimes.localDateTime(t, ' ');
        return fast != null ? fast : LocalDateTime.parse(t, WIRE_TIME);
    }

    /**
     * {@code HH:MM:SS} with any number of hours; null for empty or null.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static Duration parseDuration(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        // by hand rather than with a regex: this runs for every record of a list
        String t = s.trim();
        int a = t.indexOf(':');
        int b = a < 0 ? -1 : t.indexOf(':', a + 1);
        if (a < 1 || b < 0 || t.indexOf(':', b + 1) >= 0) {
            throw new IllegalArgumentException("not HH:MM:SS");
        }
        for (int i = 0; i < a; i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                throw new IllegalArgumentException("not HH:MM:SS");
            }
        }
        return Duration.ofHours(Long.parseLong(t, 0, a, 10))
                .plusMinutes(sixtieth(t, a + 1, b))
                .plusSeconds(sixtieth(t, b + 1, t.length()));
    }

    /** Minutes or seconds: one digit, or two of which the first is 0 to 5. */
    private static int sixtieth(String t, int from, int to) {
        int n = to - from;
        char first = n >= 1 ? t.charAt(from) : 'x';
        char last = n >= 1 ? t.charAt(to - 1) : 'x';
        if (n < 1 || n > 2 || last < '0' || last > '9' || (n == 2 && (first < '0' || first > '5'))) {
            throw new IllegalArgumentException("not HH:MM:SS");
        }
        return n == 1 ? last - '0' : (first - '0') * 10 + (last - '0');
    }

    /** "Yes" (also "Sim", "true", "1"); anything else, absent included, is no. */
    public static boolean yes(String s) {
        if (s == null) {
            return false;
        }
        String v = s.trim().toLowerCase(Locale.ROOT);
        return v.equals("yes") || v.equals("y") || v.equals("sim") || v.equals("s") || v.equals("true") || v.equals("1");
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
}
