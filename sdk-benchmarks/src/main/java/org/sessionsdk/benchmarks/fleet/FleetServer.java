package org.sessionsdk.benchmarks.fleet;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 */
public final class FleetServer {
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
        try {
            for (BenchVendor v : BenchVendors.all()) {
                Simulator sim = Simulators.forVendor(v.name()).orElseThrow(() ->
                        new IllegalStateException("no testkit simulator of " + v.name())).start();
                simulators.add(sim);
                for (int n = 1; n <= perVendor; n++) {
                    v.tenant(sim, n).withScenario(scenario(n, minutes));
                }
            }
            System.out.println(FleetRun.Bases.of(simulators).toJson());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our input (or dies)
            }
        } finally {
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
}
