package org.sessionsdk.kafka;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sessionsdk.testkit.EkranSimulator;

/**
 * Not a test: measures what an idle task costs, as Connect's worker thread drives it (a loop of
 * {@code poll()}): 10 quiet Ekran endpoints, both streams, a 30 s poll interval, for
 * {@code args[0]} seconds (default 60) after one minute of warm-up. Prints the process CPU per wall
 * second and the number of {@code poll()} calls. Figures in docs/benchmarks.md.
 *
 * <p>Run: {@code java -cp <sdk-kafka-connect test class path> org.sessionsdk.kafka.IdleCpuMeasure 60}
 */
public final class IdleCpuMeasure {
    private IdleCpuMeasure() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withAlerts(0)) {
            List<String> endpoints = new ArrayList<>();
            for (int n = 1; n <= 10; n++) {
                endpoints.add("e" + n + "=" + sim.tenant(n).withSessions(0).withAlerts(0).endpoint());
            }
            Map<String, String> p = new HashMap<>();
            p.put("sessionsdk.vendor", "ekran");
            p.put("sessionsdk.endpoints", String.join(",", endpoints));
            p.put("sessionsdk.api.key", EkranSimulator.API_KEY);
            p.put("sessionsdk.poll.interval.ms", "30000");
            p.put("sessionsdk.task.endpoints", "0,1,2,3,4,5,6,7,8,9");
            SessionSourceTask task = SessionSourceTaskTest.started(p, new HashMap<>());
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            try {
                run(task, Duration.ofSeconds(60)); // warm-up: every feed polled once, classes loaded
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                long polls = run(task, Duration.ofSeconds(seconds));
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                System.out.printf("idle task, 10 endpoints x 2 streams, 30 s interval: %.1f s wall, %.3f s CPU"
                        + " (%.2f%% of a core), %d poll() calls%n", wall, cpu, 100 * cpu / wall, polls);
            } finally {
                task.stop();
            }
        }
    }

    private static long run(SessionSourceTask task, Duration d) throws InterruptedException {
        Instant end = Instant.now().plus(d);
        long polls = 0;
        while (Instant.now().isBefore(end)) {
            task.poll();
            polls++;
        }
        return polls;
    }
}
