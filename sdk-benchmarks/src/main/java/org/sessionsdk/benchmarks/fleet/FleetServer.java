package org.sessionsdk.benchmarks.fleet;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.Scenario;
import org.sessionsdk.testkit.SenhaseguraSimulator;
import org.sessionsdk.testkit.Simulator;

/**
 * The fleet's servers, for a process of their own: one testkit simulator per vendor on 127.0.0.1, each
 * serving {@code perVendor} tenants ({@code /t/1} ...), and each tenant playing a scenario on the real
 * clock in which a session starts every minute (staggered by tenant) and ends 90 s later, for
 * {@code minutes}. Prints one JSON line with the four base endpoints and senhasegura's zone, then
 * serves until its standard input closes. {@code FleetServer PER_VENDOR MINUTES}.
 */
public final class FleetServer {
    private FleetServer() {
    }

    public static void main(String[] args) throws IOException {
        int perVendor = Integer.parseInt(args[0]);
        int minutes = Integer.parseInt(args[1]);
        try (PleskSimulator plesk = PleskSimulator.start();
             EkranSimulator ekran = EkranSimulator.start();
             SaymonSimulator saymon = SaymonSimulator.start();
             SenhaseguraSimulator senha = SenhaseguraSimulator.start()) {
            for (int n = 1; n <= perVendor; n++) {
                Scenario s = scenario(n, minutes);
                plesk.tenant(n).withScenario(s);
                ekran.tenant(n).withScenario(s);
                saymon.tenant(n).withScenario(s);
                senha.tenant(n).withScenario(s);
            }
            System.out.println(String.format(Locale.ROOT,
                    "{\"plesk\":\"%s\",\"ekran\":\"%s\",\"saymon\":\"%s\",\"senhasegura\":\"%s\",\"senhaseguraZone\":\"%s\"}",
                    base(plesk), base(ekran), base(saymon), base(senha), senha.zone()));
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our input (or dies)
            }
        }
    }

    private static String base(Simulator s) {
        return s.endpoint().toString();
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
