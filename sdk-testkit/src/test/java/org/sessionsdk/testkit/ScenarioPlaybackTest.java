package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskEvent;
import org.sessionsdk.plesk.PleskEventQuery;
import org.sessionsdk.plesk.PleskSession;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonSession;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/** Each simulator answers as of its clock: starts and ends appear exactly when the scenario says. */
class ScenarioPlaybackTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Scenario SCENARIO = Scenario.parse("""
            # offset  step       values
            +1m       start      s1  alice  192.0.2.10
            +2m       start      s2  bob    198.51.100.7
            +3m       audit      alice  created  domain  example.com
            +10m      end        s1
            +20m      terminate  s2
            """);

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static LocalDateTime utc(int minutes) {
        return LocalDateTime.ofInstant(at(minutes), ZoneOffset.UTC);
    }

    @Test
    void pleskListsOnlyWhatIsOpenNowAndLogsTheAuditStepsWithTheNextIds() {
        SimClock clock = SimClock.at(T0);
        try (PleskSimulator sim = PleskSimulator.start().withSessions(0).withEvents(2).withClock(clock)
                .withScenario(SCENARIO); PleskClient plesk = sim.client()) {
            assertThat(plesk.sessions().list()).isEmpty();
            clock.set(at(1));
            assertThat(plesk.sessions().list()).containsExactly(
                    new PleskSession("s1", "client", "192.0.2.10", "alice", utc(1), utc(1)));
            clock.set(at(2).minusSeconds(1));
            assertThat(plesk.sessions().list()).extracting(PleskSession::id).containsExactly("s1");
            clock.set(at(2));
            assertThat(plesk.sessions().list()).extracting(PleskSession::id).containsExactly("s1", "s2");
            assertThat(plesk.eventLog().lastId()).isEqualTo(2);

            clock.set(at(3));
            assertThat(plesk.eventLog().lastId()).isEqualTo(3);
            List<PleskEvent> log = plesk.eventLog().list(PleskEventQuery.all());
            assertThat(log).hasSize(3);
            assertThat(log.get(0).time()).isBefore(T0);
            assertThat(log.get(2)).isEqualTo(new PleskEvent(3, "created", at(3), "domain", "example.com", "alice",
                    log.get(2).host()));

            clock.set(at(10));
            assertThat(plesk.sessions().list()).extracting(PleskSession::id).containsExactly("s2");
            sim.addEvents(1); // logged now, after the scenario's entry
            assertThat(plesk.eventLog().list(PleskEventQuery.all())).extracting(PleskEvent::id, PleskEvent::time)
                    .endsWith(tuple(3L, at(3)), tuple(4L, at(10)));
            clock.set(at(20));
            assertThat(plesk.sessions().list()).isEmpty();
        }
    }

    @Test
    void aPleskClientTerminatingAScenarioSessionEndsItThere() {
        SimClock clock = SimClock.at(at(5));
        try (PleskSimulator sim = PleskSimulator.start().withSessions(0).withClock(SimClock.at(T0)).withScenario(SCENARIO);
             PleskClient plesk = sim.client()) {
            sim.withClock(clock).withScenario(SCENARIO); // anchor moves to +5m: nothing started yet
            clock.set(at(7));
            assertThat(plesk.sessions().list()).extracting(PleskSession::id).containsExactly("s1", "s2");
            plesk.sessions().terminate("s2");
            assertThat(plesk.sessions().list()).extracting(PleskSession::id).containsExactly("s1");
            assertThat(sim.sessionId("s2")).isEqualTo("s2");
        }
    }

    @Test
    void ekranShowsOpenSessionsWithoutLogoutAndClipsToTheWindowAsOfNow() {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withSessions(0).withClock(clock).withScenario(SCENARIO);
             EkranClient ekran = sim.client()) {
            EkranSessionQuery since = EkranSessionQuery.since(T0);
            assertThat(ekran.sessions().list(since)).isEmpty();
            clock.set(at(2));
            int s1 = sim.sessionId("s1");
            int s2 = sim.sessionId("s2");
            assertThat(List.of(s1, s2)).containsExactly(1, 2);
            assertThat(ekran.sessions().list(since)).extracting(EkranSession::sessionId, EkranSession::userId,
                    EkranSession::open).containsExactly(tuple(s1, EkranSimulator.userIdOf("alice"), true),
                    tuple(s2, EkranSimulator.userIdOf("bob"), true));
            // an open session's last activity inside a window reaching past now is now
            EkranSession clipped = ekran.sessions().list(EkranSessionQuery.between(at(1), at(30))).get(0);
            assertThat(clipped.loginDate().toInstant()).isEqualTo(at(1));
            assertThat(clipped.logoutDate().toInstant()).isEqualTo(at(2));

            clock.set(at(10));
            assertThat(ekran.sessions().list(since)).extracting(EkranSession::sessionId, s -> s.logoutDate() == null
                    ? null : s.logoutDate().toInstant()).containsExactly(tuple(s1, at(10)), tuple(s2, null));
            assertThat(ekran.sessions().list(EkranSessionQuery.between(at(4), at(6))))
                    .extracting(s -> s.loginDate().toInstant(), s -> s.logoutDate().toInstant())
                    .containsExactly(tuple(at(4), at(6)), tuple(at(4), at(6)));
            clock.set(at(25));
            assertThat(ekran.sessions().list(since)).extracting(s -> s.logoutDate().toInstant())
                    .containsExactly(at(10), at(20));
        }
    }

    @Test
    void ekranRaisesTheScenariosAuditStepsAsAlertsWithTheNextIds() {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withAlerts(2).withClock(clock).withScenario(SCENARIO);
             EkranClient ekran = sim.client()) {
            assertThat(ekran.alerts().list(org.sessionsdk.ekran.EkranAlertQuery.all())).hasSize(2);
            clock.set(at(3));
            List<org.sessionsdk.ekran.EkranAlert> alerts = ekran.alerts().list(org.sessionsdk.ekran.EkranAlertQuery.all());
            assertThat(alerts).hasSize(3);
            assertThat(alerts.get(2).activityId()).isEqualTo("3");
            assertThat(alerts.get(2).alertName()).isEqualTo("created");
            assertThat(alerts.get(2).userName()).isEqualTo("alice");
            assertThat(alerts.get(2).description()).isEqualTo("domain example.com");
            assertThat(alerts.get(2).date().toInstant()).isEqualTo(at(3));
            assertThat(sim.addAlert(at(4), "USB device", "bob", null)).isEqualTo(4);
        }
    }

    @Test
    void saymonsLogGrowsOnTopAndFillsEndTimes() {
        SimClock clock = SimClock.at(T0);
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(3).withClock(clock).withScenario(SCENARIO);
             SaymonClient saymon = sim.client()) {
            List<SaymonSession> before = saymon.sessions().list(SaymonSessionQuery.all());
            assertThat(before).hasSize(3);
            clock.set(at(1));
            // a page asked before s2 starts, the next after: s2 lands on top and pushes the rest down
            String page1 = RawHttp.get(sim, SaymonSimulator.LOG + "?limit=2&skip=0", "Authorization", basic()).body();
            clock.set(at(2));
            String page2 = RawHttp.get(sim, SaymonSimulator.LOG + "?limit=2&skip=2", "Authorization", basic()).body();
            assertThat(ids(page1)).containsExactly(sim.sessionId("s1"), before.get(0).id());
            assertThat(ids(page2)).containsExactly(before.get(0).id(), before.get(1).id());

            List<SaymonSession> now = saymon.sessions().list(SaymonSessionQuery.all());
            assertThat(now).extracting(SaymonSession::id).startsWith(sim.sessionId("s2"), sim.sessionId("s1"));
            assertThat(now.get(0).login()).isEqualTo("bob");
            assertThat(now.get(0).startTime()).isEqualTo(at(2));
            assertThat(now.get(0).endTime()).isNull();
            clock.set(at(21));
            now = saymon.sessions().list(SaymonSessionQuery.all());
            assertThat(now.subList(0, 2)).extracting(SaymonSession::endTime).containsExactly(at(20), at(10));
            assertThat(sim.logSize()).isEqualTo(5);
        }
    }

    @Test
    void saymonsAuditLogGainsTheScenariosEntriesForItsUsers() {
        SimClock clock = SimClock.at(T0);
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(0).withClock(clock).withScenario(SCENARIO);
             SaymonClient saymon = sim.client()) {
            String alice = sim.userId("alice");
            assertThat(saymon.auditLog().list(org.sessionsdk.saymon.SaymonAuditQuery.builder().userId(alice).build()))
                    .isEmpty();
            clock.set(at(3));
            assertThat(saymon.auditLog().list(org.sessionsdk.saymon.SaymonAuditQuery.builder().userId(alice).build()))
                    .singleElement().satisfies(e -> {
                        assertThat(e.timestamp()).isEqualTo(at(3));
                        assertThat(e.kind()).isEqualTo("created");
                        assertThat(e.entityType()).isEqualTo("domain");
                        assertThat(e.entityId()).isEqualTo("example.com");
                    });
            // the walk over all users finds alice, a user only the scenario names
            assertThat(saymon.auditEvents(org.sessionsdk.core.session.TimeRange.since(T0)).toList())
                    .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("alice"));
        }
    }

    @Test
    void senhaseguraGainsRowsAndFillsEndAndTimeAndDropsByTheSessionId() {
        SimClock clock = SimClock.at(T0);
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withSessions(2).withClock(clock)
                .withScenario(SCENARIO); SenhaseguraClient pam = sim.client()) {
            assertThat(pam.sessions().list()).hasSize(2);
            clock.set(at(1));
            List<SenhaseguraSession> rows = pam.sessions().list();
            assertThat(rows).hasSize(3);
            SenhaseguraSession s1 = rows.get(2);
            assertThat(s1.id()).isEqualTo(sim.sessionId("s1")).isEqualTo("3");
            assertThat(s1.user()).isEqualTo("alice");
            assertThat(s1.originIp()).isEqualTo("192.0.2.10");
            assertThat(s1.start()).isEqualTo(utc(1));
            assertThat(s1.end()).isNull();
            assertThat(s1.duration()).isNull();

            clock.set(at(5));
            SenhaseguraSession s2 = pam.sessions().get(sim.sessionId("s2"));
            assertThat(s2.open()).isTrue();
            pam.sessions().terminate(s2.sessionId()); // an administrator drops it at +5m
            clock.set(at(12));
            rows = pam.sessions().list();
            assertThat(rows.subList(2, 4)).extracting(SenhaseguraSession::id, SenhaseguraSession::end,
                    SenhaseguraSession::duration).containsExactly(tuple("3", utc(10), Duration.ofMinutes(9)),
                    tuple("4", utc(5), Duration.ofMinutes(3)));
        }
    }

    @Test
    void generatedHistoryEndsBeforeTheAnchorSoTheLastDayFindsIt() {
        try (PleskSimulator plesk = PleskSimulator.start(); EkranSimulator ekran = EkranSimulator.start();
             SaymonSimulator saymon = SaymonSimulator.start(); SenhaseguraSimulator pam = SenhaseguraSimulator.start()) {
            Instant anchor = plesk.anchor();
            Instant dayAgo = anchor.minus(Duration.ofDays(1));
            assertThat(plesk.sessions()).allSatisfy(s -> assertThat(s.loginTime().toInstant(ZoneOffset.UTC))
                    .isBetween(dayAgo, anchor));
            assertThat(ekran.sessions()).allSatisfy(s -> {
                assertThat(s.loginDate().toInstant()).isBetween(dayAgo, ekran.anchor());
                if (s.logoutDate() != null) {
                    assertThat(s.logoutDate().toInstant()).isBefore(ekran.anchor());
                }
            });
            assertThat(saymon.sessions()).allSatisfy(s -> {
                assertThat(s.startTime()).isBetween(dayAgo, saymon.anchor());
                if (s.endTime() != null) {
                    assertThat(s.endTime()).isBefore(saymon.anchor());
                }
            });
            assertThat(pam.sessions()).allSatisfy(s -> {
                assertThat(s.start().toInstant(ZoneOffset.UTC)).isBetween(dayAgo, pam.anchor());
                if (s.end() != null) {
                    assertThat(s.end().toInstant(ZoneOffset.UTC)).isBefore(pam.anchor());
                }
            });
        }
    }

    private static String basic() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((SaymonSimulator.LOGIN + ":" + SaymonSimulator.PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> ids(String body) {
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f]{24})\"").matcher(body);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
