package org.sessionsdk.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads every duration option: ISO-8601 ({@code PT30S}, {@code PT2M}) as before, or the short forms
 * people type ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h30m}, {@code 2d}).
 */
final class Durations implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

    @Override
    public Duration convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("p") || v.startsWith("-p")) {
            try {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration");
            }
        }
        Matcher m = SHORT.matcher(v);
        if (v.isEmpty() || !m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration");
        }
        Duration d = Duration.ZERO;
        long[] unitMillis = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
        try {
            for (int i = 0; i < unitMillis.length; i++) {
                String n = m.group(i + 1);
                if (n != null) {
                    d = d.plusMillis(Math.multiplyExact(Long.parseLong(n), unitMillis[i]));
                }
            }
        } catch (ArithmeticException | NumberFormatException tooLong) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too long a duration");
        }
        return d;
    }
}
