package org.sessionsdk.core.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Every log line the SDK wrote during tests, at every level down to TRACE, kept in memory by
 * {@link CapturingSlf4jProvider}. Tests assert on it (for instance that no secret ever appears).
 */
public final class CapturedLogs {
    /** One formatted log line with its level and logger, and the message of any throwable. */
    public record Line(String level, String logger, String message, String throwable) {
        @Override
        public String toString() {
            return level + " " + logger + " " + message + (throwable == null ? "" : " | " + throwable);
        }
    }

    // A plain list under a lock: a copy-on-write list made every line cost a copy of all before it,
    // which turned a million-input fuzz run quadratic.
    private static final List<Line> LINES = new ArrayList<>();
    private static volatile boolean paused;

    private CapturedLogs() {
    }

    static void add(Line line) {
        if (!paused) {
            synchronized (LINES) {
                LINES.add(line);
            }
        }
    }

    static boolean paused() {
        return paused;
    }

    /**
     * Stops keeping lines until the returned handle is closed; the SDK still formats every line, so its
     * logging code keeps running. For long runs (fuzzing) whose logs nobody reads.
     */
    public static AutoCloseable pause() {
        paused = true;
        return () -> paused = false;
    }

    /** A snapshot of all lines so far. */
    public static List<Line> all() {
        synchronized (LINES) {
            return new ArrayList<>(LINES);
        }
    }

    /** Lines written after {@code mark} (a value of {@link #mark()}). */
    public static List<Line> since(int mark) {
        List<Line> all = all();
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    public static int mark() {
        synchronized (LINES) {
            return LINES.size();
        }
    }

    /** All lines since {@code mark} joined as text, for contains/doesNotContain asserts. */
    public static String textSince(int mark) {
        StringBuilder sb = new StringBuilder();
        since(mark).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
