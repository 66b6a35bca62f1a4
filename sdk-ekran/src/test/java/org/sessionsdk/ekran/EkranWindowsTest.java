package org.sessionsdk.ekran;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;

/** {@code splitInto}: window by window, lazily, each session once with the dates of its first window. */
class EkranWindowsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final Instant DAY1 = Instant.parse("2021-04-01T00:00:00Z");
    static final Duration DAY = Duration.ofDays(1);

    static EkranClient client(Clock clock) {
        return EkranClient.builder().endpoint(Loopback.endpoint(wm)).credentials(EkranCredentials.apiKey("k"))
                .clock(clock).retryPolicy(RetryPolicy.none()).build();
    }

    static void window(String start, String end, String body) {
        wm.stubFor(get(urlPathEqualTo("/ekranapi/sessions"))
                .withQueryParam("start", equalTo(start))
                .withQueryParam("end", end == null ? absent() : equalTo(end))
                .willReturn(aResponse().withStatus(200).withBody(body)));
    }

    static String session(int id, String login, String logout) {
        return "{\"sessionId\":" + id + ",\"userId\":9,\"clientGuid\":\"g\",\"loginDate\":\"" + login + "\",\"logoutDate\":"
                + (logout == null ? "null" : "\"" + logout + "\"") + "}";
    }

    @Test
    void asksWindowByWindowAndKeepsTheFirstSeenCopyOfEachSession() {
        // session 2 crosses the first boundary, session 3 the second: Ekran clips their dates per window
        window("2021-04-01T00:00:00", "2021-04-02T00:00:00", "[" + session(1, "2021-04-01T08:00:00Z", "2021-04-01T09:00:00Z")
                + "," + session(2, "2021-04-01T20:00:00Z", "2021-04-01T23:59:58Z") + "]");
        window("2021-04-02T00:00:00", "2021-04-03T00:00:00", "[" + session(2, "2021-04-02T00:00:03Z", "2021-04-02T03:00:00Z")
                + "," + session(3, "2021-04-02T23:00:00Z", "2021-04-02T23:59:59Z") + "]");
        window("2021-04-03T00:00:00", "2021-04-03T12:00:00", "[" + session(3, "2021-04-03T00:00:01Z", null)
                + "," + session(4, "2021-04-03T10:00:00Z", null) + "]");

        List<EkranSession> got;
        try (EkranClient ekran = client(Clock.systemUTC())) {
            got = ekran.sessions().list(EkranSessionQuery.between(DAY1, Instant.parse("2021-04-03T12:00:00Z")).splitInto(DAY));
        }

        assertThat(got).extracting(EkranSession::sessionId).containsExactly(1, 2, 3, 4);
        assertThat(got.get(1).loginDate()).isEqualTo(OffsetDateTime.parse("2021-04-01T20:00:00Z"));
        assertThat(got.get(1).logoutDate()).isEqualTo(OffsetDateTime.parse("2021-04-01T23:59:58Z"));
        assertThat(got.get(2).logoutDate()).isEqualTo(OffsetDateTime.parse("2021-04-02T23:59:59Z"));
        assertThat(got.get(3).open()).isTrue();
        wm.verify(3, getRequestedFor(urlPathEqualTo("/ekranapi/sessions")));
    }

    @Test
    void opensTheNextWindowOnlyWhenThePreviousIsUsedUp() {
        window("2021-04-01T00:00:00", "2021-04-02T00:00:00", "[" + session(1, "2021-04-01T08:00:00Z", null) + "]");
        window("2021-04-02T00:00:00", "2021-04-03T00:00:00", "[" + session(2, "2021-04-02T08:00:00Z", null) + "]");

        try (EkranClient ekran = client(Clock.systemUTC());
             Stream<EkranSession> s = ekran.sessions().stream(
                     EkranSessionQuery.between(DAY1, DAY1.plus(DAY.multipliedBy(2))).splitInto(DAY))) {
            Iterator<EkranSession> it = s.iterator();
            assertThat(it.next().sessionId()).isEqualTo(1);
            wm.verify(1, getRequestedFor(urlPathEqualTo("/ekranapi/sessions")));

            assertThat(it.next().sessionId()).isEqualTo(2);
            assertThat(it.hasNext()).isFalse();
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo("/ekranapi/sessions")));
    }

    @Test
    void aSinceQueryRunsUpToNowAndLeavesTheLastWindowOpen() {
        window("2021-04-01T00:00:00", "2021-04-02T00:00:00", "[" + session(1, "2021-04-01T08:00:00Z", null) + "]");
        window("2021-04-02T00:00:00", null, "[" + session(1, "2021-04-02T00:00:00Z", null) + ","
                + session(5, "2021-04-02T13:00:00Z", null) + "]");
        Clock noon = Clock.fixed(Instant.parse("2021-04-02T12:00:00Z"), ZoneOffset.UTC);

        try (EkranClient ekran = client(noon)) {
            List<EkranSession> got = ekran.sessions().list(EkranSessionQuery.since(DAY1).splitInto(DAY));

            // session 5 started after "now": the open last window still finds it
            assertThat(got).extracting(EkranSession::sessionId).containsExactly(1, 5);
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo("/ekranapi/sessions")));
    }

    @Test
    void aFailingWindowFailsTheStreamAfterTheEarlierWindowsWereDelivered() {
        window("2021-04-01T00:00:00", "2021-04-02T00:00:00", "[" + session(1, "2021-04-01T08:00:00Z", null) + "]");
        wm.stubFor(get(urlPathEqualTo("/ekranapi/sessions")).withQueryParam("start", equalTo("2021-04-02T00:00:00"))
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"database offline\"}")));

        try (EkranClient ekran = client(Clock.systemUTC());
             Stream<EkranSession> s = ekran.sessions().stream(
                     EkranSessionQuery.between(DAY1, DAY1.plus(DAY.multipliedBy(2))).splitInto(DAY))) {
            Iterator<EkranSession> it = s.iterator();
            assertThat(it.next().sessionId()).isEqualTo(1);
            assertThatThrownBy(it::hasNext).isInstanceOf(ServerException.class).hasMessageContaining("database offline");
        }
    }

    @Test
    void splittingNeedsAStartAndAWindowOfAtLeastASecond() {
        assertThatThrownBy(() -> EkranSessionQuery.all().splitInto(DAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EkranSessionQuery.until(DAY1).splitInto(DAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EkranSessionQuery.since(DAY1).splitInto(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EkranSessionQuery.between(DAY1, DAY1.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EkranSessionQuery.since(DAY1).splitInto(DAY).window()).isEqualTo(DAY);
    }
}
