package org.sessionsdk.benchmarks.vendor;

/** The generated records' values written without formatters: hex ids, times of day, dates. */
final class WireText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private WireText() {
    }

    /** 2024-05-dd hh:mm:ss from a second count (within 28 days). */
    static void sqlTime(StringBuilder sb, int s) {
        sb.append("2024-05-");
        two(sb, 1 + (s / 86_400) % 28);
        sb.append(' ');
        clock(sb, s);
    }

    /** 2024-05-ddThh:mm:ss and {@code tail} from a second count (within 28 days). */
    static void isoTime(StringBuilder sb, int s, String tail) {
        sb.append("2024-05-");
        two(sb, 1 + (s / 86_400) % 28);
        sb.append('T');
        clock(sb, s);
        sb.append(tail);
    }

    static void clock(StringBuilder sb, int s) {
        two(sb, (s / 3600) % 24);
        sb.append(':');
        two(sb, (s / 60) % 60);
        sb.append(':');
        two(sb, s % 60);
    }

    static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    static void hex(StringBuilder sb, long v, int digits) {
        for (int d = digits - 1; d >= 0; d--) {
            sb.append(HEX[(int) ((v >>> (4 * (d % 16))) & 15)]);
        }
    }
}
