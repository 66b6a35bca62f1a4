package org.sessionsdk.ekran;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;

/**
 * Every Ekran time field read where the server writes its own offset ({@code 2021-09-01T17:00:00+03:00},
 * as in the vendor's getapp example): the offset is kept, the instant is 14:00Z, and the client's
 * {@code serverZone} (here New York, so a mistake shows) plays no part. One test per field.
 */
class EkranOffsetTimesTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String T = "2021-09-01T17:00:00+03:00";
    static final String OTHER = "2021-09-01T18:00:00+03:00";
    static final OffsetDateTime EXPECTED = OffsetDateTime.of(2021, 9, 1, 17, 0, 0, 0, ZoneOffset.ofHours(3));

    static EkranClient client() {
        return EkranClient.builder().endpoint(Loopback.endpoint(wm)).credentials(EkranCredentials.apiKey("k"))
                .serverZone(ZoneId.of("America/New_York")).retryPolicy(RetryPolicy.none()).build();
    }

    static void answer(MappingBuilder request, String body) {
        wm.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    /** {@code field} written with the offset, every other time field an hour later. */
    static String at(String field, String name) {
        return field.equals(name) ? T : OTHER;
    }

    private static void check(OffsetDateTime read) {
        assertThat(read).isEqualTo(EXPECTED);
        assertThat(read.getOffset()).isEqualTo(ZoneOffset.ofHours(3));
        assertThat(read.toInstant()).isEqualTo(Instant.parse("2021-09-01T14:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"loginDate", "logoutDate"})
    void sessions(String field) {
        answer(get(urlPathEqualTo("/ekranapi/sessions")), "[{\"sessionId\":1,\"userId\":2,\"clientGuid\":\"g\","
                + "\"loginDate\":\"" + at(field, "loginDate").replace("18:", "16:") + "\",\"logoutDate\":\""
                + at(field, "logoutDate") + "\"}]");
        Function<EkranSession, OffsetDateTime> get = field.equals("loginDate") ? EkranSession::loginDate : EkranSession::logoutDate;
        try (EkranClient ekran = client()) {
            EkranSession s = ekran.sessions().list(EkranSessionQuery.all()).get(0);
            check(get.apply(s));
            // the vendor-neutral record carries the same instant
            Instant neutral = field.equals("loginDate") ? s.toSessionRecord(ekran.serverZone()).start()
                    : s.toSessionRecord(ekran.serverZone()).end();
            assertThat(neutral).isEqualTo(Instant.parse("2021-09-01T14:00:00Z"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"loginDate", "logoutDate"})
    void sessionDetails(String field) {
        answer(post(urlPathEqualTo("/ekranapi/sessions")), "{\"sessions\":[{\"sessionId\":1,\"userId\":2,"
                + "\"loginDate\":\"" + at(field, "loginDate").replace("18:", "16:") + "\",\"logoutDate\":\""
                + at(field, "logoutDate") + "\",\"duration\":\"01:00:00\"}]}");
        try (EkranClient ekran = client()) {
            EkranSessionDetail d = ekran.sessions().detailsList(EkranSessionDetailsQuery.builder().build()).get(0);
            check(field.equals("loginDate") ? d.loginDate() : d.logoutDate());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"date"})
    void alerts(String field) {
        answer(get(urlPathEqualTo("/ekranapi/alerts")), "{\"afterActivityId\":1,\"alerts\":[{\"activityId\":1,"
                + "\"alertName\":\"USB\",\"" + field + "\":\"" + T + "\"}]}");
        try (EkranClient ekran = client()) {
            EkranAlert a = ekran.alerts().list(EkranAlertQuery.all()).get(0);
            check(a.date());
            assertThat(a.toAuditEvent().time()).isEqualTo(Instant.parse("2021-09-01T14:00:00Z"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"requestDate", "processedDate"})
    void accessRequests(String field) {
        answer(get(urlPathEqualTo("/ekranapi/AccessRequests/GetEndpointAccessRequests")), "{\"afterId\":1,"
                + "\"accessRequests\":[{\"id\":1,\"status\":\"Approved\",\"requestDate\":\""
                + at(field, "requestDate").replace("18:", "16:") + "\",\"processedDate\":\"" + at(field, "processedDate")
                + "\"}]}");
        try (EkranClient ekran = client()) {
            EkranAccessRequest r = ekran.accessRequests().list(EkranAccessRequestQuery.all()).get(0);
            check(field.equals("requestDate") ? r.requestDate() : r.processedDate());
        }
    }
}
