package org.sessionsdk.benchmarks.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.sessionsdk.core.internal.time.WireTimes;

/**
 * The value conversions the vendor modules apply (ISO dates with offsets, epoch millis), written the
 * same way for the baselines so that the benchmarks compare the parsing strategy, not the date code. A
 * conversion only one vendor uses is taken from that vendor's module by its baselines.
 */
public final class Conversions {
    private Conversions() {
    }

    /**
     * ISO-8601 with an offset; without one, read in UTC (the client's default zone), as Ekran's dates are.
     * The common form goes through the SDK's own formatter-free reader first, as the SDK does: a careful
     * loop would make the same choice (it is four times faster than {@code OffsetDateTime.parse}), and
     * the ratio is then about the parsing strategy, not about the date code.
     *
     * @param s the text, or null
     * @return the time, or null
     */
    public static OffsetDateTime offsetDateTime(String s) {
        if (s == null) {
            return null;
        }
        return WireTimes.isoDateTime(s, ZoneOffset.UTC);
    }

    /**
     * {@return the instant, or null}
     *
     * @param ms milliseconds since the epoch, or null
     */
    public static Instant millis(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
