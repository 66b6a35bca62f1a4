package org.sessionsdk.benchmarks.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.http.JdkHttpTransport;
import org.sessionsdk.testkit.Simulator;
import org.sessionsdk.testkit.Simulators;

/**
 * Target 5: one JVM follows a fleet of endpoints (an equal share of each vendor, each a testkit tenant
 * served by {@link FleetServer} in another process, each client opened from the simulator's settings
 * through {@link SessionClients}) at a fixed poll interval, the way a user following
 * hundreds of servers should: one shared {@link JdkHttpTransport} for every client (one connection
 * pool, one selector thread), one small scheduler pool for every feed (no thread per endpoint), and
 * {@code poll(Duration.ZERO)} from the scheduler, so a poll never waits. Reports events/s, polls/s,
 * start lag and poll latency percentiles, live threads, heap and CPU.
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
     */
    public record Result(int endpoints, double seconds, long polls, long failures, long events, double lagP50Ms,
                         double lagP99Ms, double lagMaxMs, double pollP50Ms, double pollP99Ms, int threadsMax,
                         double heapMaxMb, double heapLimitMb, double cpuCores, String threadNames) {

        /** {@return the result as one JSON object} */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"endpoints\":%d,\"seconds\":%.1f,\"polls\":%d,\"failures\":%d,"
                            + "\"events\":%d,\"eventsPerSecond\":%.2f,\"pollsPerSecond\":%.2f,\"lagP50Ms\":%.2f,"
                            + "\"lagP99Ms\":%.2f,\"lagMaxMs\":%.2f,\"pollP50Ms\":%.2f,\"pollP99Ms\":%.2f,\"threadsMax\":%d,"
                            + "\"heapMaxMb\":%.1f,\"heapLimitMb\":%.0f,\"cpuCores\":%.3f,\"threadNames\":\"%s\"}",
                    endpoints, seconds, polls, failures, events, events / seconds, polls / seconds, lagP50Ms, lagP99Ms,
                    lagMaxMs, pollP50Ms, pollP99Ms, threadsMax, heapMaxMb, heapLimitMb, cpuCores, threadNames);
        }
    }

    private FleetRun() {
    }

    public static void main(String[] args) throws Exception {
        int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int interval = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int duration = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int perVendor = (endpoints + FleetServer.vendors() - 1) / FleetServer.vendors();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), FleetServer.class.getName(),
                Integer.toString(perVendor), Integer.toString(duration / 60 + 2))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the fleet server ended before it printed its endpoints");
            }
            Result r = run(Bases.parse(line), endpoints, Duration.ofSeconds(interval), Duration.ofSeconds(duration), threads);
            System.out.println(r.toJson());
            if (args.length > 4) {
                Files.writeString(Path.of(args[4]), r.toJson() + "\n", StandardCharsets.UTF_8);
            }
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
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
    }

    /**
     * Follows {@code endpoints} endpoints for {@code duration}, each polled every {@code interval}, the
     * first polls spread evenly over the first interval.
     */
    public static Result run(Bases bases, int endpoints, Duration interval, Duration duration, int schedulerThreads)
            throws Exception {
        JdkHttpTransport transport = JdkHttpTransport.builder().build();
        List<SessionClient> clients = new ArrayList<>();
        List<Feed<SessionChange>> feeds = new ArrayList<>();
        // feeds poll when the scheduler says; their own interval only has to be a little shorter
        FeedOptions options = FeedOptions.builder().pollInterval(interval.multipliedBy(9).dividedBy(10)).build();
        for (int i = 0; i < endpoints; i++) {
            SessionClient client = client(bases, i, transport);
            clients.add(client);
            feeds.add(client.sessionFeed(options));
        }
        Map<Integer, Checkpoint> store = new ConcurrentHashMap<>();
        long planned = (duration.toNanos() / interval.toNanos()) * endpoints;
        long[] lags = new long[(int) planned + endpoints];
        long[] latencies = new long[lags.length];
        AtomicInteger samples = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(schedulerThreads, r -> {
            Thread t = new Thread(r, "fleet-poller");
            t.setDaemon(true);
            return t;
        });
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        java.lang.management.MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long end = start + duration.toNanos();
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < endpoints; i++) {
            Feed<SessionChange> feed = feeds.get(i);
            int key = i;
            long first = start + interval.toNanos() * i / endpoints;
            long[] round = {0};
            scheduler.scheduleAtFixedRate(() -> {
                long plannedAt = first + round[0]++ * interval.toNanos();
                long t0 = System.nanoTime();
                if (t0 >= end) {
                    return;
                }
                try {
                    FeedBatch<SessionChange> batch = feed.poll(Duration.ZERO);
                    events.addAndGet(batch.items().size());
                    store.put(key, batch.checkpoint());
                } catch (RuntimeException | InterruptedException e) {
                    if (failures.incrementAndGet() <= 5) {
                        System.err.println("poll of endpoint " + key + " failed: " + e);
                    }
                }
                int k = samples.getAndIncrement();
                if (k < lags.length) {
                    lags[k] = t0 - plannedAt;
                    latencies[k] = System.nanoTime() - t0;
                }
            }, first - System.nanoTime(), interval.toNanos(), TimeUnit.NANOSECONDS);
        }
        int threadsMax = 0;
        String threadNames = "";
        long heapMax = 0;
        while (System.nanoTime() < end) {
            int live = mx.getThreadCount();
            if (live > threadsMax) {
                threadsMax = live;
                threadNames = new java.util.TreeMap<>(Thread.getAllStackTraces().keySet().stream().collect(
                        java.util.stream.Collectors.groupingBy(t -> t.getName().replaceAll("\\d+", "#"),
                                java.util.stream.Collectors.counting()))).toString();
            }
            heapMax = Math.max(heapMax, mem.getHeapMemoryUsage().getUsed());
            TimeUnit.MILLISECONDS.sleep(Math.max(1, Math.min(1000, (end - System.nanoTime()) / 1_000_000)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = os.getProcessCpuTime() - cpu0;
        scheduler.shutdown();
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
        for (Feed<SessionChange> f : feeds) {
            f.close();
        }
        for (SessionClient c : clients) {
            c.close();
        }
        transport.close();
        int n = Math.min(samples.get(), lags.length);
        long[] lag = Arrays.copyOf(lags, n);
        long[] lat = Arrays.copyOf(latencies, n);
        Arrays.sort(lag);
        Arrays.sort(lat);
        return new Result(endpoints, seconds, n, failures.get(), events.get(), ms(pct(lag, 50)), ms(pct(lag, 99)),
                ms(n == 0 ? 0 : lag[n - 1]), ms(pct(lat, 50)), ms(pct(lat, 99)), threadsMax, heapMax / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6, cpu / 1e9 / seconds, threadNames);
    }

    /** Endpoint {@code i}: vendors in turn, each vendor's tenants numbered from 1. */
    private static SessionClient client(Bases b, int i, JdkHttpTransport transport) {
        List<String> vendors = List.copyOf(b.settings().keySet());
        String vendor = vendors.get(i % vendors.size());
        Map<String, String> settings = new LinkedHashMap<>(b.settings().get(vendor));
        settings.put(CommonSettings.ENDPOINT, settings.get(CommonSettings.ENDPOINT) + Simulator.TENANT_PREFIX
                + (i / vendors.size() + 1));
        return SessionClients.open(vendor, settings, builder -> builder.transport(transport));
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
