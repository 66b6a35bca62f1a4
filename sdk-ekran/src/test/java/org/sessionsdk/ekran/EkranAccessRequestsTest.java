package org.sessionsdk.ekran;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.client.AuditTraits;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedBatch;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.feed.CheckpointState;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.core.testing.Loopback;
import org.sessionsdk.core.testing.MutableClock;

/** {@code GET /ekranapi/AccessRequests/GetEndpointAccessRequests}: the resource, the audit source, the feed. */
class EkranAccessRequestsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String KEY = "k3y+/=&%:;\"x";
    static final String PATH = "/ekranapi/AccessRequests/GetEndpointAccessRequests";
    static final String ALERTS = "/ekranapi/alerts";

    /** Request {@code id}, processed at 08:0{id % 10} UTC, written with the server's +03:00 offset. */
    static String request(long id) {
        return "{\"id\":" + id + ",\"userName\":\"CORP\\\\jdoe\",\"endpointName\":\"WS-0" + id + "\","
                + "\"status\":\"" + (id % 2 == 0 ? "Denied" : "Approved") + "\","
                + "\"requestDate\":\"2026-01-05T10:5" + (id % 10) + ":00+03:00\","
                + "\"processedDate\":\"2026-01-05T11:0" + (id % 10) + ":00+03:00\","
                + "\"processedBy\":\"admin\",\"reason\":\"patching\",\"ticket\":{\"no\":7},\"extra\":null}";
    }

    static String batch(Long cursor, long... ids) {
        String rs = Arrays.stream(ids).mapToObj(EkranAccessRequestsTest::request).collect(Collectors.joining(","));
        return "{\"afterId\":" + cursor + ",\"accessRequests\":[" + rs + "]}";
    }

    static EkranClient client(ZoneId zone) {
        return EkranClient.builder().endpoint(Loopback.endpoint(wm)).credentials(EkranCredentials.apiKey(KEY))
                .serverZone(zone).retryPolicy(RetryPolicy.none()).build();
    }

    static void answer(MappingBuilder request, int status, String body) {
        wm.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    static MappingBuilder after(String cursor) {
        return get(urlPathEqualTo(PATH)).withQueryParam("afterId", cursor == null ? absent() : equalTo(cursor));
    }

    static MappingBuilder alertsAfter(String cursor) {
        return get(urlPathEqualTo(ALERTS)).withQueryParam("afterActivityId", cursor == null ? absent() : equalTo(cursor));
    }

    static EkranAccessRequestQuery batchOf(int n) {
        return EkranAccessRequestQuery.builder().batchSize(n).build();
    }

    @Test
    void sendsBoundsCountAndKeyAndTypesTheAssumedFieldsKeepingEveryField() {
        answer(after(null), 200, batch(3L, 3));
        Instant from = Instant.parse("2026-01-05T07:00:00.400Z");
        Instant to = Instant.parse("2026-01-05T09:00:00.100Z");
        try (EkranClient ekran = client(ZoneId.of("Europe/Berlin"))) {
            List<EkranAccessRequest> got = ekran.accessRequests().list(EkranAccessRequestQuery.between(from, to));

            assertThat(got).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo("3");
                assertThat(r.userName()).isEqualTo("CORP\\jdoe");
                assertThat(r.endpointName()).isEqualTo("WS-03");
                assertThat(r.status()).isEqualTo("Approved");
                assertThat(r.processedBy()).isEqualTo("admin");
                assertThat(r.reason()).isEqualTo("patching");
                assertThat(r.fields()).containsKeys("id", "ticket", "extra").containsEntry("ticket", Map.of("no", 7L));
            });
        }
        // bounds are local times in the server zone (CET, +01:00), start rounded down, end rounded up
        wm.verify(getRequestedFor(urlPathEqualTo(PATH))
                .withHeader("ApiKey", equalTo(KEY))
                .withHeader("Accept", equalTo("application/json"))
                .withQueryParam("start", equalTo("2026-01-05T08:00:00"))
                .withQueryParam("end", equalTo("2026-01-05T10:00:01"))
                .withQueryParam("count", equalTo("1000"))
                .withoutQueryParam("afterId"));
    }

    @Test
    void bothDatesKeepTheServersOffset() {
        answer(after(null), 200, batch(3L, 3));
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            EkranAccessRequest r = ekran.accessRequests().list(EkranAccessRequestQuery.all()).get(0);
            assertThat(r.requestDate()).isEqualTo(OffsetDateTime.parse("2026-01-05T10:53:00+03:00"));
            assertThat(r.requestDate().getOffset()).isEqualTo(ZoneOffset.ofHours(3));
            assertThat(r.processedDate()).isEqualTo(OffsetDateTime.parse("2026-01-05T11:03:00+03:00"));
            assertThat(r.processedDate().getOffset()).isEqualTo(ZoneOffset.ofHours(3));
            // the audit event's instant is the processing time, the offset applied (not the client's zone)
            assertThat(r.toAuditEvent().time()).isEqualTo(Instant.parse("2026-01-05T08:03:00Z"));
        }
    }

    @Test
    void followsTheCursorUntilAShortBatch() {
        answer(after(null), 200, batch(2L, 1, 2));
        answer(after("2"), 200, "{\"accessRequests\":[" + request(3) + "," + request(4) + "],\"afterId\":4}");
        answer(after("4"), 200, batch(5L, 5));
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.accessRequests().list(batchOf(2))).extracting(EkranAccessRequest::id)
                    .containsExactly("1", "2", "3", "4", "5");
        }
        wm.verify(3, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("count", equalTo("2")));
    }

    @Test
    void withoutACursorInTheAnswerTheLastIdIsTheCursor() {
        answer(after("10"), 200, "{\"accessRequests\":[" + request(11) + "," + request(12) + "]}");
        answer(after("12"), 200, "{\"accessRequests\":[]}");
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.accessRequests().list(EkranAccessRequestQuery.builder().afterId(10L).batchSize(2).build()))
                    .extracting(EkranAccessRequest::id).containsExactly("11", "12");
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"afterId\":0,\"accessRequests\":[]}", "{\"afterId\":null}", "{}"})
    void anEmptyBatchEndsTheStream(String body) {
        answer(after(null), 200, body);
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.accessRequests().list(EkranAccessRequestQuery.all())).isEmpty();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aFullBatchThatReturnsTheSameCursorFailsInsteadOfLooping() {
        answer(after("2"), 200, batch(2L, 3, 4));
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThatThrownBy(() -> ekran.accessRequests().list(
                    EkranAccessRequestQuery.builder().afterId(2L).batchSize(2).build()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("the same cursor")
                    .hasMessageContaining("access requests");
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @ParameterizedTest
    @CsvSource({"400, org.sessionsdk.core.error.ApiException", "401, org.sessionsdk.core.error.AuthenticationException",
            "403, org.sessionsdk.core.error.PermissionDeniedException", "404, org.sessionsdk.core.error.NotFoundException",
            "500, org.sessionsdk.core.error.ServerException"})
    void documentedErrorsAreTyped(int status, Class<? extends ApiException> type) {
        answer(get(urlPathEqualTo(PATH)), status, "{\"message\":\"no requests for you\"}");
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThatThrownBy(() -> ekran.accessRequests().list(EkranAccessRequestQuery.all())).isInstanceOf(type)
                    .hasMessageContaining("no requests for you")
                    .satisfies(e -> assertThat(((ApiException) e).statusCode()).isEqualTo(status));
        }
        // the 400 for a count over 1000 cannot be caused: the builder refuses it
        assertThatThrownBy(() -> EkranAccessRequestQuery.builder().batchSize(1001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count");
        assertThatThrownBy(() -> EkranAccessRequestQuery.builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "{\"afterId\":1,\"accessRequests\":[{\"id\":1,\"processedDate\":\"yesterday\"}]}",
            "{\"afterId\":1,\"accessRequests\":[{\"id\":1,\"requestDate\":\"soon\"}]}",
            "{\"afterId\":1,\"accessRequests\":[{\"userName\":\"no id\"}]}",
            "{\"afterId\":\"one\",\"accessRequests\":[]}",
            "{\"afterId\":1,\"accessRequests\":[{\"id\":{}}]}",
            "{\"afterId\":1,\"accessRequests\":[{\"id\":1,\"tags\":[1,2",
            "<html>oops</html>"})
    void malformedAnswersAreFormatErrors(String body) {
        answer(get(urlPathEqualTo(PATH)), 200, body);
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThatThrownBy(() -> ekran.accessRequests().list(EkranAccessRequestQuery.all()))
                    .isInstanceOf(ResponseFormatException.class);
        }
    }

    @Test
    void listAsyncCompletesWithTheRequests() {
        answer(after(null), 200, batch(1L, 1));
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.accessRequests().listAsync(EkranAccessRequestQuery.all()).join()).hasSize(1);
            wm.resetAll();
            answer(get(urlPathEqualTo(PATH)), 500, "");
            assertThatThrownBy(() -> ekran.accessRequests().listAsync(EkranAccessRequestQuery.all()).join())
                    .hasCauseInstanceOf(SdkException.class);
        }
    }

    @Test
    void asAnAuditEventTheDecisionIsTheActionOnTheEndpointAndTheIdIsItsOwn() {
        answer(after(null), 200, batch(4L, 4));
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            AuditEvent e = ekran.accessRequests().list(EkranAccessRequestQuery.all()).get(0).toAuditEvent();
            assertThat(e).isEqualTo(new AuditEvent("ekran", "accessRequest:4", Instant.parse("2026-01-05T08:04:00Z"),
                    "admin", null, "denied", "endpoint", "WS-04",
                    "Access request 4 by CORP\\jdoe for WS-04: Denied by admin",
                    Map.of("userName", "CORP\\jdoe", "requestDate", "2026-01-05T10:54:00+03:00", "reason", "patching",
                            "ticket", "{\"no\":7}")));
            // the provider tells an export it is a change made by the approver on that endpoint, not an alert
            AuditTraits traits = SessionClients.find("ekran").orElseThrow().traits(e);
            assertThat(traits.alert()).isFalse();
            assertThat(traits.userName()).isEqualTo("admin");
            assertThat(traits.host()).isEqualTo("WS-04");
        }
    }

    @Test
    void auditEventsMergeAlertsAndAccessRequestsInTimeOrder() {
        // alerts at 08:01 and 08:05, access requests processed at 08:03 and 08:07 (written as +03:00)
        answer(alertsAfter(null), 200, "{\"afterActivityId\":5,\"alerts\":[" + EkranAlertsTest.alert(1) + ","
                + EkranAlertsTest.alert(5) + "]}");
        answer(after(null), 200, batch(7L, 3, 7));
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.auditEvents(TimeRange.all()).toList()).extracting(AuditEvent::id, AuditEvent::time)
                    .containsExactly(tuple("1", Instant.parse("2026-01-05T08:01:00Z")),
                            tuple("accessRequest:3", Instant.parse("2026-01-05T08:03:00Z")),
                            tuple("5", Instant.parse("2026-01-05T08:05:00Z")),
                            tuple("accessRequest:7", Instant.parse("2026-01-05T08:07:00Z")));
            // the range goes to both calls and is applied again on the client
            TimeRange range = TimeRange.between(Instant.parse("2026-01-05T08:02:00Z"), Instant.parse("2026-01-05T08:06:00Z"));
            assertThat(ekran.auditEvents(range).toList()).extracting(AuditEvent::id).containsExactly("accessRequest:3", "5");
        }
        wm.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("start", equalTo("2026-01-05T08:02:00"))
                .withQueryParam("end", equalTo("2026-01-05T08:06:00")));
    }

    @Test
    void aServerWithoutTheEndpointGivesItsAlertsAlone() {
        answer(alertsAfter(null), 200, "{\"afterActivityId\":1,\"alerts\":[" + EkranAlertsTest.alert(1) + "]}");
        answer(get(urlPathEqualTo(PATH)), 404, "");
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.auditEvents(TimeRange.all()).toList()).extracting(AuditEvent::id).containsExactly("1");
        }
    }

    private static FeedOptions.Builder options(MutableClock clock) {
        return FeedOptions.builder().clock(clock).pollInterval(Duration.ofMinutes(1));
    }

    @Test
    void theFeedFollowsBothCursorsAndHandsOverOneTimeOrderedBatch() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        answer(alertsAfter(null), 200, "{\"afterActivityId\":5,\"alerts\":[" + EkranAlertsTest.alert(1) + ","
                + EkranAlertsTest.alert(5) + "]}");
        answer(after(null), 200, batch(7L, 3, 7));
        answer(alertsAfter("4"), 200, "{\"afterActivityId\":5,\"alerts\":[" + EkranAlertsTest.alert(5) + "]}");
        answer(after("6"), 200, batch(7L, 7));
        try (EkranClient ekran = client(ZoneOffset.UTC);
             Feed<AuditEvent> feed = ekran.auditFeed(options(clock).since(Instant.parse("2026-01-05T08:00:00Z")).build())) {
            FeedBatch<AuditEvent> b = feed.poll(Duration.ZERO);
            assertThat(b.items()).extracting(AuditEvent::id).containsExactly("1", "accessRequest:3", "5", "accessRequest:7");
            Checkpoint cp = b.checkpoint();
            assertThat(CheckpointState.read(cp).number("after")).isEqualTo(5L);
            assertThat(CheckpointState.read(cp).number("requestsAfter")).isEqualTo(7L);
            clock.advance(Duration.ofMinutes(2));
            assertThat(feed.poll(Duration.ZERO).items()).as("nothing new in either log").isEmpty();
        }
        // the date bound goes out before a log's first cursor only; then each log by its own cursor
        wm.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("start", equalTo("2026-01-05T08:00:00"))
                .withoutQueryParam("afterId"));
        wm.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("afterId", equalTo("6")).withoutQueryParam("start"));
        wm.verify(getRequestedFor(urlPathEqualTo(ALERTS)).withQueryParam("afterActivityId", equalTo("4")));
    }

    @Test
    void aBatchIsCutAtMaxBatchSizeInTimeOrderAndEachLogResumesAfterWhatItHandedOver() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        answer(alertsAfter(null), 200, "{\"afterActivityId\":5,\"alerts\":[" + EkranAlertsTest.alert(1) + ","
                + EkranAlertsTest.alert(5) + "]}");
        answer(after(null), 200, batch(7L, 3, 7));
        try (EkranClient ekran = client(ZoneOffset.UTC);
             Feed<AuditEvent> feed = ekran.auditFeed(options(clock).since(Instant.parse("2026-01-05T08:00:00Z"))
                     .maxBatchSize(2).build())) {
            FeedBatch<AuditEvent> b = feed.poll(Duration.ZERO);
            assertThat(b.items()).extracting(AuditEvent::id).containsExactly("1", "accessRequest:3");
            assertThat(CheckpointState.read(b.checkpoint()).number("after")).isEqualTo(1L);
            assertThat(CheckpointState.read(b.checkpoint()).number("requestsAfter")).isEqualTo(3L);
        }
    }

    @Test
    void aCheckpointFromBeforeAccessRequestsResumesTheAlertsAndStartsTheRequestsNow() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        // what a feed of the alerts alone saved: their cursor, no access-request key
        Checkpoint old = Checkpoint.parse(CheckpointState.checkpoint("ekran/audit/cursor", Map.of("after", 4L)).toString());
        answer(alertsAfter("3"), 200, "{\"afterActivityId\":5,\"alerts\":[" + EkranAlertsTest.alert(4) + ","
                + EkranAlertsTest.alert(5) + "]}");
        // the log's history: older than the resuming poll, not handed over
        answer(after(null), 200, batch(7L, 3, 7));
        answer(after("6"), 200, batch(8L, 7, 8));
        answer(alertsAfter("4"), 200, "{\"afterActivityId\":5,\"alerts\":[" + EkranAlertsTest.alert(5) + "]}");
        try (EkranClient ekran = client(ZoneOffset.UTC);
             Feed<AuditEvent> feed = ekran.auditFeed(options(clock).resumeFrom(old).build())) {
            FeedBatch<AuditEvent> b = feed.poll(Duration.ZERO);
            assertThat(b.items()).extracting(AuditEvent::id).containsExactly("5");
            assertThat(CheckpointState.read(b.checkpoint()).number("after")).isEqualTo(5L);
            assertThat(CheckpointState.read(b.checkpoint()).number("requestsAfter")).isEqualTo(7L);
            clock.advance(Duration.ofMinutes(2));
            assertThat(feed.poll(Duration.ZERO).items()).extracting(AuditEvent::id).containsExactly("accessRequest:8");
        }
        wm.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("start", equalTo("2026-01-05T08:45:00")));
    }

    @Test
    void aCheckpointFromBeforeTheFirstAlertStartsTheRequestsAtTheFeedsStartToo() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        Checkpoint old = CheckpointState.checkpoint("ekran/audit/cursor",
                Map.of("from", Instant.parse("2026-01-05T08:02:00Z").toEpochMilli()));
        answer(alertsAfter(null), 200, "{\"afterActivityId\":0,\"alerts\":[]}");
        answer(after(null), 200, batch(7L, 3, 7));
        try (EkranClient ekran = client(ZoneOffset.UTC);
             Feed<AuditEvent> feed = ekran.auditFeed(options(clock).resumeFrom(old).build())) {
            assertThat(feed.poll(Duration.ZERO).items()).extracting(AuditEvent::id)
                    .containsExactly("accessRequest:3", "accessRequest:7");
        }
        wm.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("start", equalTo("2026-01-05T08:02:00")));
    }

    @Test
    void aFeedOnAServerWithoutTheEndpointFollowsTheAlertsAloneAndAsksOnce() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        answer(alertsAfter(null), 200, "{\"afterActivityId\":1,\"alerts\":[" + EkranAlertsTest.alert(1) + "]}");
        answer(alertsAfter("0"), 200, "{\"afterActivityId\":1,\"alerts\":[" + EkranAlertsTest.alert(1) + "]}");
        answer(get(urlPathEqualTo(PATH)), 404, "");
        try (EkranClient ekran = client(ZoneOffset.UTC);
             Feed<AuditEvent> feed = ekran.auditFeed(options(clock).since(Instant.parse("2026-01-05T08:00:00Z")).build())) {
            assertThat(feed.poll(Duration.ZERO).items()).extracting(AuditEvent::id).containsExactly("1");
            clock.advance(Duration.ofMinutes(2));
            assertThat(feed.poll(Duration.ZERO).items()).isEmpty();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }
}
