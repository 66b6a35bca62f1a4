package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.ekran.EkranAlert;
import org.sessionsdk.ekran.EkranAlertQuery;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionDetail;
import org.sessionsdk.ekran.EkranSessionDetailsQuery;

/** {@code GET /ekranapi/alerts} and {@code POST /ekranapi/sessions} of the simulator, through the SDK and raw. */
class EkranAuditSimulatorTest {
    private static final String KEY = EkranSimulator.API_KEY;

    @Test
    void generatedAlertsLieJustBeforeTheAnchorAndAreFoundAsAuditEvents() {
        try (EkranSimulator sim = EkranSimulator.start(); EkranClient c = sim.client()) {
            List<AuditEvent> events = c.auditEvents(TimeRange.last(Duration.ofDays(1))).toList();

            assertThat(events).hasSize(10).extracting(AuditEvent::id)
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.time()).isBefore(sim.anchor()).isAfter(sim.anchor().minus(Duration.ofHours(2)));
                assertThat(e.actor()).startsWith("CORP\\");
                assertThat(e.action()).isNotBlank();
                assertThat(e.attributes()).containsKeys("alertId", "riskLevel", "computerName", "sessionId");
            });
            assertThat(events).extracting(AuditEvent::time).isSorted();
            // the same seed gives the same alerts
            try (EkranSimulator again = EkranSimulator.start(); EkranClient d = again.client()) {
                assertThat(d.alerts().list(EkranAlertQuery.all())).extracting(EkranAlert::alertName)
                        .isEqualTo(c.alerts().list(EkranAlertQuery.all()).stream().map(EkranAlert::alertName).toList());
            }
        }
    }

    @Test
    void streamsThousandsOfAlertsBatchByBatchFollowingTheCursor() {
        try (EkranSimulator sim = EkranSimulator.start().withAlerts(2500); EkranClient c = sim.client()) {
            long[] next = {1};
            try (Stream<EkranAlert> s = c.alerts().stream(EkranAlertQuery.all())) {
                s.forEach(a -> assertThat(a.activityId()).isEqualTo(Long.toString(next[0]++)));
            }
            assertThat(next[0]).isEqualTo(2501);
            assertThat(sim.requests()).extracting(r -> r.query().get("afterActivityId"))
                    .containsExactly(null, "1000", "2000");
        }
    }

    @Test
    void aLastBatchOfExactlyAlertCountCostsOneMoreEmptyRequest() {
        try (EkranSimulator sim = EkranSimulator.start().withAlerts(6); EkranClient c = sim.client()) {
            assertThat(c.alerts().list(EkranAlertQuery.builder().batchSize(3).build())).hasSize(6);
            assertThat(sim.requests()).extracting(r -> r.query().get("afterActivityId")).containsExactly(null, "3", "6");
        }
    }

    @Test
    void addedAlertsFollowWithTheNextIdAndTheWindowSelectsByDate() {
        try (EkranSimulator sim = EkranSimulator.start().withAlerts(3); EkranClient c = sim.client()) {
            Instant later = sim.anchor().plus(Duration.ofHours(5));
            assertThat(sim.addAlert(later, "Logon out of hours", "CORP\\night", "logon at 3 am")).isEqualTo(4);
            assertThatThrownBy(() -> sim.withAlerts(5)).isInstanceOf(IllegalStateException.class);

            List<EkranAlert> got = c.alerts().list(EkranAlertQuery.between(later.minusSeconds(1), later.plusSeconds(1)));
            assertThat(got).singleElement().satisfies(a -> {
                assertThat(a.activityId()).isEqualTo("4");
                assertThat(a.date().toInstant()).isEqualTo(later);
                assertThat(a.userName()).isEqualTo("CORP\\night");
                assertThat(a.description()).isEqualTo("logon at 3 am");
            });
            assertThat(c.alerts().list(EkranAlertQuery.of(TimeRange.until(sim.anchor())))).hasSize(3);
        }
    }

    @Test
    void alertsRefuseAWrongKeyAndBadParametersAsTheSessionsEndpointDoes() {
        try (EkranSimulator sim = EkranSimulator.start()) {
            HttpResponse<String> noKey = RawHttp.get(sim, "/ekranapi/alerts");
            HttpResponse<String> sessionsNoKey = RawHttp.get(sim, "/ekranapi/sessions");
            assertThat(noKey.statusCode()).isEqualTo(401);
            assertThat(noKey.body()).isEqualTo(sessionsNoKey.body()).contains(EkranSimulator.DENIED);
            for (String q : List.of("alertCount=1001", "alertCount=-1", "alertCount=ten", "start=05.01.2026",
                    "end=2026-02-30", "afterActivityId=x")) {
                HttpResponse<String> bad = RawHttp.get(sim, "/ekranapi/alerts?" + q, "ApiKey", KEY);
                assertThat(bad.statusCode()).as(q).isEqualTo(400);
                assertThat(bad.body()).as(q).contains("One or more validation errors occurred.");
            }
            assertThat(RawHttp.get(sim, "/ekranapi/alerts?alertCount=1000&start=2026-01-05", "ApiKey", KEY).body())
                    .startsWith("{\"alerts\":[").contains("\"afterActivityId\":");
            assertThat(RawHttp.post(sim, "/ekranapi/alerts", "{}", "ApiKey", KEY).statusCode()).isEqualTo(405);
            assertThat(sim.rejectedRequests()).isEqualTo(2);
        }
    }

    @Test
    void sessionDetailsPageThroughTheSameSessionsWithConsistentTimes() {
        try (EkranSimulator sim = EkranSimulator.start().withSessions(10); EkranClient c = sim.client()) {
            List<EkranSessionDetail> got = c.sessions().detailsList(EkranSessionDetailsQuery.builder().pageSize(4).build());

            assertThat(got).extracting(EkranSessionDetail::sessionId)
                    .isEqualTo(sim.sessions().stream().map(EkranSession::sessionId).toList());
            for (EkranSessionDetail d : got) {
                assertThat(d.productiveTime().plus(d.idleTime())).isEqualTo(d.duration());
                if (d.logoutDate() != null) {
                    assertThat(d.duration()).isEqualTo(Duration.between(d.loginDate(), d.logoutDate()));
                }
            }
            assertThat(sim.requests()).extracting(RecordedRequest::method).containsOnly("POST");
            assertThat(sim.requests()).extracting(RecordedRequest::body).containsExactly(
                    "{\"sessionCount\":4,\"pageIndex\":0}", "{\"sessionCount\":4,\"pageIndex\":1}",
                    "{\"sessionCount\":4,\"pageIndex\":2}");
        }
    }

    @Test
    void sessionDetailsApplyTheWindowAndRefuseBadParameters() {
        try (EkranSimulator sim = EkranSimulator.start().withSessions(30);
             EkranClient c = sim.client();
             EkranClient bad = sim.clientBuilder().credentials(EkranCredentials.apiKey("wrong"))
                     .retryPolicy(RetryPolicy.none()).build()) {
            Instant from = sim.session(10).loginDate().toInstant();
            Instant to = from.plus(Duration.ofHours(2));
            assertThat(c.sessions().detailsList(EkranSessionDetailsQuery.between(from, to)))
                    .extracting(EkranSessionDetail::sessionId)
                    .isEqualTo(sim.sessions(from, to).stream().map(EkranSession::sessionId).toList());
            assertThatThrownBy(() -> bad.sessions().detailsList(EkranSessionDetailsQuery.all()))
                    .isInstanceOf(AuthenticationException.class);

            HttpResponse<String> noKey = RawHttp.post(sim, "/ekranapi/sessions", "{}");
            assertThat(noKey.statusCode()).isEqualTo(401);
            assertThat(noKey.body()).contains(EkranSimulator.DENIED);
            for (String body : List.of("{\"sessionCount\":1001}", "{\"pageIndex\":-1}", "{\"start\":\"05.01.2026\"}",
                    "[1]", "not json")) {
                HttpResponse<String> r = RawHttp.post(sim, "/ekranapi/sessions", body, "ApiKey", KEY);
                assertThat(r.statusCode()).as(body).isEqualTo(400);
                assertThat(r.body()).as(body).contains("One or more validation errors occurred.");
            }
        }
    }

    @Test
    void faultsApplyToTheNewEndpoints() {
        try (EkranSimulator sim = EkranSimulator.start();
             EkranClient c = sim.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
            sim.faults().malformedNext();
            assertThatThrownBy(() -> c.alerts().list(EkranAlertQuery.all())).isInstanceOf(ResponseFormatException.class);
            sim.faults().malformedNext();
            assertThatThrownBy(() -> c.sessions().detailsList(EkranSessionDetailsQuery.all()))
                    .isInstanceOf(ResponseFormatException.class);
            assertThat(c.alerts().list(EkranAlertQuery.all())).hasSize(10);
        }
    }

    @Test
    void timeSpansAreWrittenAsDotNetDoes() {
        assertThat(EkranDetailsApi.timeSpan(0)).isEqualTo("00:00:00");
        assertThat(EkranDetailsApi.timeSpan(732_400_020_000L)).isEqualTo("20:20:40.0020000");
        assertThat(EkranDetailsApi.timeSpan(937_845_000_000L)).isEqualTo("1.02:03:04.5000000");
    }
}
