package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.saymon.SaymonAuditEntry;
import org.sessionsdk.saymon.SaymonAuditFailure;
import org.sessionsdk.saymon.SaymonAuditQuery;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.saymon.SaymonUser;

/** The simulator's user list and audit logs, read with the real client. */
class SaymonAuditSimulatorTest {
    static final List<String> LOGINS = List.of("admin", "operator", "jdoe", "monitor", "api-bot", "viewer");

    @Test
    void listsItsUsers() {
        try (SaymonSimulator sim = SaymonSimulator.start(); SaymonClient saymon = sim.client()) {
            assertThat(saymon.users().list()).extracting(SaymonUser::login).containsExactlyElementsOf(LOGINS);
            assertThat(saymon.users().list()).extracting(SaymonUser::id)
                    .containsExactlyElementsOf(LOGINS.stream().map(sim::userId).toList());
        }
    }

    @Test
    void generatedEntriesLieJustBeforeTheAnchorAndComeFromTheSeed() {
        try (SaymonSimulator sim = SaymonSimulator.start();
             SaymonSimulator same = SaymonSimulator.start();
             SaymonSimulator other = SaymonSimulator.start().withSeed(7);
             SaymonClient saymon = sim.client()) {
            List<AuditEvent> events;
            try (Stream<AuditEvent> s = saymon.auditEvents(TimeRange.last(Duration.ofDays(1)))) {
                events = s.toList();
            }
            assertThat(events).hasSize(LOGINS.size() * 5);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.time()).isBefore(sim.anchor()).isAfter(sim.anchor().minus(Duration.ofMinutes(6)));
                assertThat(e.vendor()).isEqualTo("saymon");
                assertThat(e.action()).isIn("create", "update", "delete");
                assertThat(LOGINS).contains(e.actor());
            });
            List<SaymonAuditEntry> all = new ArrayList<>();
            LOGINS.forEach(l -> all.addAll(sim.auditEntries(l)));
            assertThat(events).extracting(AuditEvent::id).containsExactlyElementsOf(all.stream().map(SaymonAuditEntry::id).toList());
            // the same seed gives the same log (ids also hold the time, which follows each one's anchor)
            assertThat(same.auditEntries("jdoe")).extracting(SaymonAuditEntry::entityId, SaymonAuditEntry::kind,
                    SaymonAuditEntry::newBody).containsExactlyElementsOf(sim.auditEntries("jdoe").stream()
                    .map(e -> org.assertj.core.groups.Tuple.tuple(e.entityId(), e.kind(), e.newBody())).toList());
            assertThat(other.auditEntries("jdoe")).extracting(SaymonAuditEntry::entityId)
                    .doesNotContainAnyElementsOf(sim.auditEntries("jdoe").stream().map(SaymonAuditEntry::entityId).toList());
        }
    }

    @Test
    void pagesALongLogWithCookieSessionsToo() {
        try (SaymonSimulator sim = SaymonSimulator.start().withAuditEntries(1_234);
             SaymonClient cookie = sim.clientBuilder().credentials(SaymonCredentials.session(SaymonSimulator.LOGIN,
                     SaymonSimulator.PASSWORD)).build()) {
            List<SaymonAuditEntry> got = cookie.auditLog().list(SaymonAuditQuery.builder().userId(sim.userId("jdoe"))
                    .pageSize(100).build());
            assertThat(got).extracting(SaymonAuditEntry::id)
                    .containsExactlyElementsOf(sim.auditEntries("jdoe").stream().map(SaymonAuditEntry::id).toList());
            assertThat(got).hasSize(1_234).extracting(SaymonAuditEntry::timestamp).isSortedAccordingTo((a, b) -> b.compareTo(a));
            assertThat(sim.auditLogRequests()).isEqualTo(13); // 12 full pages and a short one
        }
    }

    @Test
    void entriesLoggedWhilePagingCauseNeitherGapsNorRepeats() {
        try (SaymonSimulator sim = SaymonSimulator.start().withAuditEntries(45);
             SaymonClient saymon = sim.client()) {
            List<String> before = sim.auditEntries("admin").stream().map(SaymonAuditEntry::id).toList();
            sim.insertAuditEntriesAfterEachPage(2);
            List<SaymonAuditEntry> got = saymon.auditLog().list(SaymonAuditQuery.builder().userId(sim.userId("admin"))
                    .pageSize(10).build());
            assertThat(got).extracting(SaymonAuditEntry::id).containsExactlyElementsOf(before);
            assertThat(sim.auditEntries("admin")).hasSizeGreaterThan(45); // the log did grow meanwhile
        }
    }

    @Test
    void anAddedEntryTakesItsPlaceByTime() {
        try (SaymonSimulator sim = SaymonSimulator.start().withAuditEntries(3)) {
            Instant t = sim.anchor().minusSeconds(150); // between the newest generated entries
            sim.addAuditEntry(t, "jdoe", "create", "object", "obj-42");
            List<SaymonAuditEntry> log = sim.auditEntries("jdoe");
            assertThat(log).hasSize(4).extracting(SaymonAuditEntry::timestamp).isSortedAccordingTo((a, b) -> b.compareTo(a));
            SaymonAuditEntry added = log.stream().filter(e -> "obj-42".equals(e.entityId())).findFirst().orElseThrow();
            assertThat(added.timestamp()).isEqualTo(t);
            assertThat(added.oldBody()).isNull();
            assertThat(added.newBody()).contains("obj-42");
            try (SaymonClient saymon = sim.client()) {
                assertThat(saymon.auditLog().list(SaymonAuditQuery.builder().userId(sim.userId("jdoe"))
                        .range(TimeRange.between(t, t.plusMillis(1))).build())).extracting(SaymonAuditEntry::id)
                        .containsExactly(added.id());
            }
        }
    }

    @Test
    void theWalkSkipsAFailingUserAndReportsIt() {
        try (SaymonSimulator sim = SaymonSimulator.start().failAuditLogOf("jdoe", 500).failAuditLogOf("monitor", 404);
             SaymonClient saymon = sim.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
            List<SaymonAuditFailure> failures = new ArrayList<>();
            List<SaymonAuditEntry> got = saymon.auditLog().list(SaymonAuditQuery.builder().onUserFailure(failures::add).build());
            assertThat(got).hasSize(4 * 5).extracting(SaymonAuditEntry::login).doesNotContain("jdoe", "monitor");
            assertThat(failures).extracting(SaymonAuditFailure::login).containsExactly("jdoe", "monitor");
            assertThat(failures.get(0).error()).isInstanceOf(ServerException.class);
            assertThat(failures.get(1).error()).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void theViewerReadsOnlyHisOwnLog() {
        try (SaymonSimulator sim = SaymonSimulator.start();
             SaymonClient viewer = sim.clientBuilder().credentials(SaymonCredentials.basic(SaymonSimulator.VIEWER_LOGIN,
                     SaymonSimulator.VIEWER_PASSWORD)).build()) {
            List<SaymonAuditFailure> failures = new ArrayList<>();
            List<SaymonAuditEntry> got = viewer.auditLog().list(SaymonAuditQuery.builder().onUserFailure(failures::add).build());
            assertThat(got).hasSize(5).extracting(SaymonAuditEntry::login).containsOnly("viewer");
            assertThat(failures).hasSize(5).allSatisfy(f -> assertThat(f.error()).isInstanceOf(PermissionDeniedException.class)
                    .hasMessageContaining(SaymonSimulator.AUDIT_PERMISSION));
        }
    }

    @Test
    void unknownUsersAndBadCredentialsFail() {
        try (SaymonSimulator sim = SaymonSimulator.start();
             SaymonClient saymon = sim.client();
             SaymonClient bad = sim.clientBuilder().credentials(SaymonCredentials.basic("admin", "wrong")).build()) {
            assertThatThrownBy(() -> saymon.auditLog().list(SaymonAuditQuery.builder().userId("0123456789abcdef01234567").build()))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("not found");
            assertThatThrownBy(() -> bad.auditLog().list(SaymonAuditQuery.all())).isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> bad.auditLog().list(SaymonAuditQuery.builder().userId(sim.userId("admin")).build()))
                    .isInstanceOf(AuthenticationException.class);
            assertThat(sim.rejectedRequests()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void answersOnTheWireAsTheRestOfTheApi() {
        try (SaymonSimulator sim = SaymonSimulator.start()) {
            String auth = "Basic " + java.util.Base64.getEncoder().encodeToString((SaymonSimulator.LOGIN + ":"
                    + SaymonSimulator.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String log = "/node/api/users/" + sim.userId("admin") + "/audit-log";
            var none = RawHttp.get(sim, log);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.body()).contains("\"code\":\"Unauthorized\"", "Authentication required.");
            assertThat(RawHttp.get(sim, log + "?skip=-1", "Authorization", auth).statusCode()).isEqualTo(400);
            var page = RawHttp.get(sim, log + "?limit=2&skip=1", "Authorization", auth);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).startsWith("[{\"entityId\":").contains("\"timestamp\":", "\"userId\":\""
                    + sim.userId("admin") + "\"");
            assertThat(page.body().split("\"entityId\"", -1)).hasSize(3);
            var unknown = RawHttp.get(sim, "/node/api/users/ffff/audit-log", "Authorization", auth);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("\"code\":\"ResourceNotFound\"");
            assertThat(RawHttp.get(sim, "/node/api/users", "Authorization", auth).body()).contains("\"login\":\"viewer\"");
        }
    }
}
