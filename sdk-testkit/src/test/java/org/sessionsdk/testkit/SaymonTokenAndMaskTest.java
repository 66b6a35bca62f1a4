package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.saymon.SaymonAuditQuery;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.saymon.SaymonUser;

/** Issue 31: the SAYMON simulator plays API tokens (good, refused, revoked, disabled) and masked logins. */
class SaymonTokenAndMaskTest {

    @Test
    void aTokenSignsInAndARefusedOneSaysSo() {
        try (SaymonSimulator sim = SaymonSimulator.start()) {
            try (SaymonClient c = sim.clientBuilder().credentials(SaymonCredentials.apiToken(SaymonSimulator.API_TOKEN)).build()) {
                assertThat(c.users().current().login()).isEqualTo(SaymonSimulator.LOGIN);
            }
            try (SaymonClient bad = sim.clientBuilder().credentials(SaymonCredentials.apiToken("nope"))
                    .retryPolicy(RetryPolicy.none()).build()) {
                assertThatThrownBy(() -> bad.users().current()).isInstanceOf(AuthenticationException.class)
                        .hasMessageContaining("Invalid API token.").hasMessageContaining("refused the API token");
            }
        }
    }

    @Test
    void issuedRevokedAndDisabledTokens() {
        try (SaymonSimulator sim = SaymonSimulator.start().withApiTokenParameter("token")) {
            String viewer = sim.issueApiToken(SaymonSimulator.VIEWER_LOGIN);
            try (SaymonClient c = sim.clientBuilder().credentials(SaymonCredentials.apiToken(viewer, "token")).build()) {
                assertThat(c.users().current().login()).isEqualTo(SaymonSimulator.VIEWER_LOGIN);
                sim.revokeApiTokens(SaymonSimulator.VIEWER_LOGIN);
                assertThatThrownBy(() -> c.users().current()).isInstanceOf(AuthenticationException.class);
            }
            try (SaymonClient admin = sim.clientBuilder().credentials(SaymonCredentials.apiToken(SaymonSimulator.API_TOKEN,
                    "token")).build()) {
                assertThat(admin.users().current().login()).isEqualTo(SaymonSimulator.LOGIN);
                sim.withApiTokens(false);
                assertThatThrownBy(() -> admin.users().current()).isInstanceOf(AuthenticationException.class);
                sim.withApiTokens(true);
                assertThat(admin.users().current().login()).isEqualTo(SaymonSimulator.LOGIN);
            }
        }
    }

    @Test
    void maskedLoginsAreNeverTheActor() {
        try (SaymonSimulator sim = SaymonSimulator.start().withAuditEntries(2).withMaskedLogins(true);
             SaymonClient c = sim.client()) {
            List<SaymonUser> users = c.users().list();
            assertThat(users).isNotEmpty().allSatisfy(u -> assertThat(u.loginMasked()).isTrue());
            assertThat(c.auditLog().list(SaymonAuditQuery.builder().build())).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.loginMasked()).isTrue());
            try (Stream<AuditEvent> events = c.auditEvents(TimeRange.last(Duration.ofDays(3650)))) {
                assertThat(events.toList()).isNotEmpty().allSatisfy(e -> {
                    assertThat(e.actor()).doesNotContain("*").isEqualTo(e.attributes().get("userId"));
                    assertThat(e.attributes()).containsEntry("loginMasked", "true");
                });
            }
        }
    }
}
