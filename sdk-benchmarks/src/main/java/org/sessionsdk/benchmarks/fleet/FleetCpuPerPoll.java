package org.sessionsdk.benchmarks.fleet;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sessionsdk.benchmarks.sidebyside.Rounds;

/**
 * Issue 32's target 2, side by side: the CPU one poll of the SDK's fleet costs against a bare loop that
 * follows the same endpoints the same way ({@link BareFleet}: one bare {@code HttpClient}, the feeds'
 * requests written by hand, hand-written parse and diff), in one JVM, in alternating rounds
 * ({@link Rounds#compareRounds}). A round polls every endpoint every {@code interval} on the same
 * scheduler ({@link FleetSchedule}) for {@code roundSeconds}, one side at a time; its cost is this
 * process's CPU time ({@code OperatingSystemMXBean.getProcessCpuTime}: every thread, the JDK client's,
 * GC and JIT included, the servers excluded, as they run in another process) over the polls made.
 * Both sides warm up for one round first (their first polls, which read every open session, too).
 * The ratio is SDK / bare: at most 1.20 is issue 32's target.
 *
 * <pre>FleetCpuPerPoll [endpoints=2000] [intervalSeconds=2] [roundSeconds=25] [rounds=9] [schedulerThreads=4]</pre>
 * Printed, and with {@code -Dout=FILE} appended to FILE as one JSON line ({@code sidebyside.jsonl}).
 */
public final class FleetCpuPerPoll {
    /** The result's name in {@code sidebyside.jsonl}. */
    public static final String NAME = "fleet cpu per poll";

    private FleetCpuPerPoll() {
    }

    public static void main(String[] args) throws Exception {
        int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Duration interval = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 2);
        Duration round = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 25);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 9;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        long seconds = round.toSeconds() * 2 * (rounds + 1) + 60;
        try (FleetServer.Running server = FleetServer.launch(endpoints, seconds)) {
            String json = run(server.bases(), endpoints, interval, round, rounds, threads);
            String out = System.getProperty("out");
            if (out != null) {
                Files.writeString(Path.of(out), json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        }
    }

    /**
     * Measures both fleets on the same endpoints.
     *
     * @return the result as one JSON line: {@link Rounds.Result#toJson()} (a = bare, b = sdk, in CPU
     * microseconds per poll) with the run's settings, failures and load average
     */
    static String run(FleetRun.Bases bases, int endpoints, Duration interval, Duration round, int rounds,
                      int threads) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong sdkFailures = new AtomicLong();
        AtomicLong bareFailures = new AtomicLong();
        try (SdkFleet sdk = new SdkFleet(bases, endpoints, interval)) {
            BareFleet bare = new BareFleet(bases, endpoints);
            List<EndpointPoll> sdkPolls = sdk.endpoints();
            List<EndpointPoll> barePolls = bare.endpoints();
            Rounds.Round sdkRound = () -> cpuPerPoll(os, sdkPolls, interval, round, threads, sdkFailures);
            Rounds.Round bareRound = () -> cpuPerPoll(os, barePolls, interval, round, threads, bareFailures);
            String load0 = load();
            System.out.printf(Locale.ROOT, "fleet CPU per poll: %,d endpoints every %d s, rounds of %d s; warm-up "
                    + "(load %s)%n", endpoints, interval.toSeconds(), round.toSeconds(), load0);
            System.out.printf(Locale.ROOT, "  warm-up: sdk %.1f us/poll, bare %.1f us/poll%n", sdkRound.run(),
                    bareRound.run());
            sdkFailures.set(0);
            bareFailures.set(0);
            int ops = (int) (endpoints * (round.toNanos() / interval.toNanos()));
            Rounds.Result r = Rounds.compareRounds(NAME, "bare", bareRound, "sdk", sdkRound, rounds, ops);
            String load1 = load();
            System.out.println(String.format(Locale.ROOT, "%-28s bare %.1f us CPU/poll | sdk %.1f us CPU/poll | "
                            + "sdk/bare = %.3f [%.3f, %.3f] (%d rounds of ~%,d polls; failures sdk %d, bare %d; load %s)",
                    NAME, r.aMedianUs(), r.bMedianUs(), r.ratio(), r.ratioLow(), r.ratioHigh(), r.rounds(), ops,
                    sdkFailures.get(), bareFailures.get(), load1));
            String json = r.toJson();
            return json.substring(0, json.length() - 1) + String.format(Locale.ROOT, ",\"endpoints\":%d,"
                            + "\"intervalSeconds\":%d,\"roundSeconds\":%d,\"failuresSdk\":%d,\"failuresBare\":%d,"
                            + "\"load\":\"%s\"}", endpoints, interval.toSeconds(), round.toSeconds(), sdkFailures.get(),
                    bareFailures.get(), load1);
        }
    }

    /** One side's round: CPU microseconds per poll. */
    private static double cpuPerPoll(com.sun.management.OperatingSystemMXBean os, List<EndpointPoll> endpoints,
                                     Duration interval, Duration round, int threads, AtomicLong failures)
            throws InterruptedException {
        long cpu0 = os.getProcessCpuTime();
        FleetSchedule schedule = new FleetSchedule(endpoints, interval, round, threads);
        long end = schedule.start() + round.toNanos();
        TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
        FleetSchedule.Stats st = schedule.stop(end);
        long cpu = os.getProcessCpuTime() - cpu0;
        failures.addAndGet(st.failures());
        if (st.polls() == 0) {
            throw new IllegalStateException("no poll in a round of " + round);
        }
        return cpu / 1e3 / st.polls();
    }

    /** {@return the 1, 5 and 15 minute load averages, where the platform has them} */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "?" : String.format(Locale.ROOT, "%.2f", l);
        }
    }
}
