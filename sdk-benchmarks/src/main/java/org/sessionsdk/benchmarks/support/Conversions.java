package org.sessionsdk.benchmarks.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value conversions the vendor modules apply (ISO dates with offsets, epoch millis, senhasegura's
 * {@code yyyy-MM-dd HH:mm:ss} and {@code HH:MM:SS}), written the same way for the baselines so that
 * the benchmarks compare the parsing strategy, not the date code.
 */
public final class Conversions {
    private static final DateTimeFormatter SENHA_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final Pattern ELAPSED = Pattern.compile("(\\d+):([0-5]?\\d):([0-5]?\\d)");

    private Conversions() {
    }

    /** Ekran: ISO-8601 with an offset; without one, read in UTC (the client's default zone). */
    public static OffsetDateTime ekranDate(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException withoutOffset) {
            return LocalDateTime.parse(s).atOffset(ZoneOffset.UTC);
        }
    }

    public static Instant millis(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    /** senhasegura: empty, null and the zero date mean none. */
    public static LocalDateTime senhaDate(String s) {
        if (s == null || s.isBlank() || s.startsWith("0000-00-00")) {
            return null;
        }
        return LocalDateTime.parse(s.trim(), SENHA_TIME);
    }

    public static Duration senhaDuration(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Matcher m = ELAPSED.matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not HH:MM:SS: " + s);
        }
        return Duration.ofHours(Long.parseLong(m.group(1)))
                .plusMinutes(Integer.parseInt(m.group(2)))
                .plusSeconds(Integer.parseInt(m.group(3)));
    }

    public static boolean yes(String s) {
        if (s == null) {
            return false;
        }
        String v = s.trim().toLowerCase(Locale.ROOT);
        return v.equals("yes") || v.equals("y") || v.equals("sim") || v.equals("s") || v.equals("true") || v.equals("1");
    }
}
