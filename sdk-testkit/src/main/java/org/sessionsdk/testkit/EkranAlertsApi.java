package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code GET /ekranapi/alerts?start=&end=&alertCount=&afterActivityId=} of {@link EkranSimulator}.
 *
 * <p>Ekran does not document an alert's fields; the simulator writes {@code activityId}, {@code alertId},
 * {@code alertName}, {@code riskLevel}, {@code description}, {@code date} (with the zone's offset),
 * {@code userName}, {@code computerName} and {@code sessionId}. The answer is
 * {@code {"afterActivityId": <the last id of the batch, or the one asked>, "alerts": [...]}}, alerts in
 * activity-id order with an id above {@code afterActivityId} and a date inside {@code [start, end]}, at
 * most {@code alertCount} (default 1000; more than 1000, a negative or a non-number is a 400
 * validation problem, as are bad bounds and a bad {@code afterActivityId}).
 *
 * <p>Generated alert {@code i} (from 0) has activity id {@code i + 1} and lies {@code (n - i)} steps of 7
 * minutes before {@link Simulator#anchor()}, up to 3 minutes later; added alerts follow with the next ids.
 */
final class EkranAlertsApi {
    static final String PATH = "/ekranapi/alerts";
    static final int MAX_COUNT = 1000;
    private static final long STEP_SECONDS = 7 * 60;
    private static final long JITTER_SECONDS = 3 * 60;
    private static final String[] NAMES = {"USB storage connected", "Forbidden application launched",
        "Sensitive website visited", "Privileged command run", "Logon out of hours"};
    private static final String[] RISK = {"Low", "Normal", "High", "Critical"};

    /** One alert as written. */
    private record Alert(long activityId, int alertId, String name, String risk, String description, Instant date,
                         String user, String computer, int sessionId) {
    }

    private final EkranSimulator sim;
    private volatile int generated = 10;
    private final List<Alert> added = new CopyOnWriteArrayList<>();
    private int scenarioRaised;
    /** How many of the scenario's log resets were played. */
    private int scenarioResets;

    EkranAlertsApi(EkranSimulator sim) {
        this.sim = sim;
    }

    void generate(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        if (!added.isEmpty()) {
            throw new IllegalStateException("set the generated alerts before adding any: added ids follow them");
        }
        generated = n;
    }

    synchronized long add(Instant time, String name, String user, String description) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(name, "name");
        catchUp();
        return append(time, name, user, description);
    }

    /**
     * The alert log is cleared: what was raised is gone and the next alert gets activity id 1. Scenario
     * steps the clock has reached count as raised before the reset.
     */
    synchronized void reset() {
        catchUp();
        generated = 0;
        added.clear();
    }

    /** The scenario starts again: its steps are raised as alerts from the next id on. */
    synchronized void restartScenario() {
        scenarioResets = 0;
        scenarioRaised = 0;
    }

    /** Raises the scenario's audit steps the clock has reached, in time order, with the next ids. */
    private synchronized void catchUp() {
        List<ScenarioPlayback.Entry> due = sim.scenarioAudit();
        for (int k = scenarioRaised; k < due.size(); k++) {
            resetTo(sim.logResetsBefore(due.get(k).time())); // a scenario reset before this alert clears what came before it
            Scenario.Audit a = due.get(k).step();
            String on = a.objectType() == null ? null : a.objectType() + (a.objectId() == null ? "" : " " + a.objectId());
            append(due.get(k).time(), a.action(), a.actor(), on);
        }
        scenarioRaised = Math.max(scenarioRaised, due.size());
        resetTo(sim.logResetsDue());
    }

    /** Plays the scenario's log resets up to the {@code n}th: each clears the log, as {@link #reset()}. */
    private void resetTo(int n) {
        for (; scenarioResets < n; scenarioResets++) {
            generated = 0;
            added.clear();
        }
    }

    private long append(Instant time, String name, String user, String description) {
        long id = generated + added.size() + 1L;
        added.add(new Alert(id, 900 + added.size(), name, "High", description, time, user, null, 0));
        return id;
    }

    void handle(SimExchange ex) throws IOException {
        EkranCursorPages.serve(sim, ex, new EkranCursorPages.Log<Alert>() {
            @Override
            public int generated() {
                return generated;
            }

            @Override
            public Alert generated(long i, int n) {
                return generatedAlert(i, n);
            }

            @Override
            public List<Alert> added() {
                return added;
            }

            @Override
            public long id(Alert e) {
                return e.activityId();
            }

            @Override
            public Instant time(Alert e) {
                return e.date();
            }

            @Override
            public void write(JsonGenerator g, Alert e) throws IOException {
                EkranAlertsApi.this.write(g, e);
            }
        }, new EkranCursorPages.Names("alertCount", "afterActivityId", "alerts", "afterActivityId"), MAX_COUNT, this::catchUp);
    }

    private Alert generatedAlert(long i, int n) {
        long seed = sim.seed();
        long jitter = Math.floorMod(SimData.mix(seed, i, 31), JITTER_SECONDS);
        Instant date = sim.anchor().minusSeconds((n - i) * STEP_SECONDS - jitter);
        int kind = (int) Math.floorMod(SimData.mix(seed, i, 32), (long) NAMES.length);
        String user = "CORP\\" + SimData.pick(seed, i, "jdoe", "asmith", "mlopez", "kchen", "admin");
        return new Alert(i + 1, 1 + kind, NAMES[kind], RISK[(int) Math.floorMod(SimData.mix(seed, i, 33), 4L)],
                NAMES[kind] + " on WS-" + (1 + Math.floorMod(SimData.mix(seed, i, 34), 8L)), date,
                user, "WS-" + (1 + Math.floorMod(SimData.mix(seed, i, 34), 8L)),
                1 + (int) Math.floorMod(SimData.mix(seed, i, 35), 500L));
    }

    private void write(JsonGenerator g, Alert a) throws IOException {
        g.writeStartObject();
        g.writeNumberField("activityId", a.activityId());
        g.writeNumberField("alertId", a.alertId());
        g.writeStringField("alertName", a.name());
        g.writeStringField("riskLevel", a.risk());
        g.writeStringField("description", a.description());
        g.writeStringField("date", OffsetDateTime.ofInstant(a.date(), sim.zone()).format(EkranWire.OUT));
        g.writeStringField("userName", a.user());
        g.writeStringField("computerName", a.computer());
        if (a.sessionId() > 0) {
            g.writeNumberField("sessionId", a.sessionId());
        } else {
            g.writeNullField("sessionId");
        }
        g.writeEndObject();
    }
}
