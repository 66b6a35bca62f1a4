package org.sessionsdk.testkit;

import java.time.Instant;

/**
 * Deterministic generated values: the same seed and index always give the same value, so a
 * simulator can produce record {@code i} of a million on demand without storing any.
 */
public final class SimData {
    /**
     * A fixed instant for tests that want known dates: put a {@link SimClock} at it (or after it).
     * Simulators place generated history before their clock's instant, not here.
     */
    public static final Instant EPOCH = Instant.parse("2026-01-05T08:00:00Z");

    private SimData() {
    }

    /**
     * A well-mixed 64-bit value for (seed, index, salt).
     *
     * @param seed  the simulator's seed
     * @param index the record's index
     * @param salt  tells apart several values of one record
     * @return the value
     */
    public static long mix(long seed, long index, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * {@code length} hex digits (at most 64).
     *
     * @param seed   the simulator's seed
     * @param index  the record's index
     * @param length how many digits
     * @return lower-case hex digits
     */
    public static String hex(long seed, long index, int length) {
        StringBuilder sb = new StringBuilder(length);
        long salt = 0;
        while (sb.length() < length) {
            String part = String.format("%016x", mix(seed, index, salt++));
            sb.append(part, 0, Math.min(16, length - sb.length()));
        }
        return sb.toString();
    }

    /**
     * An address in the documentation range 192.0.2.0/24 or 198.51.100.0/24.
     *
     * @param seed  the simulator's seed
     * @param index the record's index
     * @return a dotted IPv4 address
     */
    public static String ip(long seed, long index) {
        long m = Math.abs(mix(seed, index, 7) % 500);
        return m < 250 ? "192.0.2." + (m + 1) : "198.51.100." + (m - 249);
    }

    /**
     * One of {@code choices}, picked by (seed, index).
     *
     * @param seed    the simulator's seed
     * @param index   the record's index
     * @param choices what to pick from, at least one
     * @return one of the choices
     */
    public static String pick(long seed, long index, String... choices) {
        return choices[(int) Math.floorMod(mix(seed, index, 3), (long) choices.length)];
    }

    /**
     * Minutes after {@link #EPOCH}, for tests that pick times around it.
     *
     * @param minutes how many minutes after the epoch
     * @return the instant
     */
    public static Instant at(long minutes) {
        return EPOCH.plusSeconds(minutes * 60);
    }

    /**
     * Text safe to put into XML: escapes {@code & < > " '}.
     *
     * @param s the text
     * @return the escaped text
     */
    public static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
