package org.sessionsdk.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The real world's conditions one simulator plays, the same for every vendor: its clock's skew and
 * drift, how late rows are listed, and the timed failures and slow bodies of a scenario. Each is what
 * the simulator was given ({@code withClockSkew}, ...) until a scenario's step of its kind takes over.
 * Scenario steps are timed by the simulator's own (unskewed) clock from its anchor, so a skew step
 * cannot move itself.
 */
final class Conditions {
    private static final long MILLIS_PER_HOUR = 3_600_000L;

    private volatile Duration skew = Duration.ZERO;
    private volatile Duration driftPerHour = Duration.ZERO;
    private volatile Duration lateRows = Duration.ZERO;
    private volatile List<Scenario.Condition> steps = List.of();

    Conditions() {
    }

    /** A tenant's: the same settings as its parent's, from then on its own. */
    Conditions copy() {
        Conditions c = new Conditions();
        c.skew = skew;
        c.driftPerHour = driftPerHour;
        c.lateRows = lateRows;
        c.steps = steps;
        return c;
    }

    void skew(Duration skew) {
        this.skew = Objects.requireNonNull(skew, "skew");
    }

    void drift(Duration perHour) {
        this.driftPerHour = Objects.requireNonNull(perHour, "perHour");
    }

    void lateRows(Duration delay) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("rows cannot be listed before they happen: " + delay);
        }
        this.lateRows = delay;
    }

    /** Keeps the scenario's condition steps, in time order. */
    void play(Scenario scenario) {
        this.steps = scenario.steps().stream().filter(Scenario.Condition.class::isInstance)
                .map(Scenario.Condition.class::cast).toList();
    }

    /**
     * The server's time when the simulator's clock reads {@code now}: plus the skew, plus the drift
     * gained since it began (the anchor, or its scenario step).
     */
    Instant server(Instant now, Instant anchor) {
        Duration elapsed = Duration.between(anchor, now);
        Duration s = skew;
        Duration rate = driftPerHour;
        Duration driftSince = Duration.ZERO;
        for (Scenario.Condition c : steps) {
            if (c.at().compareTo(elapsed) > 0) {
                break;
            }
            if (c instanceof Scenario.Skew k) {
                s = k.skew();
            } else if (c instanceof Scenario.Drift d) {
                rate = d.perHour();
                driftSince = d.at();
            }
        }
        long drifted = Math.floorDiv(Math.multiplyExact(elapsed.minus(driftSince).toMillis(), rate.toMillis()),
                MILLIS_PER_HOUR);
        return now.plus(s).plusMillis(drifted);
    }

    /** How late rows are listed when the simulator's clock reads {@code now}. */
    Duration lateRows(Instant now, Instant anchor) {
        Scenario.LateRows step = latest(Scenario.LateRows.class, now, anchor);
        return step == null ? lateRows : step.delay();
    }

    /** The scenario's failure in force at {@code now}, or null. */
    Scenario.Fail failing(Instant now, Instant anchor) {
        Scenario.Fail f = latest(Scenario.Fail.class, now, anchor);
        return f != null && within(f.at(), f.length(), now, anchor) ? f : null;
    }

    /** The scenario's slow bodies in force at {@code now}, or null. */
    Scenario.SlowBody slow(Instant now, Instant anchor) {
        Scenario.SlowBody s = latest(Scenario.SlowBody.class, now, anchor);
        return s != null && within(s.at(), s.length(), now, anchor) ? s : null;
    }

    /** The status the scenario has a user's audit log fail with at {@code now}, or null; {@code isUser} tells its login. */
    Integer failingAuditLog(java.util.function.Predicate<String> isUser, Instant now, Instant anchor) {
        Duration elapsed = Duration.between(anchor, now);
        Integer status = null;
        for (Scenario.Condition c : steps) {
            if (c.at().compareTo(elapsed) > 0) {
                break;
            }
            if (c instanceof Scenario.FailAuditLog f && isUser.test(f.user())) {
                status = within(f.at(), f.length(), now, anchor) ? f.status() : null;
            }
        }
        return status;
    }

    /**
     * How many of the scenario's log resets come at or before {@code time}, an instant on the
     * scenario's own scale (the anchor plus an offset): an entry logged at {@code time} comes after them.
     */
    int resetsBy(Instant time, Instant anchor) {
        Duration elapsed = Duration.between(anchor, time);
        int n = 0;
        for (Scenario.Condition c : steps) {
            if (c.at().compareTo(elapsed) > 0) {
                break;
            }
            if (c instanceof Scenario.ResetLog) {
                n++;
            }
        }
        return n;
    }

    /** The zone the scenario gives the server, or null. */
    ZoneId zone() {
        for (Scenario.Condition c : steps) {
            if (c instanceof Scenario.Zone z) {
                return z.zone();
            }
        }
        return null;
    }

    private static boolean within(Duration at, Duration length, Instant now, Instant anchor) {
        return Duration.between(anchor, now).compareTo(at.plus(length)) < 0;
    }

    private <C extends Scenario.Condition> C latest(Class<C> kind, Instant now, Instant anchor) {
        Duration elapsed = Duration.between(anchor, now);
        C found = null;
        for (Scenario.Condition c : steps) {
            if (c.at().compareTo(elapsed) > 0) {
                break;
            }
            if (kind.isInstance(c)) {
                found = kind.cast(c);
            }
        }
        return found;
    }
}
