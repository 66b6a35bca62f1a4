package org.sessionsdk.saymon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.core.testing.Loopback;

/**
 * Issue 31: without {@code manage-users}, {@code GET /node/api/users} answers only {@code id} and a masked
 * {@code login} ({@code exampl******}). The audit walk never presents such a login as the actor: it falls
 * back to the user id and flags the entry.
 */
class SaymonMaskedLoginTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final Instant NOW = Instant.parse("2022-05-04T12:00:00Z");
    static final String U1 = "5f5f420005a91e683e101ca7";
    static final String U2 = "5f5f420105a91e683e101ca8";

    static SaymonClient client() {
        return SaymonClient.builder().endpoint(Loopback.endpoint(wm)).credentials(SaymonCredentials.apiToken("t0k"))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).retryPolicy(RetryPolicy.none()).build();
    }

    static void answers(String users) {
        wm.stubFor(get(urlPathEqualTo("/node/api/users")).willReturn(aResponse().withBody(users)));
        for (String u : List.of(U1, U2)) {
            wm.stubFor(get(urlPathEqualTo("/node/api/users/" + u + "/audit-log")).willReturn(aResponse().withBody(
                    "[{\"entityId\":\"o1\",\"entityType\":5,\"kind\":13,\"newBody\":{},\"oldBody\":{},\"timestamp\":"
                            + (NOW.toEpochMilli() - 60_000) + ",\"userId\":\"" + u + "\"}]")));
        }
    }

    @Test
    void aMaskedLoginIsDetectedOnTheUser() {
        answers("[{\"id\":\"" + U1 + "\",\"login\":\"exampl******\"},{\"id\":\"" + U2 + "\",\"login\":\"ops\"}]");
        try (SaymonClient saymon = client()) {
            List<SaymonUser> users = saymon.users().list();
            assertThat(users.get(0).login()).isEqualTo("exampl******"); // as sent
            assertThat(users.get(0).loginMasked()).isTrue();
            assertThat(users.get(1).loginMasked()).isFalse();
        }
    }

    @Test
    void theWalkNamesTheUserIdAndFlagsAMaskedLogin() {
        answers("[{\"id\":\"" + U1 + "\",\"login\":\"exampl******\"},{\"id\":\"" + U2 + "\",\"login\":\"ops\"}]");
        List<SaymonAuditEntry> entries;
        List<AuditEvent> events;
        try (SaymonClient saymon = client()) {
            entries = saymon.auditLog().list(SaymonAuditQuery.builder().build());
            try (Stream<AuditEvent> s = saymon.auditEvents(TimeRange.between(NOW.minus(Duration.ofHours(1)), NOW))) {
                events = s.toList();
            }
        }
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).login()).isNull();
        assertThat(entries.get(0).loginMasked()).isTrue();
        assertThat(entries.get(1).login()).isEqualTo("ops");
        assertThat(entries.get(1).loginMasked()).isFalse();

        assertThat(events).hasSize(2);
        AuditEvent masked = events.get(0);
        assertThat(masked.actor()).isEqualTo(U1).doesNotContain("*");
        assertThat(masked.attributes()).containsEntry("loginMasked", "true").containsEntry("userId", U1);
        assertThat(SaymonProvider.LOGIN_MASKED.of(masked)).contains(true);
        AuditEvent real = events.get(1);
        assertThat(real.actor()).isEqualTo("ops");
        assertThat(real.attributes()).doesNotContainKey("loginMasked");
        assertThat(new SaymonProvider().auditAttributes()).contains(SaymonProvider.LOGIN_MASKED);
    }

    @Test
    void theAuditFeedNamesTheUserIdToo() throws Exception {
        answers("[{\"id\":\"" + U1 + "\",\"login\":\"ad***\"}]");
        try (SaymonClient saymon = client();
             org.sessionsdk.core.feed.Feed<AuditEvent> feed = saymon.auditFeed(org.sessionsdk.core.feed.FeedOptions.builder()
                     .since(NOW.minus(Duration.ofHours(1))).build())) {
            List<AuditEvent> got = feed.poll(Duration.ofSeconds(30)).items();
            assertThat(got).isNotEmpty().allSatisfy(e -> {
                assertThat(e.actor()).isEqualTo(U1);
                assertThat(e.attributes()).containsEntry("loginMasked", "true");
            });
        }
    }
}
