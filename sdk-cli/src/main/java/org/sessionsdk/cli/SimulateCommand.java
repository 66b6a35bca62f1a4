package org.sessionsdk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sessionsdk.testkit.Scenario;
import org.sessionsdk.testkit.Simulator;
import org.sessionsdk.testkit.SimulatorProvider;
import org.sessionsdk.testkit.Simulators;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sessions simulate}: the vendor simulators as a foreground process, for test harnesses
 * outside the JVM. It prints one JSON line per simulator on stdout ({@code vendor}, {@code endpoint},
 * {@code credentials}), then serves until SIGTERM or SIGINT and exits 0.
 *
 * <p>Exit 0 on a signal: the JVM answers SIGTERM/SIGINT by running the shutdown hooks and then exits
 * with 143/130. Our hook stops the servers, says so on stderr and ends the JVM with
 * {@code Runtime.halt(0)}: the signal is how this command is meant to end, not a failure. Nothing
 * else in this process registers a shutdown hook whose work the halt could cut short.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Serve the vendor simulators until SIGTERM or SIGINT (then exit 0), for a test harness.",
                "Prints one JSON line per simulator on stdout: vendor, endpoint, credentials."})
final class SimulateCommand implements Callable<Integer> {
    private static final String LOOPBACK = "127.0.0.1";

    @Option(names = "--vendor", split = ",", paramLabel = "V[,V...]", completionCandidates = Connection.VendorNames.class,
            description = "which simulators, in this order (default all: ${COMPLETION-CANDIDATES})")
    List<VendorName> vendors = Simulators.all().stream().map(p -> new VendorName(p.vendor())).toList();

    @Option(names = "--host", description = "the address to listen on (default 127.0.0.1); any other makes the simulators reachable from other machines")
    String host = LOOPBACK;

    @Option(names = "--port", description = "the port, for a single --vendor (default an ephemeral port)")
    Integer port;

    @Option(names = "--ports", split = ",", paramLabel = "N[,N...]",
            description = "one port per vendor, in --vendor order (0 for an ephemeral one)")
    List<Integer> ports;

    @Option(names = "--sessions", description = "generated sessions per simulator (default each simulator's own)")
    Integer sessions;

    @Option(names = "--events", description = "entries in each numbered audit log, where a vendor has one (default 25)")
    Long events;

    @Option(names = "--seed", description = "seed of the generated data (default 42): the same seed serves the same data")
    long seed = 42;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "sessions that start and end, and audit entries, at offsets from the start (see the testkit README)")
    Path scenario;

    @Option(names = "--clock-skew", paramLabel = "OFFSET",
            description = "the servers' clocks run this far ahead of the real one (behind when negative): +10m, -90s")
    String clockSkew;

    @Option(names = "--clock-drift", paramLabel = "OFFSET",
            description = "the servers' clocks gain this much every hour (lose when negative): +30s")
    String clockDrift;

    @Option(names = "--late-rows", paramLabel = "LENGTH",
            description = "scenario rows (starts, ends, audit entries) are listed this long after they happen: 2m")
    String lateRows;

    @Option(names = "--server-zone", paramLabel = "ZONE",
            description = "the servers' zone, for the vendors that write local times: Europe/Berlin")
    String serverZone;

    private Scenario played;
    private java.time.Duration skew;
    private java.time.Duration drift;
    private java.time.Duration late;
    private java.time.ZoneId zone;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Terminal term;

    SimulateCommand(Terminal term) {
        this.term = term;
    }

    @Override
    public Integer call() throws InterruptedException {
        String problem = problem();
        if (problem != null) {
            return new UsageErrors().handleParseException(new CommandLine.ParameterException(spec.commandLine(), problem),
                    new String[0]);
        }
        List<Simulator> started = new ArrayList<>();
        try {
            for (int i = 0; i < vendors.size(); i++) {
                started.add(start(vendors.get(i).name(), new InetSocketAddress(host, portOf(i))));
            }
        } catch (UncheckedIOException | IllegalArgumentException e) {
            started.forEach(Simulator::close);
            Throwable cause = e.getCause();
            term.err().println("sessions: " + e.getMessage() + (cause == null ? "" : ": " + cause.getMessage()));
            term.err().flush();
            return ExitCodes.NETWORK;
        }
        for (Simulator sim : started) {
            conditions(sim);
            if (played != null) {
                play(sim, played);
            }
            term.out().println(jsonLine(sim));
        }
        // a harness reading a pipe sees the lines now, not when a buffer fills
        term.out().flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.forEach(Simulator::close);
            term.err().println("sessions simulate: stopped");
            term.err().flush();
            term.out().flush();
            stopped.countDown();
            // the signal is the normal end of this command: exit 0, not 143 (SIGTERM) or 130 (SIGINT)
            Runtime.getRuntime().halt(ExitCodes.OK);
        }, "sessions-simulate-stop"));
        stopped.await();
        return ExitCodes.OK;
    }

    /** {@return why the options cannot be served, or null} */
    String problem() {
        if (scenario != null) {
            try {
                played = Scenario.load(scenario);
            } catch (java.io.IOException e) {
                return "--scenario: cannot read " + scenario + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            } catch (IllegalArgumentException e) {
                return "--scenario " + scenario + ": " + e.getMessage();
            }
        }
        try {
            skew = clockSkew == null ? null : Scenario.parseOffset(clockSkew);
        } catch (IllegalArgumentException e) {
            return "--clock-skew: " + e.getMessage();
        }
        try {
            drift = clockDrift == null ? null : Scenario.parseOffset(clockDrift);
        } catch (IllegalArgumentException e) {
            return "--clock-drift: " + e.getMessage();
        }
        try {
            late = lateRows == null ? null : Scenario.parseOffset(lateRows);
        } catch (IllegalArgumentException e) {
            return "--late-rows: " + e.getMessage();
        }
        if (late != null && late.isNegative()) {
            return "--late-rows: '" + lateRows + "' is negative: rows cannot be listed before they happen";
        }
        try {
            zone = serverZone == null ? null : java.time.ZoneId.of(serverZone);
        } catch (java.time.DateTimeException e) {
            return "--server-zone: '" + serverZone + "' is not a zone (examples: UTC, Europe/Berlin)";
        }
        if (vendors.isEmpty() || new java.util.HashSet<>(vendors).size() != vendors.size()) {
            return "--vendor: name each vendor once, e.g. plesk,ekran";
        }
        for (VendorName v : vendors) {
            if (Simulators.forVendor(v.name()).isEmpty()) {
                return "--vendor: '" + v + "' has no simulator; there are " + String.join(", ", Simulators.all().stream()
                        .map(SimulatorProvider::vendor).toList());
            }
        }
        if (port != null && ports != null) {
            return "--port and --ports cannot be used together";
        }
        if (port != null && vendors.size() != 1) {
            return "--port is for a single --vendor; use --ports N,N,... for " + vendors.size() + " vendors";
        }
        if (ports != null && ports.size() != vendors.size()) {
            return "--ports: " + ports.size() + " ports for " + vendors.size() + " vendors (" + names() + ")";
        }
        List<Integer> given = port != null ? List.of(port) : ports != null ? ports : List.of();
        for (int p : given) {
            if (p < 0 || p > 65535) {
                return "--port" + (ports != null ? "s" : "") + ": '" + p + "' is not a port (0 to 65535)";
            }
        }
        if (sessions != null && sessions < 0) {
            return "--sessions: '" + sessions + "' is not a count (0 or more)";
        }
        if (events != null && events < 0) {
            return "--events: '" + events + "' is not a count (0 or more)";
        }
        if (host.isBlank()) {
            return "--host: an address is required, e.g. 127.0.0.1";
        }
        return null;
    }

    private String names() {
        return String.join(",", vendors.stream().map(VendorName::name).toList());
    }

    private int portOf(int i) {
        return port != null ? port : ports != null ? ports.get(i) : 0;
    }

    private Simulator start(String vendor, InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("--host: cannot resolve '" + host + "'");
        }
        SimulatorProvider<?> p = provider(vendor);
        Simulator sim = p.start(address);
        sim.withSeed(seed);
        if (sessions != null) {
            sim.withSessions(sessions);
        }
        if (events != null) {
            p.numberedAuditEntriesOf(sim, events);
        }
        return sim;
    }

    private static SimulatorProvider<?> provider(String vendor) {
        return Simulators.forVendor(vendor).orElseThrow(() -> new IllegalArgumentException("--vendor: no simulator for '"
                + vendor + "'; there are " + String.join(",", Simulators.all().stream().map(SimulatorProvider::vendor).toList())));
    }

    /** The options' real-world conditions, before a scenario's steps (which take over from their time). */
    void conditions(Simulator sim) {
        if (skew != null) {
            sim.withClockSkew(skew);
        }
        if (drift != null) {
            sim.withClockDrift(drift);
        }
        if (late != null) {
            sim.withLateRows(late);
        }
        if (zone != null) {
            sim.withServerZone(zone);
        }
    }

    private static void play(Simulator sim, Scenario s) {
        sim.withScenario(s);
    }

    /** What a harness needs to call a simulator: the vendor's credentials as its documentation names them. */
    static Map<String, String> credentials(Simulator sim) {
        return provider(sim.vendor()).credentialsOf(sim);
    }

    /** One line of JSON, ASCII only (a non-ASCII letter is escaped), whatever the platform's encoding. */
    static String jsonLine(Simulator sim) {
        StringWriter line = new StringWriter();
        JsonFactory json = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        try (JsonGenerator g = json.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("vendor", sim.vendor());
            g.writeStringField("endpoint", sim.endpoint().toString());
            // every path under /t/<n> is another independent server with its own data
            g.writeStringField("tenants", sim.endpoint() + Simulator.TENANT_PREFIX + "{n}");
            g.writeObjectFieldStart("credentials");
            for (Map.Entry<String, String> e : credentials(sim).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString();
    }
}
