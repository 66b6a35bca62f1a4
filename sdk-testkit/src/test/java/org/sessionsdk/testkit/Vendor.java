package org.sessionsdk.testkit;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.session.TimeRange;

/**
 * The four simulators started alike, each through its own {@code with...} methods, for tests of the
 * conditions every one of them plays; and what a client of each sees through the unified view.
 */
enum Vendor {
    PLESK, EKRAN, SAYMON, SENHASEGURA;

    /** Settings every simulator takes; null leaves one alone. */
    record World(java.time.Clock clock, Scenario scenario, Duration skew, Duration drift, Duration late, ZoneId zone) {
        static World of(java.time.Clock clock, Scenario scenario) {
            return new World(clock, scenario, null, null, null, null);
        }

        World skew(Duration d) {
            return new World(clock, scenario, d, drift, late, zone);
        }

        World drift(Duration d) {
            return new World(clock, scenario, skew, d, late, zone);
        }

        World late(Duration d) {
            return new World(clock, scenario, skew, drift, d, zone);
        }

        World zone(ZoneId z) {
            return new World(clock, scenario, skew, drift, late, z);
        }
    }

    /** A simulator with no generated sessions or audit entries, configured as {@code w} says. */
    Simulator start(World w) {
        return switch (this) {
            case PLESK -> {
                PleskSimulator s = PleskSimulator.start().withSessions(0).withEvents(0).withClock(w.clock());
                if (w.skew() != null) {
                    s.withClockSkew(w.skew());
                }
                if (w.drift() != null) {
                    s.withClockDrift(w.drift());
                }
                if (w.late() != null) {
                    s.withLateRows(w.late());
                }
                if (w.zone() != null) {
                    s.withServerZone(w.zone());
                }
                yield s.withScenario(w.scenario());
            }
            case EKRAN -> {
                EkranSimulator s = EkranSimulator.start().withSessions(0).withAlerts(0).withClock(w.clock());
                if (w.skew() != null) {
                    s.withClockSkew(w.skew());
                }
                if (w.drift() != null) {
                    s.withClockDrift(w.drift());
                }
                if (w.late() != null) {
                    s.withLateRows(w.late());
                }
                if (w.zone() != null) {
                    s.withServerZone(w.zone());
                }
                yield s.withScenario(w.scenario());
            }
            case SAYMON -> {
                SaymonSimulator s = SaymonSimulator.start().withSessions(0).withClock(w.clock());
                if (w.skew() != null) {
                    s.withClockSkew(w.skew());
                }
                if (w.drift() != null) {
                    s.withClockDrift(w.drift());
                }
                if (w.late() != null) {
                    s.withLateRows(w.late());
                }
                if (w.zone() != null) {
                    s.withServerZone(w.zone());
                }
                yield s.withScenario(w.scenario());
            }
            case SENHASEGURA -> {
                SenhaseguraSimulator s = SenhaseguraSimulator.start().withSessions(0).withClock(w.clock());
                if (w.skew() != null) {
                    s.withClockSkew(w.skew());
                }
                if (w.drift() != null) {
                    s.withClockDrift(w.drift());
                }
                if (w.late() != null) {
                    s.withLateRows(w.late());
                }
                if (w.zone() != null) {
                    s.withServerZone(w.zone());
                }
                yield s.withScenario(w.scenario());
            }
        };
    }

    /** {@return whether the vendor lists sessions that ended (Plesk lists open ones only)} */
    boolean keepsHistory() {
        return this != PLESK;
    }

    /** {@return whether the vendor has an audit log the scenario's audit steps go to} */
    boolean hasAudit() {
        return this != SENHASEGURA;
    }

    /**
     * A client of the simulator on the test's clock (the client's, never skewed), retrying as the SDK
     * does by default or not at all; close it.
     */
    AutoCloseable client(Simulator sim, java.time.Clock clock, boolean retry) {
        RetryPolicy p = retry ? RetryPolicy.defaults() : RetryPolicy.none();
        return switch (this) {
            case PLESK -> ((PleskSimulator) sim).clientBuilder().retryPolicy(p).clock(clock).build();
            case EKRAN -> ((EkranSimulator) sim).clientBuilder().retryPolicy(p).clock(clock).build();
            case SAYMON -> ((SaymonSimulator) sim).clientBuilder().retryPolicy(p).clock(clock).build();
            case SENHASEGURA -> ((SenhaseguraSimulator) sim).clientBuilder().retryPolicy(p).clock(clock).build();
        };
    }

    /**
     * What the client lists, all time. SAYMON's is its log up to a far bound: its client ends a window
     * with no end at its own now, which hides what a server running ahead stamped later.
     */
    static List<SessionRecord> sessions(AutoCloseable client) {
        if (client instanceof org.sessionsdk.saymon.SaymonClient saymon) {
            return saymon.sessions().list(org.sessionsdk.saymon.SaymonSessionQuery.builder()
                            .to(java.time.Instant.parse("2100-01-01T00:00:00Z")).build()).stream()
                    .map(r -> r.toSessionRecord(java.time.ZoneOffset.UTC)).toList();
        }
        try (Stream<SessionRecord> s = ((SessionSource) client).sessionRecords(TimeRange.all())) {
            return s.toList();
        }
    }

    /** The audit entries the client lists up to a far bound (a window with no end ends at the client's now). */
    static List<AuditEvent> audit(AutoCloseable client) {
        try (Stream<AuditEvent> s = ((AuditSource) client).auditEvents(
                TimeRange.until(java.time.Instant.parse("2100-01-01T00:00:00Z")))) {
            return s.toList();
        }
    }
}
