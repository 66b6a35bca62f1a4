package org.sessionsdk.benchmarks.sidebyside;

import java.util.Arrays;
import java.util.Locale;

/**
 * Times two ways of doing the same job in alternating rounds in one JVM (A B, then B A, ...), so that
 * drift on a shared machine (JIT, GC, other processes) hits both sides alike, and reports the median
 * of each side with the median of the per-round ratios and an order-statistic 95% interval for it.
 * That ratio, not JMH's per-benchmark means taken minutes apart, is what the targets are read against.
 */
public final class Rounds {
    /** One way of doing the job; returns a count the harness checks, so nothing is optimised away. */
    @FunctionalInterface
    public interface Way {
        long run() throws Exception;
    }

    /**
     * The outcome: per-op times in microseconds and the ratio {@code b / a} per round.
     *
     * @param name      what was compared
     * @param aName     side A
     * @param bName     side B
     * @param aMedianUs median time of one op of A
     * @param bMedianUs median time of one op of B
     * @param ratio     median over rounds of time(B) / time(A)
     * @param ratioLow  lower end of the ~95% interval of that median
     * @param ratioHigh upper end
     * @param rounds    rounds measured
     * @param opsPerRound ops of each side per round
     */
    public record Result(String name, String aName, String bName, double aMedianUs, double bMedianUs, double ratio,
                         double ratioLow, double ratioHigh, int rounds, int opsPerRound) {

        /** {@return one JSON object, for the report} */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"name\":\"%s\",\"a\":\"%s\",\"b\":\"%s\",\"aUs\":%.3f,\"bUs\":%.3f,"
                            + "\"ratio\":%.4f,\"low\":%.4f,\"high\":%.4f,\"rounds\":%d,\"ops\":%d}",
                    name, aName, bName, aMedianUs, bMedianUs, ratio, ratioLow, ratioHigh, rounds, opsPerRound);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-28s %s %.1f us | %s %.1f us | %s/%s = %.3f [%.3f, %.3f] (%d rounds x %d)",
                    name, aName, aMedianUs, bName, bMedianUs, bName, aName, ratio, ratioLow, ratioHigh, rounds,
                    opsPerRound);
        }
    }

    private Rounds() {
    }

    /**
     * Warms both sides for {@code warmupSeconds}, then measures {@code rounds} alternating rounds.
     *
     * @param expected the count each op must return
     */
    public static Result compare(String name, String aName, Way a, String bName, Way b, long expected,
                                 int opsPerRound, int rounds, double warmupSeconds) throws Exception {
        // -Dsidebyside.scale=0.01 shrinks ops and warm-up for the smoke test; the ratios then mean nothing
        double scale = Double.parseDouble(System.getProperty("sidebyside.scale", "1"));
        opsPerRound = Math.max(1, (int) (opsPerRound * scale));
        warmupSeconds *= Math.min(1, scale);
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmEnd) {
            time(a, expected, opsPerRound);
            time(b, expected, opsPerRound);
        }
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            System.gc(); // every round starts from a collected heap; each side pays for its own garbage
            if (r % 2 == 0) {
                ta[r] = time(a, expected, opsPerRound);
                tb[r] = time(b, expected, opsPerRound);
            } else {
                tb[r] = time(b, expected, opsPerRound);
                ta[r] = time(a, expected, opsPerRound);
            }
            ratio[r] = tb[r] / ta[r];
        }
        double[] sorted = ratio.clone();
        Arrays.sort(sorted);
        int[] ci = medianInterval(rounds);
        return new Result(name, aName, bName, median(ta), median(tb), median(ratio), sorted[ci[0]], sorted[ci[1]],
                rounds, opsPerRound);
    }

    /**
     * With {@code -Dsidebyside.clock=cpu}, each side is timed by the CPU time of the thread running it
     * instead of the wall clock: on a machine shared with other work, the wall clock also counts the
     * time the thread waited for a core. Work on other threads (the GC's) is then not counted for
     * either side. The default, and the figures the targets are read against, is the wall clock.
     */
    private static final boolean CPU_CLOCK = "cpu".equals(System.getProperty("sidebyside.clock"));
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static long now() {
        return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Microseconds per op over {@code ops} ops. */
    private static double time(Way w, long expected, int ops) throws Exception {
        long t0 = now();
        for (int i = 0; i < ops; i++) {
            long n = w.run();
            if (n != expected) {
                throw new IllegalStateException("got " + n + " records, expected " + expected);
            }
        }
        return (now() - t0) / 1e3 / ops;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * Ranks (0-based, into the sorted values) bounding a distribution-free ~95% interval of the median:
     * the binomial(n, 1/2) ranks n/2 -+ 0.98 sqrt(n), clamped to the sample.
     */
    static int[] medianInterval(int n) {
        double half = 0.98 * Math.sqrt(n);
        int lo = (int) Math.floor(n / 2.0 - half);
        int hi = (int) Math.ceil(n / 2.0 + half) - 1;
        return new int[] {Math.max(0, lo), Math.min(n - 1, hi)};
    }

    /** One round of one side, measuring itself: returns its cost per op over the round (any unit, lower is better). */
    @FunctionalInterface
    public interface Round {
        double run() throws Exception;
    }

    /**
     * Measures {@code rounds} alternating rounds (A B, then B A, ...) of two sides that measure
     * themselves (the caller warms them), each side's round starting from a collected heap, and reports
     * the medians and the per-round ratio {@code b / a} as {@link #compare} does.
     *
     * @param opsPerRound what a round does, for the record
     */
    public static Result compareRounds(String name, String aName, Round a, String bName, Round b, int rounds,
                                       int opsPerRound) throws Exception {
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                System.gc();
                ta[r] = a.run();
                System.gc();
                tb[r] = b.run();
            } else {
                System.gc();
                tb[r] = b.run();
                System.gc();
                ta[r] = a.run();
            }
            ratio[r] = tb[r] / ta[r];
            System.out.printf(Locale.ROOT, "  round %d: %s %.1f, %s %.1f, %s/%s %.3f%n", r + 1, aName, ta[r], bName,
                    tb[r], bName, aName, ratio[r]);
        }
        double[] sorted = ratio.clone();
        Arrays.sort(sorted);
        int[] ci = medianInterval(rounds);
        return new Result(name, aName, bName, median(ta), median(tb), median(ratio), sorted[ci[0]], sorted[ci[1]],
                rounds, opsPerRound);
    }
}
