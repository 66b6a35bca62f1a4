package org.sessionsdk.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One simulator's sense of time: the clock it was given (the client's), the anchor where generated
 * history ends, and the {@link Conditions} that turn them into the server's clock (skew, drift) and
 * decide what is listed yet (late rows), what fails now, and which log resets have happened.
 */
final class SimTime {
    /** The clock given (the client's); the server reads it through the conditions. */
    private volatile Clock clock = Clock.systemUTC();
    /** The given clock's instant, to the second, when the simulator started or got it. */
    private volatile Instant anchor = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    private final Conditions conditions;
    private final Clock serverClock = new ServerClock(new Clock() {
        // reads whichever clock the simulator has now, so the server clock follows withClock
        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return clock.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return clock.withZone(zone);
        }
    }, t -> conditionsServer(t));

    SimTime() {
        this.conditions = new Conditions();
    }

    /** A tenant's: its parent's clock, anchor and conditions, from then on its own. */
    SimTime(SimTime parent) {
        this.clock = parent.clock;
        this.anchor = parent.anchor;
        this.conditions = parent.conditions.copy();
    }

    Conditions conditions() {
        return conditions;
    }

    /** The given clock's instant now, before skew and drift. */
    Instant givenNow() {
        return clock.instant();
    }

    /** The given clock's anchor, before skew. */
    Instant givenAnchor() {
        return anchor;
    }

    Clock serverClock() {
        return serverClock;
    }

    /** Where generated history ends, by the server's clock. */
    Instant anchor() {
        return conditions.server(anchor, anchor).truncatedTo(ChronoUnit.SECONDS);
    }

    void use(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.anchor = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The server's instant up to which rows are listed: now, less how late rows come. */
    Instant publishedBy() {
        Instant now = clock.instant();
        return conditions.server(now, anchor).minus(conditions.lateRows(now, anchor));
    }

    int logResetsBefore(Instant time) {
        return conditions.resetsBy(time, anchor());
    }

    int logResetsDue() {
        return conditions.resetsBy(clock.instant(), anchor);
    }

    Integer auditLogFailure(Predicate<String> isUser) {
        return conditions.failingAuditLog(isUser, clock.instant(), anchor);
    }

    private Instant conditionsServer(Instant now) {
        return conditions.server(now, anchor);
    }
}
