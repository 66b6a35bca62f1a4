package org.sessionsdk.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Scenario} as one simulator plays it: which of its sessions have started and ended as of an
 * instant, which audit entries have appeared, and the terminations clients asked for on top. Times are
 * the scenario's offsets from the simulator's anchor.
 */
final class ScenarioPlayback {
    static final ScenarioPlayback NONE = new ScenarioPlayback(Scenario.builder().build());

    /**
     * A scenario session as of an instant.
     *
     * @param ordinal    its place among the scenario's sessions, from 0 (vendors number ids with it)
     * @param label      its label
     * @param user       who logged in
     * @param address    where from, or null
     * @param start      when it started
     * @param end        when it ended, or null while open
     * @param terminated whether it was terminated (by the scenario or a client) rather than ended
     */
    record Lived(int ordinal, String label, String user, String address, Instant start, Instant end,
                 boolean terminated) {
        boolean open() {
            return end == null;
        }
    }

    /**
     * An audit entry that has appeared.
     *
     * @param ordinal its place among the scenario's audit entries, from 0
     * @param time    when it appeared
     * @param step    what it says
     */
    record Entry(int ordinal, Instant time, Scenario.Audit step) {
    }

    private final Scenario scenario;
    private final Map<String, Scenario.End> ends = new java.util.HashMap<>();
    private final Map<String, Instant> terminatedAt = new ConcurrentHashMap<>();

    ScenarioPlayback(Scenario scenario) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        for (Scenario.Step st : scenario.steps()) {
            if (st instanceof Scenario.End e) {
                ends.put(e.id(), e);
            }
        }
    }

    /** The sessions started by {@code now}, in start order, with their end if they ended by then. */
    List<Lived> sessions(Instant anchor, Instant now) {
        List<Lived> out = new ArrayList<>();
        int ordinal = 0;
        for (Scenario.Step st : scenario.steps()) {
            if (st instanceof Scenario.Start s) {
                Instant start = anchor.plus(s.at());
                if (!start.isAfter(now)) {
                    out.add(lived(ordinal, s, start, anchor, now));
                }
                ordinal++;
            }
        }
        return out;
    }

    /** The session labelled so as of {@code now}, or null if it has not started or is not in the scenario. */
    Lived session(String label, Instant anchor, Instant now) {
        for (Lived l : sessions(anchor, now)) {
            if (l.label().equals(label)) {
                return l;
            }
        }
        return null;
    }

    /** Everyone the scenario names, users of its sessions and actors of its audit steps, first seen first. */
    List<String> people() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (Scenario.Step st : scenario.steps()) {
            if (st instanceof Scenario.Start s) {
                out.add(s.user());
            } else if (st instanceof Scenario.Audit a) {
                out.add(a.actor());
            }
        }
        return List.copyOf(out);
    }

    /** How many sessions the scenario has, started or not. */
    int sessionCount() {
        return (int) scenario.steps().stream().filter(Scenario.Start.class::isInstance).count();
    }

    /**
     * A client terminates a session now.
     *
     * @return whether it was open (and so is now ended)
     */
    boolean terminate(String label, Instant anchor, Instant now) {
        Lived l = session(label, anchor, now);
        return l != null && l.open() && terminatedAt.putIfAbsent(label, now) == null;
    }

    /** The audit entries that appeared by {@code now}, in time order. */
    List<Entry> audit(Instant anchor, Instant now) {
        List<Entry> out = new ArrayList<>();
        int ordinal = 0;
        for (Scenario.Step st : scenario.steps()) {
            if (st instanceof Scenario.Audit a) {
                Instant t = anchor.plus(a.at());
                if (!t.isAfter(now)) {
                    out.add(new Entry(ordinal, t, a));
                }
                ordinal++;
            }
        }
        return out;
    }

    private Lived lived(int ordinal, Scenario.Start s, Instant start, Instant anchor, Instant now) {
        Instant end = null;
        boolean terminated = false;
        Scenario.End e = ends.get(s.id());
        if (e != null && !anchor.plus(e.at()).isAfter(now)) {
            end = anchor.plus(e.at());
            terminated = e.terminated();
        }
        Instant byClient = terminatedAt.get(s.id());
        if (byClient != null && (end == null || byClient.isBefore(end))) {
            end = byClient;
            terminated = true;
        }
        return new Lived(ordinal, s.id(), s.user(), s.address(), start, end, terminated);
    }
}
