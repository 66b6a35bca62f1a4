package org.sessionsdk.benchmarks.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.http.JdkHttpTransport;
import org.sessionsdk.testkit.Simulator;
import org.sessionsdk.testkit.Simulators;

/**
 * Issue 32's target 2 (issue 22's T5): one JVM follows a fleet of endpoints (an equal share of each
 * vendor, each a testkit tenant served by {@link FleetServer} in another process, each client opened
 * from the simulator's settings through {@link SessionClients}) at a fixed poll interval, the way a user following
 * thousands of servers should: one shared {@link JdkHttpTransport} for every client (one connection
 * pool, one selector thread), one small scheduler pool for every feed (no thread per endpoint,
 * {@link FleetSchedule}), and {@code poll(Duration.ZERO)} from the scheduler, so a poll never waits
 * ({@link SdkFleet#poll(int)}). Reports events/s, polls/s, start lag and poll latency percentiles, live
 * threads, heap, this JVM's CPU and the server process's.
 *
 * <pre>FleetRun [endpoints=1000] [intervalSeconds=10] [durationSeconds=600] [schedulerThreads=4] [out.json]</pre>
 */
public final class FleetRun {
    /**
     * What a run measured.
     *
     * @param endpoints   endpoints followed
     * @param seconds     measured wall time
     * @param polls       polls made
     * @param failures    polls that failed
     * @param events      session changes delivered
     * @param lagP50Ms    start lag (actual start minus the planned start), median
     * @param lagP99Ms    start lag, 99th percentile
     * @param lagMaxMs    start lag, worst
     * @param pollP50Ms   poll latency, median
     * @param pollP99Ms   poll latency, 99th percentile
     * @param threadsMax  most live threads in the JVM during the run
     * @param heapMaxMb   most heap in use at a sample (taken every second)
     * @param heapLimitMb the JVM's heap limit
     * @param cpuCores    process CPU time over wall time (1.0 = one core busy)
     * @param threadNames the live threads by name (digits folded) when their count was highest
     * @param intervalSeconds each endpoint's poll interval
     * @param schedulerThreads the scheduler's threads
     * @param serverCpuCores the server process's CPU time over wall time, or -1 where unknown
     * @param load the machine's load averages (1, 5, 15 minutes) at the end
     * @param laterLagP99Ms start lag p99 of the polls planned a minute or more into the run (0 if none)
     */
    public record Result(int endpoints, double seconds, long polls, long failures, long events, double lagP50Ms,
                         double lagP99Ms, double lagMaxMs, double pollP50Ms, double pollP99Ms, int threadsMax,
                         double heapMaxMb, double heapLimitMb, double cpuCores, String threadNames,
                         long intervalSeconds, int schedulerThreads, double serverCpuCores, String load,
                         double laterLagP99Ms) {

        /** {@return the result as one JSON object} */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"endpoints\":%d,\"seconds\":%.1f,\"polls\":%d,\"failures\":%d,"
                            + "\"events\":%d,\"eventsPerSecond\":%.2f,\"pollsPerSecond\":%.2f,\"lagP50Ms\":%.2f,"
                            + "\"lagP99Ms\":%.2f,\"lagMaxMs\":%.2f,\"pollP50Ms\":%.2f,\"pollP99Ms\":%.2f,\"threadsMax\":%d,"
                            + "\"heapMaxMb\":%.1f,\"heapLimitMb\":%.0f,\"cpuCores\":%.3f,\"threadNames\":\"%s\","
                            + "\"intervalSeconds\":%d,\"schedulerThreads\":%d,\"serverCpuCores\":%.3f,\"load\":\"%s\","
                            + "\"laterLagP99Ms\":%.2f}",
                    endpoints, seconds, polls, failures, events, events / seconds, polls / seconds, lagP50Ms, lagP99Ms,
                    lagMaxMs, pollP50Ms, pollP99Ms, threadsMax, heapMaxMb, heapLimitMb, cpuCores, threadNames,
                    intervalSeconds, schedulerThreads, serverCpuCores, load, laterLagP99Ms);
        }
    }

    private FleetRun() {
    }

    public static void main(String[] args) throws Exception {
        int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int interval = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int duration = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        try (FleetServer.Running server = FleetServer.launch(endpoints, duration)) {
            Result r = run(server.bases(), endpoints, Duration.ofSeconds(interval), Duration.ofSeconds(duration),
                    threads, server::cpuNanos);
            System.out.println(r.toJson());
            if (args.length > 4) {
                Files.writeString(Path.of(args[4]), r.toJson() + "\n", StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * Each vendor's settings for its simulator (tenants live under {@code /t/<n>} of its endpoint), by
     * vendor, in the order endpoints are given out.
     *
     * @param settings the settings by vendor
     */
    public record Bases(Map<String, Map<String, String>> settings) {
        private static final ObjectMapper JSON = new ObjectMapper();

        static Bases parse(String json) throws JsonProcessingException {
            return new Bases(JSON.readValue(json, new TypeReference<LinkedHashMap<String, Map<String, String>>>() { }));
        }

        /**
         * {@return the settings of simulators running in this JVM (for {@link FleetServer}, and the smoke test)}
         *
         * @param simulators one per vendor, in the order endpoints are given out
         */
        public static Bases of(List<? extends Simulator> simulators) {
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            for (Simulator s : simulators) {
                out.put(s.vendor(), Simulators.forVendor(s.vendor()).orElseThrow().settingsOf(s));
            }
            return new Bases(out);
        }

        /** {@return one JSON line} */
        String toJson() throws JsonProcessingException {
            return JSON.writeValueAsString(settings);
        }

        /**
         * {@return the vendor of endpoint {@code i}: vendors in turn}
         *
         * @param i the endpoint, from 0
         */
        public String vendorOf(int i) {
            List<String> vendors = List.copyOf(settings.keySet());
            return vendors.get(i % vendors.size());
        }

        /**
         * {@return the settings of endpoint {@code i}: its vendor's simulator, tenant {@code i / vendors + 1}}
         *
         * @param i the endpoint, from 0
         */
        public Map<String, String> settingsOf(int i) {
            return SdkFleet.tenantSettings(settings.get(vendorOf(i)), i / settings.size() + 1);
        }
    }

    /**
     * Follows {@code endpoints} endpoints for {@code duration}, each polled every {@code interval}, the
     * first polls spread evenly over the first interval.
     */
    public static Result run(Bases bases, int endpoints, Duration interval, Duration duration, int schedulerThreads)
            throws Exception {
        return run(bases, endpoints, interval, duration, schedulerThreads, () -> -1L);
    }

    /**
     * {@link #run(Bases, int, Duration, Duration, int)}, also reporting the servers' CPU.
     *
     * @param serverCpuNanos the server process's CPU time so far, or -1 where unknown
     */
    static Result run(Bases bases, int endpoints, Duration interval, Duration duration, int schedulerThreads,
                      LongSupplier serverCpuNanos) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (SdkFleet fleet = new SdkFleet(bases, endpoints, interval)) {
            long cpu0 = os.getProcessCpuTime();
            long server0 = serverCpuNanos.getAsLong();
            FleetSchedule schedule = new FleetSchedule(fleet.endpoints(), interval, duration, schedulerThreads);
            long start = schedule.start();
            long end = start + duration.toNanos();
            int threadsMax = 0;
            String threadNames = "";
            long heapMax = 0;
            while (System.nanoTime() < end) {
                int live = mx.getThreadCount();
                if (live > threadsMax) {
                    threadsMax = live;
                    threadNames = new TreeMap<>(Thread.getAllStackTraces().keySet().stream().collect(
                            Collectors.groupingBy(t -> t.getName().replaceAll("\\d+", "#"), Collectors.counting())))
                            .toString();
                }
                heapMax = Math.max(heapMax, mem.getHeapMemoryUsage().getUsed());
                TimeUnit.MILLISECONDS.sleep(Math.max(1, Math.min(1000, (end - System.nanoTime()) / 1_000_000)));
            }
            FleetSchedule.Stats st = schedule.stop(end);
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = os.getProcessCpuTime() - cpu0;
            long server1 = serverCpuNanos.getAsLong();
            double serverCores = server0 < 0 || server1 < 0 ? -1 : (server1 - server0) / 1e9 / seconds;
            int n = st.lags().length;
            return new Result(endpoints, seconds, st.polls(), st.failures(), st.events(), st.lagMs(50), st.lagMs(99),
                    n == 0 ? 0 : st.lags()[n - 1] / 1e6, st.latencyMs(50), st.latencyMs(99), threadsMax, heapMax / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6, cpu / 1e9 / seconds, threadNames, interval.toSeconds(),
                    schedulerThreads, serverCores, FleetCpuPerPoll.load(), st.laterLagMs(99));
        }
    }
}
