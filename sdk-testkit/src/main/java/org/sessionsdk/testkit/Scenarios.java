package org.sessionsdk.testkit;

import java.time.Duration;

/**
 * Ready-made scenarios for testing a pipeline (a follower, a shipper, a connector) against the
 * simulators' real-world conditions: play one, move the clock, and check that every change arrived.
 */
public final class Scenarios {
    private static final Scenario BUSY_HOUR = Scenario.builder()
            .start(Duration.ofMinutes(1), "s1", "u01", "192.0.2.1")
            .audit(Duration.ofMinutes(2), "act01", "created", "domain", "one.example")
            .start(Duration.ofMinutes(3), "s2", "u02", "192.0.2.2")
            .start(Duration.ofMinutes(3), "s3", "u03", "192.0.2.3")
            .audit(Duration.ofMinutes(5), "act02", "updated", "domain", "one.example")
            .end(Duration.ofMinutes(7), "s2")
            .start(Duration.ofMinutes(9), "s4", "u04", "198.51.100.4")
            .audit(Duration.ofMinutes(11), "act03", "created", "mailname", "info@one.example")
            .end(Duration.ofMinutes(14), "s1")
            .start(Duration.ofMinutes(16), "s5", "u05", "198.51.100.5")
            .audit(Duration.ofMinutes(18), "act04", "deleted", "mailname", "info@one.example")
            .end(Duration.ofMinutes(21), "s4")
            .audit(Duration.ofMinutes(24), "act05", "created", "domain", "two.example")
            .start(Duration.ofMinutes(26), "s6", "u06", "192.0.2.6")
            .end(Duration.ofMinutes(29), "s5")
            .audit(Duration.ofMinutes(31), "act06", "updated", "domain", "two.example")
            .start(Duration.ofMinutes(33), "s7", "u07", "192.0.2.7")
            .end(Duration.ofMinutes(36), "s3")
            .audit(Duration.ofMinutes(38), "act07", "deleted", "domain", "two.example")
            .end(Duration.ofMinutes(40), "s6")
            .start(Duration.ofMinutes(42), "s8", "u08", "203.0.113.8")
            .audit(Duration.ofMinutes(44), "act08", "created", "domain", "three.example")
            .end(Duration.ofMinutes(47), "s7")
            .end(Duration.ofMinutes(50), "s8")
            .build();

    private Scenarios() {
    }

    /**
     * About an hour of a busy server: eight sessions ({@code s1}..{@code s8}: short ones, long ones,
     * overlapping ones, two that start in the same minute) and eight audit entries ({@code act01}..
     * {@code act08}), each with its own user ({@code u01}..{@code u08} for the sessions), all over by +50m.
     * Every change is known by its user or id, so a test can say exactly which arrived.
     *
     * @return the scenario
     */
    public static Scenario busyHour() {
        return BUSY_HOUR;
    }
}
