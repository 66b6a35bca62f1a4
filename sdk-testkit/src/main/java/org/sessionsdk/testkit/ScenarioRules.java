package org.sessionsdk.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What makes a {@link Scenario} valid: each step's own values (a label and a user, a status in range,
 * positive lengths, a zone only at 0), and its sessions together (each starts once, ends at most once,
 * never before it starts).
 */
final class ScenarioRules {
    private ScenarioRules() {
    }

    /** Checks one step's values, as it is added. */
    static void check(Scenario.Step step) {
        Objects.requireNonNull(step.at(), "at");
        if (step.at().getNano() != 0) {
            throw new IllegalArgumentException("steps fall on whole seconds, as vendors write times: " + step.at());
        }
        if (step instanceof Scenario.Condition c) {
            check(c);
        }
        if (step instanceof Scenario.Start s) {
            text(s.id(), "id");
            text(s.user(), "user");
        } else if (step instanceof Scenario.End e) {
            text(e.id(), "id");
        } else if (step instanceof Scenario.Audit a) {
            text(a.actor(), "actor");
            text(a.action(), "action");
        }
    }

    /** Checks that sessions start once and end at most once, after they start. */
    static void checkSessions(List<Scenario.Step> steps) {
        Map<String, Duration> started = new HashMap<>();
        Map<String, Duration> ended = new HashMap<>();
        for (Scenario.Step st : steps) {
            if (st instanceof Scenario.Start s && started.putIfAbsent(s.id(), s.at()) != null) {
                throw new IllegalArgumentException("session " + s.id() + " starts twice");
            }
        }
        for (Scenario.Step st : steps) {
            if (st instanceof Scenario.End e) {
                Duration start = started.get(e.id());
                if (start == null) {
                    throw new IllegalArgumentException("session " + e.id() + " ends but never starts");
                }
                if (e.at().compareTo(start) < 0) {
                    throw new IllegalArgumentException("session " + e.id() + " ends at " + e.at()
                            + ", before it starts at " + start);
                }
                if (ended.putIfAbsent(e.id(), e.at()) != null) {
                    throw new IllegalArgumentException("session " + e.id() + " ends twice");
                }
            }
        }
    }

    private static void check(Scenario.Condition c) {
        if (c instanceof Scenario.LateRows l) {
            notNegative(l.delay(), "late rows' delay");
        } else if (c instanceof Scenario.Fail f) {
            if (f.status() < 100 || f.status() > 599) {
                throw new IllegalArgumentException("a status runs from 100 to 599: " + f.status());
            }
            positive(f.length(), "fail's length");
        } else if (c instanceof Scenario.SlowBody s) {
            if (s.bytesPerChunk() < 1) {
                throw new IllegalArgumentException("a slow body sends at least a byte a chunk: " + s.bytesPerChunk());
            }
            notNegative(s.pause(), "slow's pause");
            positive(s.length(), "slow's length");
        } else if (c instanceof Scenario.FailAuditLog a) {
            text(a.user(), "user");
            if (a.status() < 400 || a.status() > 599) {
                throw new IllegalArgumentException("a failing audit log answers 400 to 599: " + a.status());
            }
            positive(a.length(), "failaudit's length");
        } else if (c instanceof Scenario.Zone z) {
            Objects.requireNonNull(z.zone(), "zone");
            if (!z.at().isZero()) {
                throw new IllegalArgumentException("a server does not change zone while it runs: zone only at 0");
            }
        }
    }

    private static void notNegative(Duration d, String what) {
        if (Objects.requireNonNull(d, what).isNegative()) {
            throw new IllegalArgumentException(what + " is negative: " + d);
        }
    }

    private static void positive(Duration d, String what) {
        notNegative(d, what);
        if (d.isZero()) {
            throw new IllegalArgumentException(what + " is zero");
        }
    }

    private static void text(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
