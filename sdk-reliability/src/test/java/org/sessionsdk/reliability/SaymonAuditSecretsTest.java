package org.sessionsdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.CapturedLogs;
import org.sessionsdk.saymon.SaymonAuditFailure;
import org.sessionsdk.saymon.SaymonAuditQuery;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.SimData;

/**
 * No secret in any log line, exception, failure report or toString of SAYMON's audit-log reads: Basic
 * and cookie sessions, a wrong password, a user skipped in a walk (its WARN line and its
 * {@link SaymonAuditFailure}).
 */
class SaymonAuditSecretsTest {
    private static final String WRONG = "wrong-Pa55word!";

    @Test
    void auditLogReadsLeakNoSecret() {
        int mark = CapturedLogs.mark();
        List<String> seen = new ArrayList<>();
        try (SaymonSimulator sim = SaymonSimulator.start().failAuditLogOf("jdoe", 500);
             SaymonClient basic = sim.clientBuilder().retryPolicy(RetryPolicy.none()).build();
             SaymonClient cookie = sim.clientBuilder().credentials(SaymonCredentials.session(SaymonSimulator.LOGIN,
                     SaymonSimulator.PASSWORD)).build();
             SaymonClient bad = sim.clientBuilder().credentials(SaymonCredentials.basic("admin", WRONG)).build()) {
            SaymonAuditQuery walk = SaymonAuditQuery.builder().onUserFailure(f -> {
                seen.add(f.toString());
                seen.add(f.error().getMessage());
            }).build();
            basic.auditLog().list(walk);
            cookie.auditLog().list(walk);
            sim.expireSessions(); // refused once, then a new login
            cookie.auditLog().list(SaymonAuditQuery.builder().userId(sim.userId("admin")).build());
            cookie.users().list();
            try {
                bad.auditLog().list(walk);
            } catch (RuntimeException expected) {
                seen.add(expected.toString());
            }
            seen.add(basic.toString());
            seen.add(walk.toString());
        }
        assertThat(seen).hasSizeGreaterThan(4);
        String text = CapturedLogs.textSince(mark) + String.join("\n", seen);
        assertThat(text).contains("skipped"); // the WARN lines of the skipped user are in what was checked
        String basicHeader = Base64.getEncoder().encodeToString((SaymonSimulator.LOGIN + ":" + SaymonSimulator.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String badHeader = Base64.getEncoder().encodeToString(("admin:" + WRONG).getBytes(StandardCharsets.UTF_8));
        // the session ids the simulator issued (hex(seed 42, 7_000_000 + n, 32))
        assertThat(text).doesNotContain(SaymonSimulator.PASSWORD, WRONG, basicHeader, badHeader,
                SimData.hex(42, 7_000_001L, 32), SimData.hex(42, 7_000_002L, 32));
    }
}
