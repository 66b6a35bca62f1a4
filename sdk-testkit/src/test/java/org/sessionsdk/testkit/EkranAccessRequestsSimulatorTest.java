package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.testkit.testing.TestCheckpoints;
import org.sessionsdk.ekran.EkranAccessRequest;
import org.sessionsdk.ekran.EkranAccessRequestQuery;
import org.sessionsdk.ekran.EkranAlert;
import org.sessionsdk.ekran.EkranAlertQuery;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionDetail;
import org.sessionsdk.ekran.EkranSessionDetailsQuery;
import org.sessionsdk.ekran.EkranSessionQuery;

/** The simulator's endpoint access requests, its offset times, and a server from before the endpoint. */
class EkranAccessRequestsSimulatorTest {

    @Test
    void pagesTheRequestsByTheAfterIdCursor() {
        try (EkranSimulator sim = EkranSimulator.start().withAccessRequests(2500); EkranClient c = sim.client()) {
            long[] next = {1};
            try (var s = c.accessRequests().stream(EkranAccessRequestQuery.all())) {
                s.forEach(r -> {
                    assertThat(r.id()).isEqualTo(Long.toString(next[0]++));
                    assertThat(r.status()).isIn("Approved", "Denied");
                    assertThat(r.endpointName()).startsWith("WS-");
                    assertThat(r.processedDate()).isAfter(r.requestDate());
                });
            }
            assertThat(next[0]).isEqualTo(2501);
            assertThat(sim.requests()).extracting(r -> r.query().get("afterId")).containsExactly(null, "1000", "2000");
            assertThat(sim.requests()).allSatisfy(r -> assertThat(r.query()).containsEntry("count", "1000"));
            // smaller batches, and a last batch of exactly count costs one more, empty, request
            sim.clearRequests();
            assertThat(c.accessRequests().list(EkranAccessRequestQuery.builder().afterId(2494L).batchSize(3).build()))
                    .extracting(EkranAccessRequest::id).containsExactly("2495", "2496", "2497", "2498", "2499", "2500");
            assertThat(sim.requests()).extracting(r -> r.query().get("afterId")).containsExactly("2494", "2497", "2500");
        }
    }

    @Test
    void addedRequestsFollowAndTheWindowSelectsByProcessingDate() {
        try (EkranSimulator sim = EkranSimulator.start().withAccessRequests(3); EkranClient c = sim.client()) {
            Instant later = sim.anchor().plus(Duration.ofHours(5));
            long id = sim.addAccessRequest(later, "CORP\\mallory", "DB-01", false, "secops");
            assertThat(id).isEqualTo(4);
            List<EkranAccessRequest> got = c.accessRequests().list(EkranAccessRequestQuery.builder()
                    .from(later.minusSeconds(60)).build());
            assertThat(got).singleElement().satisfies(r -> {
                assertThat(r.userName()).isEqualTo("CORP\\mallory");
                assertThat(r.status()).isEqualTo("Denied");
                assertThat(r.processedDate().toInstant()).isEqualTo(later);
                assertThat(r.toAuditEvent()).extracting(AuditEvent::id, AuditEvent::actor, AuditEvent::action,
                        AuditEvent::objectId).containsExactly("accessRequest:4", "secops", "denied", "DB-01");
            });
        }
    }

    @Test
    void everyTimeFieldCarriesTheServersOffset() {
        ZoneId plus3 = ZoneOffset.ofHours(3);
        try (EkranSimulator sim = EkranSimulator.start().withServerZone(plus3).withSessions(5).withAlerts(3)
                .withAccessRequests(3);
             EkranClient c = sim.clientBuilder().serverZone(ZoneId.of("America/New_York")).build()) {
            EkranSession s = c.sessions().list(EkranSessionQuery.all()).get(0);
            assertThat(s.loginDate().getOffset()).isEqualTo(plus3);
            EkranSession ended = c.sessions().list(EkranSessionQuery.all()).stream().filter(x -> !x.open()).findFirst()
                    .orElseThrow();
            assertThat(ended.logoutDate().getOffset()).isEqualTo(plus3);
            EkranSessionDetail d = c.sessions().detailsList(EkranSessionDetailsQuery.all()).stream()
                    .filter(x -> x.logoutDate() != null).findFirst().orElseThrow();
            assertThat(d.loginDate().getOffset()).isEqualTo(plus3);
            assertThat(d.logoutDate().getOffset()).isEqualTo(plus3);
            EkranAlert a = c.alerts().list(EkranAlertQuery.all()).get(0);
            assertThat(a.date().getOffset()).isEqualTo(plus3);
            EkranAccessRequest r = c.accessRequests().list(EkranAccessRequestQuery.all()).get(0);
            assertThat(r.requestDate().getOffset()).isEqualTo(plus3);
            assertThat(r.processedDate().getOffset()).isEqualTo(plus3);
            // the instants are the server's, whatever zone the client was told
            assertThat(r.toAuditEvent().time()).isEqualTo(r.processedDate().toInstant());
            assertThat(c.auditEvents(TimeRange.all()).toList()).hasSize(6)
                    .extracting(AuditEvent::time).isSorted();
        }
    }

    @Test
    void anOlderServerWithoutTheEndpointGivesItsAlertsAlone() {
        try (EkranSimulator sim = EkranSimulator.start().withAlerts(4).withAccessRequests(2).withoutAccessRequests();
             EkranClient c = sim.client()) {
            assertThat(c.auditEvents(TimeRange.all()).toList()).extracting(AuditEvent::id)
                    .containsExactly("1", "2", "3", "4");
        }
    }

    @Test
    void theAuditFeedMergesBothLogsInTimeOrderAndResumesEach() throws Exception {
        SimClock clock = SimClock.at(Instant.parse("2026-03-02T10:00:00Z"));
        try (EkranSimulator sim = EkranSimulator.start().withClock(clock).withAlerts(0).withSessions(0);
             EkranClient c = sim.client()) {
            Instant t0 = clock.instant();
            FeedOptions.Builder options = FeedOptions.builder().clock(clock).pollInterval(Duration.ofMinutes(1));
            Checkpoint saved;
            try (Feed<AuditEvent> feed = c.auditFeed(options.build())) {
                assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
                sim.addAlert(t0.plusSeconds(10), "USB storage connected", "CORP\\jdoe", "WS-1");
                sim.addAccessRequest(t0.plusSeconds(20), "CORP\\jdoe", "WS-2", true, "admin");
                sim.addAlert(t0.plusSeconds(30), "Privileged command run", "CORP\\jdoe", "WS-2");
                clock.set(t0.plusSeconds(60));
                FeedBatch<AuditEvent> b = feed.poll(Duration.ZERO);
                assertThat(b.items()).extracting(AuditEvent::id, AuditEvent::action).containsExactly(
                        tuple("1", "USB storage connected"), tuple("accessRequest:1", "approved"),
                        tuple("2", "Privileged command run"));
                saved = b.checkpoint();
                assertThat(TestCheckpoints.number(saved, "after")).isEqualTo(2L);
                assertThat(TestCheckpoints.number(saved, "requestsAfter")).isEqualTo(1L);
            }
            sim.addAccessRequest(t0.plusSeconds(90), "CORP\\asmith", "DB-01", false, "secops");
            clock.set(t0.plusSeconds(120));
            try (Feed<AuditEvent> resumed = c.auditFeed(options.resumeFrom(Checkpoint.parse(saved.toString())).build())) {
                assertThat(resumed.poll(Duration.ZERO).items()).extracting(AuditEvent::id)
                        .containsExactly("accessRequest:2");
            }
        }
    }
}
