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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sessionsdk.cli.Connection.Vendor;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.Scenario;
import org.sessionsdk.testkit.SenhaseguraSimulator;
import org.sessionsdk.testkit.Simulator;
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

    @Option(names = "--vendor", split = ",", paramLabel = "V[,V...]",
            description = "which simulators, in this order (default all: plesk,ekran,saymon,senhasegura)")
    List<Vendor> vendors = List.of(Vendor.values());

    @Option(names = "--host", description = "the address to listen on (default 127.0.0.1); any other makes the simulators reachable from other machines")
    String host = LOOPBACK;

    @Option(names = "--port", description = "the port, for a single --vendor (default an ephemeral port)")
    Integer port;

    @Option(names = "--ports", split = ",", paramLabel = "N[,N...]",
            description = "one port per vendor, in --vendor order (0 for an ephemeral one)")
    List<Integer> ports;

    @Option(names = "--sessions", description = "generated sessions per simulator (default each simulator's own)")
    Integer sessions;

    @Option(names = "--events", description = "entries in the Plesk action log (default 25)")
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
            description = "the servers' zone, for the vendors that write local times (Plesk, senhasegura; Ekran writes its offset): Europe/Berlin")
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
                started.add(start(vendors.get(i), new InetSocketAddress(host, portOf(i))));
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
        if (vendors.isEmpty() || EnumSet.copyOf(vendors).size() != vendors.size()) {
            return "--vendor: name each vendor once, e.g. plesk,ekran";
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
        return String.join(",", vendors.stream().map(Vendor::toString).toList());
    }

    private int portOf(int i) {
        return port != null ? port : ports != null ? ports.get(i) : 0;
    }

    private Simulator start(Vendor vendor, InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("--host: cannot resolve '" + host + "'");
        }
        return switch (vendor) {
            case plesk -> {
                PleskSimulator sim = PleskSimulator.start(address).withSeed(seed);
                if (sessions != null) {
                    sim.withSessions(sessions);
                }
                if (events != null) {
                    sim.withEvents(events);
                }
                yield sim;
            }
            case ekran -> {
                EkranSimulator sim = EkranSimulator.start(address).withSeed(seed);
                yield sessions == null ? sim : sim.withSessions(sessions);
            }
            case saymon -> {
                SaymonSimulator sim = SaymonSimulator.start(address).withSeed(seed);
                yield sessions == null ? sim : sim.withSessions(sessions);
            }
            case senhasegura -> {
                SenhaseguraSimulator sim = SenhaseguraSimulator.start(address).withSeed(seed);
                yield sessions == null ? sim : sim.withSessions(sessions);
            }
        };
    }

    /** The options' real-world conditions, before a scenario's steps (which take over from their time). */
    void conditions(Simulator sim) {
        if (sim instanceof PleskSimulator p) {
            if (skew != null) { p.withClockSkew(skew); }
            if (drift != null) { p.withClockDrift(drift); }
            if (late != null) { p.withLateRows(late); }
            if (zone != null) { p.withServerZone(zone); }
        } else if (sim instanceof EkranSimulator e) {
            if (skew != null) { e.withClockSkew(skew); }
            if (drift != null) { e.withClockDrift(drift); }
            if (late != null) { e.withLateRows(late); }
            if (zone != null) { e.withServerZone(zone); }
        } else if (sim instanceof SaymonSimulator y) {
            if (skew != null) { y.withClockSkew(skew); }
            if (drift != null) { y.withClockDrift(drift); }
            if (late != null) { y.withLateRows(late); }
            if (zone != null) { y.withServerZone(zone); }
        } else if (sim instanceof SenhaseguraSimulator h) {
            if (skew != null) { h.withClockSkew(skew); }
            if (drift != null) { h.withClockDrift(drift); }
            if (late != null) { h.withLateRows(late); }
            if (zone != null) { h.withServerZone(zone); }
        }
    }

    private static void play(Simulator sim, Scenario s) {
        if (sim instanceof PleskSimulator p) {
            p.withScenario(s);
        } else if (sim instanceof EkranSimulator e) {
            e.withScenario(s);
        } else if (sim instanceof SaymonSimulator y) {
            y.withScenario(s);
        } else if (sim instanceof SenhaseguraSimulator h) {
            h.withScenario(s);
        }
    }

    /** What a harness needs to call a simulator: the vendor's credentials as the SDK names them. */
    static Map<String, String> credentials(String vendor) {
        Map<String, String> c = new LinkedHashMap<>();
        switch (vendor) {
            case "plesk" -> {
                c.put("secretKey", PleskSimulator.SECRET_KEY);
                c.put("login", PleskSimulator.LOGIN);
                c.put("password", PleskSimulator.PASSWORD);
            }
            case "ekran" -> {
                c.put("apiKey", EkranSimulator.API_KEY);
                c.put("header", EkranSimulator.API_KEY_HEADER);
            }
            case "saymon" -> {
                c.put("login", SaymonSimulator.LOGIN);
                c.put("password", SaymonSimulator.PASSWORD);
            }
            case "senhasegura" -> {
                c.put("clientId", SenhaseguraSimulator.CLIENT_ID);
                c.put("clientSecret", SenhaseguraSimulator.CLIENT_SECRET);
            }
            default -> throw new IllegalArgumentException(vendor);
        }
        return c;
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
            for (Map.Entry<String, String> e : credentials(sim.vendor()).entrySet()) {
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
