package org.sessionsdk.saymon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;

/**
 * Paging with {@code skip} counted from the newest record while the log grows: every record comes
 * back exactly once, none is skipped, and {@code to} stays what it was when the stream started.
 */
class SaymonPagingTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String PATH = "/node/api/users/session/log";

    /** A clock that moves a minute forward every time it is read: a bound read twice would differ. */
    static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2022-05-04T12:00:00Z");

        @Override
        public synchronized Instant instant() {
            Instant t = now;
            now = now.plus(Duration.ofMinutes(1));
            return t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** What the server holds after {@code inserts} new records: newest first, r(8+inserts) .. r1. */
    static List<Integer> log(int inserts) {
        List<Integer> ids = new ArrayList<>();
        for (int n = 8 + inserts; n >= 1; n--) {
            ids.add(n);
        }
        return ids;
    }

    static String page(List<Integer> log, int skip, int limit) {
        return log.stream().skip(skip).limit(limit)
                .map(n -> "{\"id\":\"r" + n + "\",\"login\":\"u\",\"startTime\":" + (1651662280000L + n) + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** Page {@code skip} answers from the log as it is then, and one more record lands before the next page. */
    static void pageThenInsert(String to, int skip, int insertsSoFar) {
        wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("growing log")
                .whenScenarioStateIs(insertsSoFar == 0 ? STARTED : "inserts " + insertsSoFar)
                .withQueryParam("to", equalTo(to)).withQueryParam("skip", equalTo(Integer.toString(skip)))
                .willReturn(aResponse().withBody(page(log(insertsSoFar), skip, 3)))
                .willSetStateTo("inserts " + (insertsSoFar + 1)));
    }

    @Test
    void recordsInsertedBetweenPagesCauseNeitherDuplicatesNorGaps() {
        SteppingClock clock = new SteppingClock();
        String to = Long.toString(Instant.parse("2022-05-04T12:00:00Z").toEpochMilli());
        // The stubs only answer the first clock reading as "to": a bound read again would find no stub.
        // Records keep arriving inside the window (a server clock ahead of ours) and shift every page by one.
        pageThenInsert(to, 0, 0);  // r8 r7 r6
        pageThenInsert(to, 3, 1);  // r9 arrived: r6 r5 r4
        pageThenInsert(to, 6, 2);  // r10 arrived: r4 r3 r2
        pageThenInsert(to, 9, 3);  // r11 arrived: r2 r1 (short page: the end)

        List<String> got;
        try (SaymonClient saymon = SaymonClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(SaymonCredentials.basic("admin", "pw")).clock(clock).retryPolicy(RetryPolicy.none()).build()) {
            got = saymon.sessions().list(SaymonSessionQuery.builder().pageSize(3).build()).stream()
                    .map(SaymonSession::id).toList();
        }

        assertThat(got).containsExactly("r8", "r7", "r6", "r5", "r4", "r3", "r2", "r1");
        List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(4);
        assertThat(requests).extracting(r -> r.queryParameter("to").firstValue()).containsOnly(to);
        assertThat(requests).extracting(r -> r.queryParameter("skip").firstValue()).containsExactly("0", "3", "6", "9");
    }

    @Test
    void recordsLoggedAfterTheStartStayOutsideTheFixedUpperBound() {
        // A well-behaved server filters by "to": records r9.. logged meanwhile never reach the window,
        // so the pages do not move at all.
        String to = Long.toString(Instant.parse("2022-05-04T12:00:00Z").toEpochMilli());
        for (int skip = 0; skip <= 6; skip += 3) {
            wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("to", equalTo(to))
                    .withQueryParam("skip", equalTo(Integer.toString(skip)))
                    .willReturn(aResponse().withBody(page(log(0), skip, 3))));
        }

        try (SaymonClient saymon = SaymonClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(SaymonCredentials.basic("admin", "pw")).clock(new SteppingClock())
                .retryPolicy(RetryPolicy.none()).build()) {
            List<String> got = saymon.sessions().list(SaymonSessionQuery.builder().pageSize(3).build()).stream()
                    .map(SaymonSession::id).toList();

            assertThat(got).containsExactly("r8", "r7", "r6", "r5", "r4", "r3", "r2", "r1");
        }
        wm.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aFullLastPageCostsOneMoreEmptyRequest() {
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("skip", equalTo("0"))
                .willReturn(aResponse().withBody(page(log(0), 0, 4))));
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("skip", equalTo("4"))
                .willReturn(aResponse().withBody(page(log(0), 4, 4))));
        wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("skip", equalTo("8")).willReturn(aResponse().withBody("[]")));

        try (SaymonClient saymon = SaymonClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(SaymonCredentials.basic("admin", "pw")).build()) {
            assertThat(saymon.sessions().list(SaymonSessionQuery.builder().pageSize(4).build())).hasSize(8);
        }
        wm.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
    }
}
