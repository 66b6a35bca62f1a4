package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditTrail;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskEvent;
import org.sessionsdk.plesk.PleskEventQuery;

/** The Plesk client as an {@code AuditSource}: the action log, seeking its start by id. */
class PleskAuditTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void entriesMapToAuditEventsFieldByField() {
        try (PleskSimulator sim = PleskSimulator.start().withEvents(0).withClock(SimClock.at(T0)).withScenario(
                Scenario.parse("-2m audit alice created domain example.com\n-1m audit bob deleted mailname info@example.com"));
             PleskClient plesk = sim.client()) {
            List<PleskEvent> raw = plesk.eventLog().list(PleskEventQuery.all());
            List<AuditEvent> events;
            try (Stream<AuditEvent> s = plesk.auditEvents(TimeRange.all())) {
                events = s.toList();
            }
            assertThat(events).containsExactly(
                    new AuditEvent("plesk", "1", T0.minusSeconds(120), "alice", raw.get(0).host(), "created", "domain",
                            "example.com", null, null),
                    new AuditEvent("plesk", "2", T0.minusSeconds(60), "bob", raw.get(1).host(), "deleted", "mailname",
                            "info@example.com", null, null));
            assertThat(raw.get(0).host()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        }
    }

    @Test
    void theLastHourOfAHundredThousandEntriesIsFoundWithAFewProbesNotByReadingTheLog() {
        int n = 100_000;
        try (PleskSimulator sim = PleskSimulator.start().withEvents(n).withClock(SimClock.at(T0));
             PleskClient plesk = sim.client()) {
            // generated entries are a minute apart, the newest a minute before the anchor
            List<AuditEvent> lastHour;
            try (Stream<AuditEvent> s = plesk.auditEvents(TimeRange.between(T0.minus(Duration.ofHours(1)), T0))) {
                lastHour = s.toList();
            }
            assertThat(lastHour).hasSize(60);
            assertThat(lastHour.get(0).id()).isEqualTo(String.valueOf(n - 59));
            assertThat(lastHour.get(59).id()).isEqualTo(String.valueOf(n));
            // get-last-id, the probes, and one read from the id found
            assertThat(sim.requestCount()).isLessThanOrEqualTo(2 * 17 + 2);
            assertThat(sim.requests()).last().satisfies(r -> assertThat(r.body()).contains("<lastId>" + (n - 59) + "</lastId>"));
        }
    }

    @Test
    void firstIdAtHandlesTheEdgesOfTheLog() {
        try (PleskSimulator sim = PleskSimulator.start().withEvents(0).withClock(SimClock.at(T0));
             PleskClient plesk = sim.client()) {
            assertThat(plesk.eventLog().firstIdAt(T0)).isEqualTo(1);
            sim.withEvents(10);
            assertThat(plesk.eventLog().firstIdAt(T0.minus(Duration.ofDays(1)))).isEqualTo(1);
            assertThat(plesk.eventLog().firstIdAt(T0)).isEqualTo(11);
            for (int k = 1; k <= 10; k++) {
                // entry k was logged (11 - k) minutes before the anchor
                Instant t = T0.minusSeconds(60L * (11 - k));
                assertThat(plesk.eventLog().firstIdAt(t)).as("entry " + k).isEqualTo(k);
                assertThat(plesk.eventLog().firstIdAt(t.minusSeconds(1))).as("just before entry " + k).isEqualTo(k);
                assertThat(plesk.eventLog().firstIdAt(t.plusSeconds(1))).as("just after entry " + k).isEqualTo(k + 1);
            }
            try (Stream<AuditEvent> s = plesk.auditEvents(TimeRange.since(T0))) {
                assertThat(s).isEmpty();
            }
        }
    }

    @Test
    void aTrailMergesPanelsInTimeOrder() {
        try (PleskSimulator sim = PleskSimulator.start().withEvents(3).withClock(SimClock.at(T0));
             PleskClient a = sim.client(); PleskClient b = sim.tenant(1).withClock(SimClock.at(T0.plusSeconds(30))).client()) {
            AuditTrail.Result r = AuditTrail.of(a, b).collect(TimeRange.all());
            assertThat(r.failures()).isEmpty();
            assertThat(r.events()).hasSize(6).isSortedAccordingTo(AuditTrail.TIME_ORDER);
            assertThat(r.events()).extracting(AuditEvent::id).containsExactly("1", "1", "2", "2", "3", "3");
        }
    }
}
