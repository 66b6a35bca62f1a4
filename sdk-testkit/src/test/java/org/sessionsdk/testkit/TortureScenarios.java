package org.sessionsdk.testkit;

/** The scripts the torture suite plays: every session and audit entry has its own user, so each is known by it. */
final class TortureScenarios {
    private TortureScenarios() {
    }

    /** The testkit's busy hour ({@link Scenarios#busyHour()}). */
    static final Scenario HOUR = Scenarios.busyHour();
}
