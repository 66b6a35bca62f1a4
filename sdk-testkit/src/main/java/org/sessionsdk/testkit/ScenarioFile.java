package org.sessionsdk.testkit;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link Scenario} file format ({@code sessions simulate --scenario FILE}): one step a line, an
 * offset, a step's name and its values; {@code #} starts a comment, {@code -} is an absent value.
 * Each line becomes a call on a {@link Scenario.Builder}, which checks that the steps make sense.
 */
final class ScenarioFile {
    private static final Pattern OFFSET = Pattern.compile("([+-])?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private ScenarioFile() {
    }

    static Scenario parse(String text, Scenario.Builder b) {
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int hash = line.indexOf('#');
            String[] f = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
            if (f.length == 1 && f[0].isEmpty()) {
                continue;
            }
            try {
                if (f.length < 2) {
                    throw new IllegalArgumentException("expected an offset and a step");
                }
                Duration at = offset(f[0]);
                switch (f[1]) {
                    case "start" -> {
                        arity(f, 4, 5);
                        b.start(at, f[2], f[3], f.length > 4 ? value(f[4]) : null);
                    }
                    case "end", "terminate" -> {
                        arity(f, 3, 3);
                        b.add(new Scenario.End(at, f[2], f[1].equals("terminate")));
                    }
                    case "audit" -> {
                        arity(f, 4, 6);
                        b.audit(at, f[2], f[3], f.length > 4 ? value(f[4]) : null, f.length > 5 ? value(f[5]) : null);
                    }
                    case "skew" -> {
                        arity(f, 3, 3);
                        b.skew(at, offset(f[2]));
                    }
                    case "drift" -> {
                        arity(f, 3, 3);
                        b.drift(at, offset(f[2]));
                    }
                    case "late" -> {
                        arity(f, 3, 3);
                        b.lateRows(at, offset(f[2]));
                    }
                    case "fail" -> {
                        arity(f, 4, 4);
                        b.fail(at, number(f[2], "status"), offset(f[3]));
                    }
                    case "slow" -> {
                        arity(f, 5, 5);
                        b.slowBody(at, number(f[2], "bytes per chunk"), pause(f[3]), offset(f[4]));
                    }
                    case "zone" -> {
                        arity(f, 3, 3);
                        b.add(new Scenario.Zone(at, zoneId(f[2])));
                    }
                    case "reset" -> {
                        arity(f, 2, 2);
                        b.resetLog(at);
                    }
                    case "failaudit" -> {
                        arity(f, 5, 5);
                        b.failAuditLogOf(at, f[2], number(f[3], "status"), offset(f[4]));
                    }
                    default -> throw new IllegalArgumentException("unknown step '" + f[1] + "' (expected start, end,"
                            + " terminate, audit, skew, drift, late, fail, slow, zone, reset or failaudit)");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scenario line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    private static void arity(String[] f, int min, int max) {
        if (f.length < min || f.length > max) {
            throw new IllegalArgumentException("'" + f[1] + "' takes " + (min == max ? min - 2 : (min - 2) + " to " + (max - 2))
                    + " values, found " + (f.length - 2));
        }
    }

    private static int number(String v, String what) {
        if (!v.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("'" + v + "' is not a " + what);
        }
        return Integer.parseInt(v);
    }

    /** A pause: {@code 50ms}, or an offset such as {@code 2s}. */
    private static Duration pause(String v) {
        return v.matches("\\d{1,9}ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))) : offset(v);
    }

    private static ZoneId zoneId(String v) {
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + v + "' is not a zone (examples: UTC, Europe/Berlin)");
        }
    }

    private static String value(String v) {
        return v.equals("-") ? null : v;
    }

    /** An offset as the file writes it: {@code +90s}, {@code 5m}, {@code +1h30m}, {@code -2d}, {@code 0}. */
    static Duration offset(String text) {
        if (text.equals("0") || text.equals("+0") || text.equals("-0")) {
            return Duration.ZERO;
        }
        Matcher m = OFFSET.matcher(text);
        if (!m.matches() || (m.group(2) == null && m.group(3) == null && m.group(4) == null && m.group(5) == null)) {
            throw new IllegalArgumentException("'" + text + "' is not an offset (examples: +90s, +5m, +1h30m, -2d)");
        }
        Duration d = Duration.ZERO;
        long[] unit = {86_400, 3_600, 60, 1};
        for (int g = 2; g <= 5; g++) {
            if (m.group(g) != null) {
                d = d.plusSeconds(Math.multiplyExact(Long.parseLong(m.group(g)), unit[g - 2]));
            }
        }
        return "-".equals(m.group(1)) ? d.negated() : d;
    }
}
