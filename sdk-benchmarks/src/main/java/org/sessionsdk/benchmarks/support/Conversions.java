package org.sessionsdk.benchmarks.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.sessionsdk.core.internal.time.WireTimes;
import org.sessionsdk.senhasegura.internal.RemoteSessionMapper;

/**
 * The value conversions the vendor modules apply (ISO dates with offsets, epoch millis, senhasegura's
 * {@code yyyy-MM-dd HH:mm:ss} and {@code HH:MM:SS}), written the same way for the baselines so that
 * the benchmarks compare the parsing strategy, not the date code.
 */
public final class Conversions {
    private Conversions() {
    }

    /**
     * Ekran: ISO-8601 with an offset; without one, read in UTC (the client's default zone). The common
     * form goes through the SDK's own formatter-free reader first, as the SDK does: a careful loop would
     * make the same choice (it is four times faster than {@code OffsetDateTime.parse}), and the ratio is
     * then about the parsing strategy, not about the date code.
     */
    public static OffsetDateTime ekranDate(String s) {
        if (s == null) {
            return null;
        }
        OffsetDateTime fast = WireTimes.offsetDateTime(s);
        if (fast != null) {
            return fast;
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

    /** senhasegura's own conversion: the baselines pay exactly what the SDK pays. */
    public static LocalDateTime senhaDate(String s) {
        return RemoteSessionMapper.parseDateTime(s);
    }

    public static Duration senhaDuration(String s) {
        return RemoteSessionMapper.parseDuration(s);
    }

    public static boolean yes(String s) {
        return RemoteSessionMapper.yes(s);
    }
}
