package org.sessionsdk.saymon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.core.testing.CapturedLogs;
import org.sessionsdk.core.testing.Loopback;

/** {@code GET /node/api/users/{id}/audit-log} for one user, and the walk over {@code GET /node/api/users}. */
class SaymonAuditLogTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final Instant NOW = Instant.parse("2022-05-04T12:00:00Z");
    static final String U1 = "5f5f420005a91e683e101ca7";
    static final String U2 = "5f5f420105a91e683e101ca8";
    static final String U3 = "5f5f420205a91e683e101ca9";
    static final String USERS = "/node/api/users";

    static String log(String userId) {
        return "/node/api/users/" + userId + "/audit-log";
    }

    /** An audit record as the vendor's field list describes it. */
    static String record(String userId, long ts, String entityId, String kind) {
        return "{\"entityId\":\"" + entityId + "\",\"entityType\":\"object\",\"kind\":\"" + kind + "\","
                + "\"newBody\":{\"name\":\"Server " + entityId + "\",\"tags\":[\"a\"]},\"oldBody\":null,"
                + "\"timestamp\":" + ts + ",\"userId\":\"" + userId + "\"}";
    }

    static SaymonClient client() {
        return SaymonClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(SaymonCredentials.basic("admin", "pa:ss word"))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).retryPolicy(RetryPolicy.none()).build();
    }

    static void answer(String path, int status, String body) {
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    static SaymonAuditQuery one(String userId) {
        return SaymonAuditQuery.builder().userId(userId).build();
    }

    @Test
    void sendsBoundsPagingAndBasicAuthAndReadsEveryField() {
        answer(log(U1), 200, "[" + record(U1, 1651662280161L, "obj-1", "update") + ","
                + "{\"entityId\":7,\"entityType\":\"link\",\"kind\":2,\"newBody\":\"renamed\",\"oldBody\":[1, 2],"
                + "\"timestamp\":\"1651662280000\",\"userId\":\"" + U1 + "\",\"extra\":true}]");
        Instant from = Instant.parse("2022-05-01T00:00:00Z");
        List<SaymonAuditEntry> got;
        try (SaymonClient saymon = client()) {
            got = saymon.auditLog().list(SaymonAuditQuery.builder().userId(U1).from(from).pageSize(50).build());
        }

        assertThat(got).hasSize(2);
        SaymonAuditEntry a = got.get(0);
        assertThat(a.userId()).isEqualTo(U1);
        assertThat(a.login()).isNull(); // one user read by id: the login is not known
        assertThat(a.timestamp()).isEqualTo(Instant.ofEpochMilli(1651662280161L));
        assertThat(a.entityType()).isEqualTo("object");
        assertThat(a.entityId()).isEqualTo("obj-1");
        assertThat(a.kind()).isEqualTo("update");
        assertThat(a.newBody()).isEqualTo("{\"name\":\"Server obj-1\",\"tags\":[\"a\"]}");
        assertThat(a.oldBody()).isNull();
        assertThat(a.id()).isEqualTo(SaymonAuditEntry.deriveId(U1, a.timestamp(), "object", "obj-1", "update",
                a.newBody(), null)).startsWith(U1 + "-1651662280161-").hasSize(U1.length() + 1 + 13 + 1 + 16);
        SaymonAuditEntry b = got.get(1);
        assertThat(b.entityId()).isEqualTo("7");
        assertThat(b.kind()).isEqualTo("2");
        assertThat(b.newBody()).isEqualTo("\"renamed\"");
        assertThat(b.oldBody()).isEqualTo("[1,2]");

        LoggedRequest r = wm.findAll(getRequestedFor(urlPathEqualTo(log(U1)))).get(0);
        assertThat(r.queryParameter("from").firstValue()).isEqualTo(Long.toString(from.toEpochMilli()));
        assertThat(r.queryParameter("to").firstValue()).isEqualTo(Long.toString(NOW.toEpochMilli()));
        assertThat(r.queryParameter("limit").firstValue()).isEqualTo("50");
        assertThat(r.queryParameter("skip").firstValue()).isEqualTo("0");
        assertThat(r.getHeader("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("admin:pa:ss word".getBytes(StandardCharsets.UTF_8)));
        wm.verify(0, getRequestedFor(urlPathEqualTo(USERS))); // one user: the list is not read
    }

    @Test
    void theDerivedIdIsStableAndTellsEveryFieldApart() {
        Instant t = Instant.ofEpochMilli(1651662280161L);
        String id = SaymonAuditEntry.deriveId(U1, t, "object", "o1", "update", "{\"a\":1}", null);
        assertThat(SaymonAuditEntry.deriveId(U1, t, "object", "o1", "update", "{\"a\":1}", null)).isEqualTo(id);
        assertThat(List.of(
                SaymonAuditEntry.deriveId(U2, t, "object", "o1", "update", "{\"a\":1}", null),
                SaymonAuditEntry.deriveId(U1, t.plusMillis(1), "object", "o1", "update", "{\"a\":1}", null),
                SaymonAuditEntry.deriveId(U1, t, "link", "o1", "update", "{\"a\":1}", null),
                SaymonAuditEntry.deriveId(U1, t, "object", "o2", "update", "{\"a\":1}", null),
                SaymonAuditEntry.deriveId(U1, t, "object", "o1", "create", "{\"a\":1}", null),
                SaymonAuditEntry.deriveId(U1, t, "object", "o1", "update", "{\"a\":2}", null),
                SaymonAuditEntry.deriveId(U1, t, "object", "o1", "update", null, "{\"a\":1}"),
                SaymonAuditEntry.deriveId(U1, t, "objecto", "1", "update", "{\"a\":1}", null))) // no field bleeds into the next
                .doesNotHaveDuplicates().doesNotContain(id);
        // the same body spaced differently on the wire reads as the same text, so the same id
        answer(log(U1), 200, "[{\"timestamp\":1,\"kind\":\"k\",\"newBody\":{ \"a\" :  1 }},{\"timestamp\":1,\"kind\":\"k\","
                + "\"newBody\":{\"a\":1}}]");
        try (SaymonClient saymon = client()) {
            // same id; two on one page are both returned (only a page's repeat of the page before is dropped)
            assertThat(saymon.auditLog().list(one(U1))).extracting(SaymonAuditEntry::id).hasSize(2).containsOnly(
                    SaymonAuditEntry.deriveId(U1, Instant.ofEpochMilli(1), null, null, "k", "{\"a\":1}", null));
        }
    }

    @Test
    void mapsToTheVendorNeutralAuditEvent() {
        SaymonAuditEntry e = new SaymonAuditEntry("id1", U1, "jdoe", Instant.ofEpochMilli(5), "object", "o1", "update",
                "{\"a\":1}", "{\"a\":0}");
        AuditEvent a = e.toAuditEvent();
        assertThat(a).isEqualTo(new AuditEvent("saymon", "id1", Instant.ofEpochMilli(5), "jdoe", null, "update", "object",
                "o1", null, java.util.Map.of("userId", U1, "newBody", "{\"a\":1}", "oldBody", "{\"a\":0}")));
        SaymonAuditEntry noLogin = new SaymonAuditEntry("id2", U1, null, null, null, null, null, null, null);
        assertThat(noLogin.toAuditEvent().actor()).isEqualTo(U1);
        assertThat(noLogin.toAuditEvent().attributes()).containsOnlyKeys("userId");
    }

    @Test
    void aRecordWithoutUserIdBelongsToTheUserWhoseLogItIs() {
        answer(log(U1), 200, "[{\"timestamp\":1651662280161,\"kind\":\"delete\",\"entityType\":\"object\",\"entityId\":\"o\"}]");
        try (SaymonClient saymon = client()) {
            assertThat(saymon.auditLog().list(one(U1))).singleElement()
                    .satisfies(e -> assertThat(e.userId()).isEqualTo(U1));
        }
    }

    @Test
    void anEmptyLogIsOneRequest() {
        answer(log(U1), 200, "[]");
        try (SaymonClient saymon = client()) {
            assertThat(saymon.auditLog().list(one(U1))).isEmpty();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(log(U1))));
    }

    @Test
    void aFullLastPageCostsOneMoreEmptyRequest() {
        wm.stubFor(get(urlPathEqualTo(log(U1))).withQueryParam("skip", equalTo("0")).willReturn(aResponse().withBody(
                "[" + record(U1, 40, "a", "k") + "," + record(U1, 30, "b", "k") + "]")));
        wm.stubFor(get(urlPathEqualTo(log(U1))).withQueryParam("skip", equalTo("2")).willReturn(aResponse().withBody(
                "[" + record(U1, 20, "c", "k") + "," + record(U1, 10, "d", "k") + "]")));
        wm.stubFor(get(urlPathEqualTo(log(U1))).withQueryParam("skip", equalTo("4")).willReturn(aResponse().withBody("[]")));
        try (SaymonClient saymon = client()) {
            assertThat(saymon.auditLog().list(SaymonAuditQuery.builder().userId(U1).pageSize(2).build()))
                    .extracting(SaymonAuditEntry::entityId).containsExactly("a", "b", "c", "d");
        }
        wm.verify(3, getRequestedFor(urlPathEqualTo(log(U1))));
    }

    @Test
    void entriesLoggedOnTopWhilePagingCauseNeitherGapsNorRepeats() {
        // the log is e6..e1 (newest first); after each page one more entry lands on top and shifts the rest
        List<List<Integer>> states = List.of(List.of(6, 5, 4, 3, 2, 1), List.of(7, 6, 5, 4, 3, 2, 1),
                List.of(8, 7, 6, 5, 4, 3, 2, 1));
        for (int page = 0; page < 3; page++) {
            List<Integer> log = states.get(page);
            StringBuilder body = new StringBuilder("[");
            log.stream().skip(page * 3L).limit(3).forEach(n -> body.append(body.length() > 1 ? "," : "")
                    .append(record(U1, 1651662280000L + n, "e" + n, "update")));
            wm.stubFor(get(urlPathEqualTo(log(U1))).withQueryParam("skip", equalTo(Integer.toString(page * 3)))
                    .willReturn(aResponse().withBody(body.append("]").toString())));
        }
        try (SaymonClient saymon = client()) {
            assertThat(saymon.auditLog().list(SaymonAuditQuery.builder().userId(U1).pageSize(3).build()))
                    .extracting(SaymonAuditEntry::entityId).containsExactly("e6", "e5", "e4", "e3", "e2", "e1");
        }
    }

    @Test
    void theCapSpansPages() {
        answer(log(U1), 200, "[" + record(U1, 3, "a", "k") + "," + record(U1, 2, "b", "k") + "]");
        try (SaymonClient saymon = client()) {
            assertThat(saymon.auditLog().list(SaymonAuditQuery.builder().userId(U1).limit(1).build())).hasSize(1);
        }
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(log(U1)))).get(0).queryParameter("limit").firstValue())
                .isEqualTo("1");
    }

    @Test
    void oneUsersErrorsAreTheDocumentedOnes() {
        try (SaymonClient saymon = client()) {
            answer(log(U1), 401, "{\"code\":\"Unauthorized\",\"message\":\"{\\\"errorCode\\\":3,\\\"message\\\":\\\"Session expired.\\\"}\"}");
            assertThatThrownBy(() -> saymon.auditLog().list(one(U1))).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("Session expired.").hasMessageNotContaining("pa:ss");
            answer(log(U1), 403, "{\"code\":\"Forbidden\",\"message\":\"Access denied\"}");
            assertThatThrownBy(() -> saymon.auditLog().list(one(U1))).isInstanceOf(PermissionDeniedException.class);
            answer(log(U1), 404, "{\"code\":\"ResourceNotFound\",\"message\":\"User not found\"}");
            assertThatThrownBy(() -> saymon.auditLog().list(one(U1))).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("User not found");
            answer(log(U1), 500, "{\"code\":\"InternalError\",\"message\":\"boom\"}");
            assertThatThrownBy(() -> saymon.auditLog().list(one(U1))).isInstanceOf(ServerException.class);
            answer(log(U1), 400, "{\"code\":\"BadRequest\",\"message\":\"'from' must be a number\"}");
            assertThatThrownBy(() -> saymon.auditLog().list(one(U1))).hasMessageContaining("'from' must be a number");
        }
    }

    @Test
    void malformedBodiesAreResponseFormatExceptions() {
        try (SaymonClient saymon = client()) {
            for (String bad : List.of("{\"code\":\"x\"}", "[{\"timestamp\":\"soon\"}]", "[{\"kind\":{\"a\":1}}]",
                    "[{\"timestamp\":1,\"newBody\":{\"a\":[1,", "[1,2]", "not json", "")) {
                answer(log(U1), 200, bad);
                assertThatThrownBy(() -> saymon.auditLog().list(one(U1))).as(bad).isInstanceOf(ResponseFormatException.class);
            }
            for (String bad : List.of("{\"id\":\"u\"}", "[{\"id\":{}}]", "[{\"id\":\"u\",")) {
                answer(USERS, 200, bad);
                assertThatThrownBy(() -> saymon.users().list()).as(bad).isInstanceOf(ResponseFormatException.class);
            }
        }
    }

    @Test
    void listsUsers() {
        answer(USERS, 200, "[{\"id\":\"" + U1 + "\",\"login\":\"admin\",\"name\":\"Administrator\",\"email\":\"a@x\","
                + "\"permissions\":[\"read-session-log\"]},{\"_id\":\"" + U2 + "\",\"login\":\"jdoe\"}]");
        try (SaymonClient saymon = client()) {
            assertThat(saymon.users().list()).containsExactly(
                    new SaymonUser(U1, "admin", "Administrator", java.util.Map.of("id", U1, "login", "admin", "name",
                            "Administrator", "email", "a@x")),
                    new SaymonUser(U2, "jdoe", null, java.util.Map.of("_id", U2, "login", "jdoe")));
        }
        LoggedRequest r = wm.findAll(getRequestedFor(urlPathEqualTo(USERS))).get(0);
        assertThat(r.getHeader("Accept")).isEqualTo("application/json");
    }

    static void threeUsers() {
        answer(USERS, 200, "[{\"id\":\"" + U1 + "\",\"login\":\"admin\"},{\"id\":\"" + U2 + "\",\"login\":\"gone\"},"
                + "{\"id\":\"" + U3 + "\",\"login\":\"jdoe\"},{\"login\":\"no-id\"}]");
    }

    @Test
    void theWalkReadsEveryUserSkipsOneThatFailsAndReportsIt() {
        threeUsers();
        answer(log(U1), 200, "[" + record(U1, 20, "a", "update") + "," + record(U1, 10, "b", "create") + "]");
        answer(log(U2), 404, "{\"code\":\"ResourceNotFound\",\"message\":\"User not found\"}");
        answer(log(U3), 200, "[" + record(U3, 15, "c", "delete") + "]");
        List<SaymonAuditFailure> failures = new ArrayList<>();
        int mark = CapturedLogs.mark();
        List<SaymonAuditEntry> got;
        try (SaymonClient saymon = client()) {
            got = saymon.auditLog().list(SaymonAuditQuery.builder().onUserFailure(failures::add).build());
        }
        assertThat(got).extracting(SaymonAuditEntry::entityId).containsExactly("a", "b", "c");
        assertThat(got).extracting(SaymonAuditEntry::login).containsExactly("admin", "admin", "jdoe");
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.userId()).isEqualTo(U2);
            assertThat(f.login()).isEqualTo("gone");
            assertThat(f.error()).isInstanceOf(NotFoundException.class);
        });
        assertThat(CapturedLogs.since(mark)).filteredOn(l -> l.level().equals("WARN"))
                .singleElement().satisfies(l -> assertThat(l.message()).contains(U2, "gone", "User not found"));
        // every request of the walk carries the same fixed upper bound
        for (String u : List.of(U1, U2, U3)) {
            assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(log(u))))).extracting(r -> r.queryParameter("to").firstValue())
                    .containsOnly(Long.toString(NOW.toEpochMilli()));
        }
    }

    @Test
    void aUserFailingOnALaterPageKeepsWhatWasRead() {
        answer(USERS, 200, "[{\"id\":\"" + U1 + "\",\"login\":\"admin\"},{\"id\":\"" + U3 + "\",\"login\":\"jdoe\"}]");
        wm.stubFor(get(urlPathEqualTo(log(U1))).withQueryParam("skip", equalTo("0")).willReturn(aResponse().withBody(
                "[" + record(U1, 20, "a", "k") + "]")));
        wm.stubFor(get(urlPathEqualTo(log(U1))).withQueryParam("skip", equalTo("1")).willReturn(aResponse().withStatus(500)
                .withBody("{\"code\":\"InternalError\",\"message\":\"boom\"}")));
        answer(log(U3), 200, "[" + record(U3, 15, "c", "k") + "]");
        List<SaymonAuditFailure> failures = new ArrayList<>();
        try (SaymonClient saymon = client()) {
            assertThat(saymon.auditLog().list(SaymonAuditQuery.builder().pageSize(1).onUserFailure(failures::add).build()))
                    .extracting(SaymonAuditEntry::entityId).containsExactly("a", "c");
        }
        assertThat(failures).singleElement().satisfies(f -> assertThat(f.error()).isInstanceOf(ServerException.class));
    }

    @Test
    void anAuthenticationFailureFailsTheWalk() {
        threeUsers();
        answer(log(U1), 200, "[" + record(U1, 20, "a", "update") + "]");
        answer(log(U2), 401, "{\"code\":\"InvalidCredentials\",\"message\":\"Invalid login or password.\"}");
        answer(log(U3), 200, "[" + record(U3, 15, "c", "delete") + "]");
        try (SaymonClient saymon = client()) {
            assertThatThrownBy(() -> saymon.auditLog().list(SaymonAuditQuery.all())).isInstanceOf(AuthenticationException.class);
            answer(USERS, 401, "{\"code\":\"InvalidCredentials\",\"message\":\"Invalid login or password.\"}");
            assertThatThrownBy(() -> saymon.auditLog().list(SaymonAuditQuery.all())).isInstanceOf(AuthenticationException.class);
        }
        wm.verify(0, getRequestedFor(urlPathEqualTo(log(U3))));
    }

    @Test
    void whenEveryUserFailsTheWalkFailsWithTheFirstError() {
        threeUsers();
        for (String u : List.of(U1, U2, U3)) {
            answer(log(u), 403, "{\"code\":\"Forbidden\",\"message\":\"Access denied\"}");
        }
        List<SaymonAuditFailure> failures = new ArrayList<>();
        try (SaymonClient saymon = client()) {
            assertThatThrownBy(() -> saymon.auditLog().list(SaymonAuditQuery.builder().onUserFailure(failures::add).build()))
                    .isInstanceOf(PermissionDeniedException.class)
                    .isSameAs(failures.isEmpty() ? null : failures.get(0).error());
        }
        assertThat(failures).extracting(SaymonAuditFailure::userId).containsExactly(U1, U2, U3);
    }

    @Test
    void noUsersIsAnEmptyLog() {
        answer(USERS, 200, "[]");
        try (SaymonClient saymon = client()) {
            assertThat(saymon.auditLog().list(SaymonAuditQuery.all())).isEmpty();
            assertThat(saymon.auditLog().listAsync(SaymonAuditQuery.all()).join()).isEmpty();
        }
    }

    @Test
    void theCapCoversTheWholeWalk() {
        threeUsers();
        answer(log(U1), 200, "[" + record(U1, 20, "a", "k") + "," + record(U1, 10, "b", "k") + "]");
        answer(log(U2), 200, "[" + record(U2, 20, "x", "k") + "," + record(U2, 10, "y", "k") + "]");
        try (SaymonClient saymon = client()) {
            assertThat(saymon.auditLog().list(SaymonAuditQuery.builder().limit(3).build()))
                    .extracting(SaymonAuditEntry::entityId).containsExactly("a", "b", "x");
        }
        wm.verify(0, getRequestedFor(urlPathEqualTo(log(U3))));
    }

    @Test
    void isAnAuditSourceFilteringTheRangeOnTheClient() {
        answer(USERS, 200, "[{\"id\":\"" + U1 + "\",\"login\":\"admin\"}]");
        Instant from = Instant.ofEpochMilli(1000);
        Instant to = Instant.ofEpochMilli(2000);
        // a server that treats 'to' as inclusive, and one record it should not have sent
        answer(log(U1), 200, "[" + record(U1, 2000, "at-to", "k") + "," + record(U1, 1500, "in", "update") + ","
                + record(U1, 1000, "at-from", "k") + "," + record(U1, 999, "before", "k") + "]");
        try (SaymonClient saymon = client(); Stream<AuditEvent> events = saymon.auditEvents(TimeRange.between(from, to))) {
            assertThat(saymon.vendor()).isEqualTo("saymon");
            List<AuditEvent> got = events.toList();
            assertThat(got).extracting(AuditEvent::objectId).containsExactly("in", "at-from");
            assertThat(got.get(0).actor()).isEqualTo("admin");
            assertThat(got.get(0).action()).isEqualTo("update");
            assertThat(got.get(0).objectType()).isEqualTo("object");
            assertThat(got.get(0).time()).isEqualTo(Instant.ofEpochMilli(1500));
            assertThat(got.get(0).attributes()).containsEntry("newBody", "{\"name\":\"Server in\",\"tags\":[\"a\"]}")
                    .doesNotContainKey("oldBody");
        }
        LoggedRequest r = wm.findAll(getRequestedFor(urlPathEqualTo(log(U1)))).get(0);
        assertThat(r.queryParameter("from").firstValue()).isEqualTo("1000");
        assertThat(r.queryParameter("to").firstValue()).isEqualTo("2000");
    }

    @Test
    void userIdsAreEscapedInThePath() {
        answer("/node/api/users/a%2Fb%20c/audit-log", 200, "[]");
        try (SaymonClient saymon = client()) {
            assertThat(saymon.auditLog().list(one("a/b c"))).isEmpty();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/node/api/users/a%2Fb%20c/audit-log")));
    }
}
