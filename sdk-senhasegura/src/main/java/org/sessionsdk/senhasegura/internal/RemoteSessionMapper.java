package org.sessionsdk.senhasegura.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sessionsdk.core.internal.json.JsonObject;
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
    /** {@code HH:MM:SS} with any number of hours. */
    private static final Pattern ELAPSED = Pattern.compile("(\\d+):([0-5]?\\d):([0-5]?\\d)");

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
        return LocalDateTime.parse(s.trim(), WIRE_TIME);
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
        Matcher m = ELAPSED.matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not HH:MM:SS");
        }
        return Duration.ofHours(Long.parseLong(m.group(1)))
                .plusMinutes(Integer.parseInt(m.group(2)))
                .plusSeconds(Integer.parseInt(m.group(3)));
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
