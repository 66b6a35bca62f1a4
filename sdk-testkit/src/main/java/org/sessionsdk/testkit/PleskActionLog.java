package org.sessionsdk.testkit;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import static org.sessionsdk.testkit.PleskPacket.ok;

/**
 * {@link PleskSimulator}'s logs. The action log ({@code event_log/get_events}, {@code get-last-id}):
 * ids {@code 1..n} generated on the fly, a minute apart up to just before the anchor, then blocks
 * added by the test and the scenario's audit steps as the clock reaches them, cleared by a reset. The
 * object event log ({@code event_log/get}): 3 entries until a flushing read deletes them, flushes counted.
 */
final class PleskActionLog {
    /**
     * Log entries {@code firstId .. firstId + count - 1}, all logged at {@code time}: generated fields
     * when {@code step} is null, the scenario's otherwise.
     */
    private record EventBlock(long firstId, long count, Instant time, Scenario.Audit step) {
    }

    private final PleskSimulator sim;
    /** Generated log entries 1..n, a minute apart, the newest a minute before the anchor. */
    private volatile long generated = 25;
    /** Entries logged since: blocks of {@link #add} and the scenario's audit steps, in id order. */
    private final List<EventBlock> appended = new ArrayList<>();
    /** How many of the scenario's log resets were played. */
    private int scenarioResets;
    private int scenarioEntriesLogged;
    private final AtomicInteger flushes = new AtomicInteger();
    private int objectEventsHeld = 3;

    PleskActionLog(PleskSimulator sim) {
        this.sim = sim;
    }

    /** A tenant's: as long as its parent's. */
    PleskActionLog(PleskSimulator sim, PleskActionLog parent) {
        this(sim);
        this.generated = parent.generated;
    }

    void generate(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        synchronized (appended) {
            generated = n;
            appended.clear();
            scenarioEntriesLogged = 0;
        }
    }

    void scenarioChanged() {
        synchronized (appended) {
            scenarioEntriesLogged = 0;
        }
    }

    void add(int n) {
        synchronized (appended) {
            List<EventBlock> log = catchUp();
            appended.add(new EventBlock(nextId(log), n, sim.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), null));
        }
    }

    void reset() {
        synchronized (appended) {
            catchUp(); // scenario steps already due were logged before the reset, and go with it
            generated = 0;
            appended.clear();
        }
    }

    long lastId() {
        synchronized (appended) {
            return nextId(catchUp()) - 1;
        }
    }

    int flushes() {
        return flushes.get();
    }

    /**
     * Entries after the generated ones, made as of now: scenario steps the clock has reached are
     * logged with the next ids. The caller holds the lock; the list returned is a copy.
     */
    private List<EventBlock> catchUp() {
        List<ScenarioPlayback.Entry> due = sim.scenarioAudit();
        for (int k = scenarioEntriesLogged; k < due.size(); k++) {
            resetTo(sim.logResetsBefore(due.get(k).time())); // a scenario reset before this entry clears what came before it
            appended.add(new EventBlock(nextId(appended), 1, due.get(k).time(), due.get(k).step()));
        }
        scenarioEntriesLogged = Math.max(scenarioEntriesLogged, due.size());
        resetTo(sim.logResetsDue());
        return List.copyOf(appended);
    }

    /** Plays the scenario's log resets up to the {@code n}th: each clears the log, as {@link #reset()}. */
    private void resetTo(int n) {
        for (; scenarioResets < n; scenarioResets++) {
            generated = 0;
            appended.clear();
        }
    }

    private long nextId(List<EventBlock> log) {
        if (log.isEmpty()) {
            return generated + 1;
        }
        EventBlock last = log.get(log.size() - 1);
        return last.firstId() + last.count();
    }

    /** {@code event_log/get_events}: a result streamed one event a line, from {@code lastId}, filtered. */
    void events(Writer w, PleskPacket.Request r) throws IOException {
        long seed = sim.seed();
        long from = r.values().containsKey("lastId") ? Long.parseLong(r.values().get("lastId").trim()) : 1;
        List<EventBlock> log;
        long generatedTo;
        synchronized (appended) {
            log = catchUp();
            generatedTo = generated;
        }
        long to = nextId(log) - 1;
        List<String[]> filters = r.filters();
        w.write("\n<result>\n<status>ok</status>\n");
        int block = 0;
        for (long id = Math.max(1, from); id <= to; id++) {
            EventBlock in = null;
            if (id > generatedTo) {
                while (log.get(block).firstId() + log.get(block).count() <= id) {
                    block++;
                }
                in = log.get(block);
            }
            Scenario.Audit step = in == null ? null : in.step();
            String type = step != null ? step.action() : SimData.pick(seed, id, "created", "updated", "deleted", "status_changed");
            String clazz = step != null ? (step.objectType() == null ? "" : step.objectType())
                    : SimData.pick(seed, id + 7, "client", "domain", "mailname", "dns_zone", "admin_alias");
            if (!filters.isEmpty() && filters.stream().noneMatch(f -> f[0].equals(type) && f[1].equals(clazz))) {
                continue;
            }
            long time = in == null ? sim.anchor().minusSeconds(60 * (generatedTo - id + 1)).getEpochSecond()
                    : in.time().getEpochSecond();
            String objId = step != null ? (step.objectId() == null ? "" : step.objectId()) : "obj-" + id;
            String user = step != null ? step.actor() : SimData.pick(seed, id, "admin", "reseller1", "client7");
            w.write("<event><id>" + id + "</id><type>" + SimData.xml(type) + "</type><time>" + time + "</time><class>"
                    + SimData.xml(clazz) + "</class><obj_id>" + SimData.xml(objId) + "</obj_id><user>" + SimData.xml(user)
                    + "</user><host>" + SimData.ip(seed, id) + "</host></event>\n");
        }
        w.write("</result>\n");
    }

    /** {@code event_log/get}: the object event log holds 3 entries until a flushing read deletes what it returned. */
    synchronized String objectEvents(PleskPacket.Request r) {
        // Plesk's schema default is to flush; only an explicit false keeps the log
        boolean flush = !"false".equals(r.values().getOrDefault("flush_selected_range", "true").trim());
        int held = objectEventsHeld;
        if (flush) {
            flushes.incrementAndGet();
            objectEventsHeld = 0;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= held; i++) {
            sb.append("<event><type>created</type><time>").append(sim.anchor().minusSeconds(60L * (4 - i)).getEpochSecond())
                    .append("</time><class>client</class><id>").append(i).append("</id></event>");
        }
        return ok(sb.toString());
    }
}
