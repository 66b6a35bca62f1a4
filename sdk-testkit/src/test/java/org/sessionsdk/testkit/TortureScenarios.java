package org.sessionsdk.testkit;

import java.time.Duration;

/** The scripts the torture suite plays: every session and audit entry has its own user, so each is known by it. */
final class TortureScenarios {
    private TortureScenarios() {
    }

    private static Duration m(int minutes) {
        return Duration.ofMinutes(minutes);
    }

    /**
     * About an hour of a busy server: eight sessions (short ones, long ones, overlapping ones, two that
     * start in the same minute) and eight audit entries, all over by +50m.
     */
    static final Scenario HOUR = Scenario.builder()
            .start(m(1), "s1", "u01", "192.0.2.1")
            .audit(m(2), "act01", "created", "domain", "one.example")
            .start(m(3), "s2", "u02", "192.0.2.2")
            .start(m(3), "s3", "u03", "192.0.2.3")
            .audit(m(5), "act02", "updated", "domain", "one.example")
            .end(m(7), "s2")
            .start(m(9), "s4", "u04", "198.51.100.4")
            .audit(m(11), "act03", "created", "mailname", "info@one.example")
            .end(m(14), "s1")
            .start(m(16), "s5", "u05", "198.51.100.5")
            .audit(m(18), "act04", "deleted", "mailname", "info@one.example")
            .end(m(21), "s4")
            .audit(m(24), "act05", "created", "domain", "two.example")
            .start(m(26), "s6", "u06", "192.0.2.6")
            .end(m(29), "s5")
            .audit(m(31), "act06", "updated", "domain", "two.example")
            .start(m(33), "s7", "u07", "192.0.2.7")
            .end(m(36), "s3")
            .audit(m(38), "act07", "deleted", "domain", "two.example")
            .end(m(40), "s6")
            .start(m(42), "s8", "u08", "203.0.113.8")
            .audit(m(44), "act08", "created", "domain", "three.example")
            .end(m(47), "s7")
            .end(m(50), "s8")
            .build();
}
