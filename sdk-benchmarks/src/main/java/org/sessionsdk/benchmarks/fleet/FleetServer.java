package org.sessionsdk.benchmarks.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.benchmarks.vendor.BenchVendors;
import org.sessionsdk.testkit.Scenario;
import org.sessionsdk.testkit.Simulator;
import org.sessionsdk.testkit.Simulators;

/**
 * The fleet's servers, for a process of their own: one testkit simulator per vendor on 127.0.0.1, each
 * serving {@code perVendor} tenants ({@code /t/1} ...), and each tenant playing a scenario on the real
 * clock in which a session starts every minute (staggered by tenant) and ends 90 s later, for
 * {@code minutes}. Prints one JSON line with each vendor's settings for its simulator
 * ({@link FleetRun.Bases}), then serves until its standard input closes. {@code FleetServer PER_VENDOR MINUTES}.
 * The tenants' request journals are emptied every 20 s: 10,000 tenants polled every 10 s would
 * otherwise keep 600,000 recorded requests over 10 minutes.
 */
public final class FleetServer {
    /** The server process's heap: 10,000 tenants' data and scenarios, with room. */
    static final String HEAP = "-Xmx2g";

    private FleetServer() {
    }

    /** {@return how many vendors the fleet has: endpoints are shared out among them in turn} */
    static int vendors() {
        return BenchVendors.all().size();
    }

    public static void main(String[] args) throws IOException {
        int perVendor = Integer.parseInt(args[0]);
        int minutes = Integer.parseInt(args[1]);
        List<Simulator> simulators = new ArrayList<>();
        List<Simulator> tenants = new ArrayList<>();
        ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleet-journal-janitor");
            t.setDaemon(true);
            return t;
        });
        try {
            for (BenchVendor v : BenchVendors.all()) {
                Simulator sim = Simulators.forVendor(v.name()).orElseThrow(() ->
                        new IllegalStateException("no testkit simulator of " + v.name())).start();
                simulators.add(sim);
                for (int n = 1; n <= perVendor; n++) {
                    tenants.add(v.tenant(sim, n).withScenario(scenario(n, minutes)));
                }
            }
            janitor.scheduleWithFixedDelay(() -> tenants.forEach(Simulator::clearRequests), 20, 20, TimeUnit.SECONDS);
            System.out.println(FleetRun.Bases.of(simulators).toJson());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our input (or dies)
            }
        } finally {
            janitor.shutdownNow();
            for (Simulator s : simulators) {
                s.close();
            }
        }
    }

    /** A session every minute, offset by the tenant number so the fleet's starts spread over the minute. */
    static Scenario scenario(int tenant, int minutes) {
        Scenario.Builder b = Scenario.builder();
        for (int k = 0; k < minutes + 1; k++) {
            Duration at = Duration.ofSeconds(k * 60L + tenant % 60);
            String id = "fleet-" + tenant + "-" + k;
            b.start(at, id, "user" + (k % 7), "198.51.100." + (1 + tenant % 250));
            b.end(at.plusSeconds(90), id);
        }
        return b.build();
    }

    /**
     * Starts the servers in a process of their own, for {@code endpoints} endpoints shared out among the
     * vendors, playing their scenarios for a little longer than {@code seconds}.
     *
     * @param endpoints how many endpoints the fleet follows
     * @param seconds   how long it will follow them
     * @return the running servers; close to stop them
     * @throws IOException if the process cannot be started or ends before it prints its settings
     */
    static Running launch(int endpoints, long seconds) throws IOException {
        int perVendor = (endpoints + vendors() - 1) / vendors();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-cp", System.getProperty("java.class.path"), FleetServer.class.getName(),
                Integer.toString(perVendor), Long.toString(seconds / 60 + 2))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null) {
                throw new IOException("the fleet server ended before it printed its endpoints");
            }
            return new Running(p, FleetRun.Bases.parse(line));
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /**
     * The server process and its simulators' settings.
     *
     * @param process the process
     * @param bases   its simulators' settings
     */
    record Running(Process process, FleetRun.Bases bases) implements AutoCloseable {
        /** {@return the process's CPU time so far, nanoseconds, or -1 where the platform does not say} */
        long cpuNanos() {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        }

        @Override
        public void close() throws IOException {
            process.getOutputStream().close();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
