package org.sessionsdk.ekran;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;

class EkranSessionDetailsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String KEY = "k3y+/=&%:;\"x";
    static final String PATH = "/ekranapi/sessions";

    static String session(int id) {
        return "{\"clientGuid\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"duration\":\"20:20:40.0020000\","
                + "\"idleTime\":\"1.02:03:04.5\",\"loginDate\":\"2021-04-01T09:00:00.000+00:00\",\"logoutDate\":null,"
                + "\"productiveTime\":\"00:00:00.0000001\",\"sessionId\":" + id + ",\"userId\":61,\"computerName\":\"WS-7\"}";
    }

    static String page(int... ids) {
        StringBuilder sb = new StringBuilder("{\"sessions\":[");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ",").append(session(ids[i]));
        }
        return sb.append("]}").toString();
    }

    static EkranClient client(ZoneId zone) {
        return EkranClient.builder().endpoint(Loopback.endpoint(wm)).credentials(EkranCredentials.apiKey(KEY))
                .serverZone(zone).retryPolicy(RetryPolicy.none()).build();
    }

    static void answer(MappingBuilder request, int status, String body) {
        wm.stubFor(request.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    static MappingBuilder pageIndex(int k) {
        return post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.pageIndex", equalTo(String.valueOf(k))));
    }

    @Test
    void postsTheBoundsAndFirstPageAndReadsTheTimeSpansExactly() {
        answer(post(urlPathEqualTo(PATH)), 200, page(124));
        Instant from = Instant.parse("2021-04-01T07:00:00.400Z");
        Instant to = Instant.parse("2021-04-01T09:00:00.100Z");
        try (EkranClient ekran = client(ZoneId.of("Europe/Berlin"))) {
            List<EkranSessionDetail> got = ekran.sessions().detailsList(EkranSessionDetailsQuery.between(from, to));

            assertThat(got).containsExactly(new EkranSessionDetail(124, 61, "0f8fad5b-d9cb-469f-a165-70867728950e",
                    OffsetDateTime.parse("2021-04-01T09:00:00Z"), null,
                    Duration.ofHours(20).plusMinutes(20).plusSeconds(40).plusMillis(2),
                    Duration.ofNanos(100), Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(500),
                    Map.of("computerName", "WS-7")));
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("ApiKey", equalTo(KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson("{\"start\":\"2021-04-01T09:00:00\",\"end\":\"2021-04-01T11:00:01\","
                        + "\"sessionCount\":1000,\"pageIndex\":0}")));
    }

    @Test
    void pagesUntilAShortPageWithoutBounds() {
        answer(pageIndex(0), 200, page(1, 2));
        answer(pageIndex(1), 200, page(3, 4));
        answer(pageIndex(2), 200, page(5));
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.sessions().detailsList(EkranSessionDetailsQuery.builder().pageSize(2).build()))
                    .extracting(EkranSessionDetail::sessionId).containsExactly(1, 2, 3, 4, 5);
        }
        wm.verify(3, postRequestedFor(urlPathEqualTo(PATH)));
        wm.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(equalToJson("{\"sessionCount\":2,\"pageIndex\":2}")));
    }

    @Test
    void aLastPageOfExactlyThePageSizeLeadsToOneMoreEmptyCall() {
        answer(pageIndex(0), 200, page(1, 2));
        answer(pageIndex(1), 200, "{\"sessions\":[]}");
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThat(ekran.sessions().detailsAsync(EkranSessionDetailsQuery.builder().pageSize(2).build()).join())
                    .hasSize(2);
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void thePageSizeIsCheckedInTheBuilder() {
        assertThatThrownBy(() -> EkranSessionDetailsQuery.builder().pageSize(1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EkranSessionDetailsQuery.builder().pageSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EkranSessionDetailsQuery.all().pageSize()).isEqualTo(1000);
    }

    @ParameterizedTest
    @CsvSource({"400, org.sessionsdk.core.error.ApiException", "401, org.sessionsdk.core.error.AuthenticationException",
            "403, org.sessionsdk.core.error.PermissionDeniedException", "404, org.sessionsdk.core.error.NotFoundException",
            "500, org.sessionsdk.core.error.ServerException"})
    void documentedErrorsAreTyped(int status, Class<? extends ApiException> type) {
        answer(post(urlPathEqualTo(PATH)), status, "{\"title\":\"One or more validation errors occurred.\"}");
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThatThrownBy(() -> ekran.sessions().detailsList(EkranSessionDetailsQuery.all())).isInstanceOf(type)
                    .hasMessageContaining("validation errors");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"sessions\":[{\"sessionId\":1,\"duration\":\"20:61:00\"}]}|duration",
            "{\"sessions\":[{\"sessionId\":1,\"idleTime\":\"soon\"}]}|idleTime",
            "{\"sessions\":[{\"sessionId\":1,\"productiveTime\":\"01:02:03.12345678\"}]}|productiveTime",
            "{\"sessions\":[{\"sessionId\":1,\"duration\":{}}]}|duration",
            "{\"sessions\":[{\"duration\":\"00:00:01\"}]}|sessionId",
            "{\"sessions\":[{\"sessionId\":1,\"loginDate\":\"yesterday\"}]}|loginDate"})
    void aBadFieldIsAFormatErrorNamingIt(String body, String field) {
        answer(post(urlPathEqualTo(PATH)), 200, body);
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThatThrownBy(() -> ekran.sessions().detailsList(EkranSessionDetailsQuery.all()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("'" + field + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{\"sessions\":[{\"sessionId\":1}", "{\"sessions\":[1,2]}", "not json"})
    void malformedBodiesAreFormatErrors(String body) {
        answer(post(urlPathEqualTo(PATH)), 200, body);
        try (EkranClient ekran = client(ZoneOffset.UTC)) {
            assertThatThrownBy(() -> ekran.sessions().detailsList(EkranSessionDetailsQuery.all()))
                    .isInstanceOf(ResponseFormatException.class);
        }
    }
}
