package org.sessionsdk.testkit.torture;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.Scenario;
import org.sessionsdk.testkit.Scenarios;
import org.sessionsdk.testkit.SenhaseguraSimulator;
import org.sessionsdk.testkit.SimClock;
import org.sessionsdk.testkit.Simulator;

/**
 * The script the torture suites share (issue 28): the testkit's busy hour played by a simulator under
 * a server's conditions (clock skew, drift, late rows, zone), what must arrive on each stream, and the
 * tally of what did. The feed suite ({@code FeedTortureTest}), {@code sessions follow} as a process
 * ({@code FollowTortureTest}) and the Connect task ({@code ConnectTortureTest}) each drive it their own
 * way and compare with one expectation.
 */
public class TortureScript {
    /** When every run starts unless told otherwise. */
    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    /** The testkit suite's hour: eight sessions and eight audit entries, each with its own user, over by +50m. */
    public static final Scenario HOUR = Scenarios.busyHour();

    /** The vendor's name, as the CLI and the connector take it. */
    public final String vendorName;
    /** Whether the sessions stream is followed (else the audit stream). */
    public final boolean sessions;
    /** What the run plays, for its name and figures. */
    public final String condition;
    /** The server's clock ahead (positive) or behind, or null. */
    public Duration skew;
    /** The server's clock drift per hour, or null. */
    public Duration drift;
    /** How late the server's rows appear, or null. */
    public Duration late;
    /** The zone the server writes local times in, or null. */
    public ZoneId zone;
    /** When the run starts. */
    public Instant start = T0;
    /** How long the run plays. */
    public Duration length = Duration.ofMinutes(70);
    /** The feed's batch size, or null for the default. */
    public Integer maxBatchSize;
    /** Where the feed starts, or null for now. */
    public Instant since;
    /** Simulator set-up before the first poll (generated history and the like). */
    public Consumer<Simulator> setUp = s -> { };
    /** Something done to the simulator at a minute of the run, after that minute's polls. */
    public final Map<Integer, Consumer<Simulator>> actions = new HashMap<>();
    /** What must arrive beyond the scenario's own changes. */
    public final Set<String> extraExpected = new TreeSet<>();

    /**
     * @param vendorName the vendor
     * @param sessions   whether the sessions stream is followed, else the audit stream
     * @param condition  what the run plays
     */
    protected TortureScript(String vendorName, boolean sessions, String condition) {
        this.vendorName = vendorName;
        this.sessions = sessions;
        this.condition = condition;
    }

    /** {@return the run's name: vendor, stream and condition} */
    @Override
    public String toString() {
        return vendorName + " " + (sessions ? "sessions" : "audit") + " " + condition;
    }

    /**
     * {@return a simulator with no generated data, on this clock and the script's conditions, playing the hour}
     *
     * @param clock the run's clock
     */
    public Simulator startSimulator(SimClock clock) {
        Simulator s = switch (vendorName) {
            case "plesk" -> PleskSimulator.start().withSessions(0).withEvents(0).withClock(clock);
            case "ekran" -> EkranSimulator.start().withSessions(0).withAlerts(0).withClock(clock);
            // no generated history, which a server clock ahead would stamp after our start
            case "saymon" -> SaymonSimulator.start().withSessions(0).withAuditEntries(0).withClock(clock);
            case "senhasegura" -> SenhaseguraSimulator.start().withSessions(0).withClock(clock);
            default -> throw new IllegalArgumentException("no torture script for " + vendorName);
        };
        if (skew != null) {
            s.withClockSkew(skew);
        }
        if (drift != null) {
            s.withClockDrift(drift);
        }
        if (late != null) {
            s.withLateRows(late);
        }
        if (zone != null) {
            s.withServerZone(zone);
        }
        return s.withScenario(HOUR);
    }

    /** {@return what the hour says must arrive on this run's stream, with the extra expected keys} */
    public Set<String> expected() {
        return expected(HOUR, vendorName, sessions, extraExpected);
    }

    /**
     * {@return the keys a scenario says must arrive on a stream: {@code STARTED user} and {@code ENDED user}
     * of each session (Ekran's user id, as its sessions name users), {@code AUDIT actor} of each audit entry}
     *
     * @param scenario   the scenario played
     * @param vendorName the vendor
     * @param sessions   the sessions stream, else the audit stream
     * @param extra      further keys that must arrive
     */
    public static Set<String> expected(Scenario scenario, String vendorName, boolean sessions, Set<String> extra) {
        Set<String> keys = new TreeSet<>(extra);
        Map<String, String> userOf = new HashMap<>();
        for (Scenario.Step st : scenario.steps()) {
            if (sessions && st instanceof Scenario.Start s) {
                String user = vendorName.equals("ekran") ? Integer.toString(EkranSimulator.userIdOf(s.user())) : s.user();
                userOf.put(s.id(), user);
                keys.add("STARTED " + user);
            } else if (sessions && st instanceof Scenario.End e) {
                keys.add("ENDED " + userOf.get(e.id()));
            } else if (!sessions && st instanceof Scenario.Audit a) {
                keys.add("AUDIT " + a.actor());
            }
        }
        return keys;
    }

    /**
     * {@return the key an audit entry is known by: its scripted actor, or its id for a generated one}
     *
     * @param actor the entry's actor, or null
     * @param id    the entry's id
     */
    public static String auditKey(String actor, String id) {
        return actor != null && actor.startsWith("act") ? "AUDIT " + actor : "AUDIT #" + id;
    }

    /**
     * What arrived against what was expected.
     *
     * @param expected   the keys that must arrive
     * @param delivered  how many of them did
     * @param lost       those that did not
     * @param unexpected keys that arrived but were never expected
     * @param repeats    arrivals beyond the first, over all keys
     * @param badRepeats keys that came more than once without being allowed to, with their count
     */
    public record Tally(Set<String> expected, int delivered, Set<String> lost, Set<String> unexpected, int repeats,
                        Set<String> badRepeats) {
        /**
         * {@return the tally of the keys handed over}
         *
         * @param expected  the keys that must arrive
         * @param handed    every key handed over, repeats included
         * @param mayRepeat keys allowed to come more than once (of a batch whose delivery was not recorded)
         */
        public static Tally of(Set<String> expected, List<String> handed, Set<String> mayRepeat) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            handed.forEach(k -> counts.merge(k, 1, Integer::sum));
            Set<String> lost = new TreeSet<>(expected);
            lost.removeAll(counts.keySet());
            Set<String> unexpected = new TreeSet<>(counts.keySet());
            unexpected.removeAll(expected);
            int repeats = 0;
            Set<String> badRepeats = new TreeSet<>();
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                repeats += e.getValue() - 1;
                if (e.getValue() > 1 && !mayRepeat.contains(e.getKey())) {
                    badRepeats.add(e.getKey() + " x" + e.getValue());
                }
            }
            return new Tally(expected, expected.size() - lost.size(), lost, unexpected, repeats, badRepeats);
        }

        /** {@return the figures line every suite prints: expected, delivered, lost, repeats} */
        public String figures() {
            return "expected=" + expected.size() + " delivered=" + delivered + " lost=" + lost.size() + " repeats=" + repeats;
        }
    }
}
