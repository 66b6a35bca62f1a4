package org.sessionsdk.ekran;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.core.testing.Loopback;

class EkranAlertsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String KEY = "k3y+/=&%:;\"x";
    static final String PATH = "/ekranapi/alerts";

    static String alert(long id) {
        return "{\"activityId\":" + id + ",\"alertId\":3,\"alertName\":\"USB storage\",\"riskLevel\":\"High\","
                + "\"description\":\"A USB drive was connected\",\"date\":\"2026-01-05T08:0" + (id % 10)
                + ":00.000+00:00\",\"userName\":\"CORP\\\\jdoe\",\"sessionId\":" + (100 + id)
                + ",\"tags\":[\"usb\",{\"k\":1}],\"extra\":null}";
    }

    static String batch(Long cursor, long... ids) {
        String alerts = Arrays.stream(ids).mapToObj(EkranAlertsTest::alert).collect(Collectors.joining(","));
        return "{\"afterActivityId\":" + cursor + ",\"alerts\":[" + alerts + "]}";
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
        return get(urlPathEqualTo(PATH)).withQueryParam("afterActivityId", cursor == null ? absent() : equalTo(cursor));
    }

    static EkranAlertQuery batchOf(int n) {
        return EkranAlertQuery.builder().batchSize(n).build();
    }

    @Test
    void sendsBoundsCountAndKeyAndTypesTheAssumedFieldsKeepingEveryField() {
        answer(after(null), 200, batch(7L, 7));
        Instant from = Instant.parse("2026-01-05T07:00:00.400Z");
        Instant to = Instant.parse("2026-01-05T09:00:00.100Z");
        try (EkranClient ekran = client(ZoneId.of("Europe/Berlin"))) {
            List<EkranAlert> got = ekran.alerts().list(EkranAlertQuery.between(from, to));

            assertThat(got).hasSize(1);
            EkranAlert a = got.get(0);
            assertThat(a.activityId()).isEqualTo("7");
            assertThat(a.date()).isEqualTo(OffsetDateTime.parse("2026-01-05T08:07:00Z"));
            assertThat(a.alertName()).isEqualTo("USB storage");
            assertThat(a.userName()).isEqualTo("CORP\\jdoe");
            assertThat(a.description()).isEqualTo("A USB drive was connected");
            assertThat(a.fields()).containsEntry("activityId", 7L).containsEntry("riskLevel", "High")
                    .containsEntry("sessionId", 107L).containsEntry("extra", null)
                    .containsEntry("tags", List.of("usb", Map.of("k", 1L)));
            assertThat(List.copyOf(a.fields().keySet())).startsWith("activityId", "alertId", "alertName");
            assertThatThrownBy(() -> a.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH))
                .withHeader("ApiKey", equalTo(KEY))
                .withHeader("Accept", equalTo("application/json"))
                .withoutHeader("Authorization")
                .withQueryParam("start", equalTo("2026-01-05T08:00:00"))
                .withQueryParam("end", equalTo("2026-01-05T10:00:01"))
                .withQueryParam("alertCount", equalTo("1000"))
                .withoutQueryParam("afterActivityId"));
    }

    @Test
    void followsTheCursorUntilAShortBatch() {
        answer(after(null), 200, batch(2L, 1, 2));
        answer(after("2"), 200, "{\"alerts\":[" + alert(3) + "," + alert(4) + "],\"afterActivityId\":4}");
        answer(after("4"), 200, batch(5L, 5));
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.alerts().list(batchOf(2))).extracting(EkranAlert::activityId)
                    .containsExactly("1", "2", "3", "4", "5");
        }
        wm.verify(3, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("alertCount", equalTo("2")));
    }

    @Test
    void aLastBatchOfExactlyAlertCountLeadsToOneMoreCallThatReturnsEmpty() {
        answer(after("10"), 200, batch(12L, 11, 12));
        answer(after("12"), 200, "{\"afterActivityId\":12,\"alerts\":[]}");
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.alerts().list(EkranAlertQuery.builder().afterActivityId(10L).batchSize(2).build()))
                    .extracting(EkranAlert::activityId).containsExactly("11", "12");
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"afterActivityId\":0,\"alerts\":[]}", "{\"afterActivityId\":null}", "{}"})
    void anEmptyBatchEndsTheStream(String body) {
        answer(after(null), 200, body);
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.alerts().list(EkranAlertQuery.all())).isEmpty();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aFullBatchThatReturnsTheSameCursorFailsInsteadOfLooping() {
        answer(after("2"), 200, batch(2L, 3, 4));
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThatThrownBy(() -> ekran.alerts().list(EkranAlertQuery.builder().afterActivityId(2L).batchSize(2).build()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("the same cursor")
                    .hasMessageContaining("Ekran alerts");
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aFullBatchWithoutACursorFails() {
        answer(after(null), 200, "{\"alerts\":[" + alert(1) + "," + alert(2) + "]}");
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThatThrownBy(() -> ekran.alerts().list(batchOf(2)))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("no cursor");
        }
    }

    @Test
    void auditEventsMapTheAlertAndApplyTheRangeOnTheClient() {
        answer(after(null), 200, batch(9L, 1, 9));
        TimeRange range = TimeRange.between(Instant.parse("2026-01-05T08:05:00Z"), Instant.parse("2026-01-05T08:10:00Z"));
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            List<AuditEvent> got = ekran.auditEvents(range).toList();

            assertThat(got).hasSize(1); // alert 1 (08:01) is outside the range
            AuditEvent e = got.get(0);
            assertThat(e).isEqualTo(new AuditEvent("ekran", "9", Instant.parse("2026-01-05T08:09:00Z"), "CORP\\jdoe",
                    null, "USB storage", null, null, "A USB drive was connected", Map.of("alertId", "3",
                    "riskLevel", "High", "sessionId", "109", "tags", "[\"usb\",{\"k\":1}]")));
            assertThat(ekran.vendor()).isEqualTo("ekran");
        }
        wm.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("start", equalTo("2026-01-05T08:05:00"))
                .withQueryParam("end", equalTo("2026-01-05T08:10:00")));
    }

    @ParameterizedTest
    @CsvSource({"400, org.sessionsdk.core.error.ApiException", "401, org.sessionsdk.core.error.AuthenticationException",
            "403, org.sessionsdk.core.error.PermissionDeniedException", "404, org.sessionsdk.core.error.NotFoundException",
            "500, org.sessionsdk.core.error.ServerException"})
    void documentedErrorsAreTyped(int status, Class<? extends ApiException> type) {
        answer(get(urlPathEqualTo(PATH)), status, "{\"message\":\"no alerts for you\"}");
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThatThrownBy(() -> ekran.alerts().list(EkranAlertQuery.all())).isInstanceOf(type)
                    .hasMessageContaining("no alerts for you")
                    .satisfies(e -> assertThat(((ApiException) e).statusCode()).isEqualTo(status));
        }
        // the documented 400 for an alertCount over 1000 cannot be caused: the builder refuses it
        assertThatThrownBy(() -> EkranAlertQuery.builder().batchSize(1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EkranAlertQuery.builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "{\"afterActivityId\":1,\"alerts\":[{\"activityId\":1,\"date\":\"yesterday\"}]}",
            "{\"afterActivityId\":1,\"alerts\":[{\"alertName\":\"no id\"}]}",
            "{\"afterActivityId\":\"one\",\"alerts\":[]}",
            "{\"afterActivityId\":1,\"alerts\":[{\"activityId\":{}}]}",
            "{\"afterActivityId\":1,\"alerts\":[{\"activityId\":1,\"tags\":[1,2",
            "<html>oops</html>"})
    void malformedAnswersAreFormatErrors(String body) {
        answer(get(urlPathEqualTo(PATH)), 200, body);
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThatThrownBy(() -> ekran.alerts().list(EkranAlertQuery.all())).isInstanceOf(ResponseFormatException.class);
        }
    }

    @Test
    void listAsyncCompletesWithTheAlerts() {
        answer(after(null), 200, batch(1L, 1));
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.alerts().listAsync(EkranAlertQuery.all()).join()).hasSize(1);
            // a failing call completes exceptionally with the SDK's exception
            wm.resetAll();
            answer(get(urlPathEqualTo(PATH)), 500, "");
            assertThatThrownBy(() -> ekran.alerts().listAsync(EkranAlertQuery.all()).join())
                    .hasCauseInstanceOf(SdkException.class);
        }
    }
}
