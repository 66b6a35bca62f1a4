package org.sessionsdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.CapturedLogs;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.SenhaseguraSimulator;
import org.sessionsdk.testkit.SimData;

/**
 * Issue 8, item 5: with every SDK logger at TRACE (the sdk-core test-jar's capturing SLF4J provider),
 * each vendor is driven through success, an authentication failure and a server error. No password,
 * API key, secret key, client secret, token, cookie or Basic header value may appear in any log line,
 * exception message (causes included), or {@code toString()} of a client, its credentials or an
 * exception.
 */
class SecretsTest {
    private static final String WRONG = "wrong-secret-Zq81x";

    /** Everything a user or an operator could read: messages, causes, toString()s. */
    private final List<String> seen = new ArrayList<>();

    private void call(Runnable r) {
        try {
            r.run();
        } catch (SdkException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                seen.add(String.valueOf(t.getMessage()));
                seen.add(t.toString());
                for (Throwable s : t.getSuppressed()) {
                    seen.add(s.toString());
                }
            }
        }
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void assertNoneOf(int mark, String... secrets) {
        String logs = CapturedLogs.textSince(mark);
        assertThat(logs).as("TRACE logs were captured").contains("org.sessionsdk.http");
        String all = logs + "\n" + String.join("\n", seen);
        for (String s : secrets) {
            assertThat(all).as("a secret leaked").doesNotContain(s);
        }
    }

    @Test
    void plesk() {
        int mark = CapturedLogs.mark();
        try (PleskSimulator sim = PleskSimulator.start()) {
            try (PleskClient ok = sim.client();
                 PleskClient pw = sim.clientBuilder().credentials(PleskCredentials.password(PleskSimulator.LOGIN,
                         PleskSimulator.PASSWORD)).build();
                 PleskClient bad = sim.clientBuilder().credentials(PleskCredentials.secretKey(WRONG)).build();
                 PleskClient badPw = sim.clientBuilder().credentials(PleskCredentials.password("admin", WRONG)).build();
                 PleskClient noRetry = sim.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
                call(() -> ok.sessions().list());
                call(() -> pw.eventLog().lastId());
                String key = ok.secretKeys().create(org.sessionsdk.plesk.PleskSecretKeyRequest.builder()
                        .ipAddress("10.0.0.9").build());
                call(() -> ok.secretKeys().list());
                call(() -> ok.protocols());
                call(() -> bad.protocols());
                call(() -> bad.sessions().list());
                // a reseller's key on the administrator's operators, and a key bound to another address
                String reseller = sim.addResellerKey();
                String elsewhere = sim.addKeyBoundTo("192.0.2.7");
                try (PleskClient r = sim.clientBuilder().credentials(PleskCredentials.secretKey(reseller)).build();
                     PleskClient away = sim.clientBuilder().credentials(PleskCredentials.secretKey(elsewhere)).build()) {
                    call(() -> r.sessions().list());
                    call(() -> r.eventLog().lastId());
                    call(() -> away.sessions().list());
                    seen.add(r.toString());
                }
                seen.add(PleskCredentials.secretKey(reseller).toString());
                call(() -> badPw.sessions().list());
                sim.faults().failNext(500, "<html>boom</html>");
                call(() -> noRetry.sessions().list());
                seen.add(ok.toString());
                seen.add(pw.toString());
                seen.add(PleskCredentials.secretKey(PleskSimulator.SECRET_KEY).toString());
                seen.add(PleskCredentials.password("admin", PleskSimulator.PASSWORD).toString());
                // a key the SDK created is returned to the caller, and must not be logged on the way
                assertNoneOf(mark, PleskSimulator.SECRET_KEY, PleskSimulator.PASSWORD, WRONG, key, reseller, elsewhere);
            }
        }
    }

    @Test
    void ekran() {
        int mark = CapturedLogs.mark();
        try (EkranSimulator sim = EkranSimulator.start();
             EkranClient ok = sim.client();
             EkranClient bad = sim.clientBuilder().credentials(EkranCredentials.apiKey(WRONG)).build();
             EkranClient noRetry = sim.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
            call(() -> ok.sessions().list(EkranSessionQuery.all()));
            call(() -> bad.sessions().list(EkranSessionQuery.all()));
            call(() -> ok.alerts().list(org.sessionsdk.ekran.EkranAlertQuery.all()));
            call(() -> bad.alerts().list(org.sessionsdk.ekran.EkranAlertQuery.all()));
            call(() -> bad.sessions().detailsList(org.sessionsdk.ekran.EkranSessionDetailsQuery.all()));
            call(() -> ok.accessRequests().list(org.sessionsdk.ekran.EkranAccessRequestQuery.all()));
            call(() -> bad.accessRequests().list(org.sessionsdk.ekran.EkranAccessRequestQuery.all()));
            call(() -> bad.auditEvents(org.sessionsdk.core.session.TimeRange.all()).toList());
            sim.faults().failNext(503, "{\"message\":\"down\"}");
            call(() -> noRetry.sessions().list(EkranSessionQuery.all()));
            seen.add(ok.toString());
            seen.add(EkranCredentials.apiKey(EkranSimulator.API_KEY).toString());
            assertNoneOf(mark, EkranSimulator.API_KEY, WRONG);
        }
    }

    @Test
    void saymonBasicAndCookieSession() {
        int mark = CapturedLogs.mark();
        try (SaymonSimulator sim = SaymonSimulator.start()) {
            SaymonSessionQuery q = SaymonSessionQuery.builder().pageSize(10).build();
            try (SaymonClient basic = sim.client();
                 SaymonClient cookie = sim.clientBuilder().credentials(SaymonCredentials.session(SaymonSimulator.LOGIN,
                         SaymonSimulator.PASSWORD)).build();
                 SaymonClient bad = sim.clientBuilder().credentials(SaymonCredentials.basic("admin", WRONG)).build();
                 SaymonClient badCookie = sim.clientBuilder().credentials(SaymonCredentials.session("admin", WRONG))
                         .build();
                 SaymonClient noRetry = sim.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
                call(() -> basic.sessions().list(q));
                call(() -> cookie.users().current());
                sim.expireSessions(); // the cookie is refused once, then the client logs in again
                call(() -> cookie.sessions().list(q));
                call(() -> bad.users().current());
                call(() -> badCookie.users().current());
                sim.faults().failNext(500, "{\"code\":\"InternalError\",\"message\":\"boom\"}");
                call(() -> noRetry.users().current());
                seen.add(basic.toString());
                seen.add(cookie.toString());
                seen.add(SaymonCredentials.basic("admin", SaymonSimulator.PASSWORD).toString());
                seen.add(SaymonCredentials.session("admin", SaymonSimulator.PASSWORD).toString());
            }
            // the two session ids the simulator issued (see SaymonSimulator: hex(seed 42, 7_000_000 + n, 32))
            assertNoneOf(mark, SaymonSimulator.PASSWORD, WRONG, basic(SaymonSimulator.LOGIN, SaymonSimulator.PASSWORD),
                    basic("admin", WRONG), SimData.hex(42, 7_000_001L, 32), SimData.hex(42, 7_000_002L, 32));
        }
    }

    /** Issue 31: SAYMON's API token travels in the query string, which must never surface. */
    @Test
    void saymonApiToken() {
        int mark = CapturedLogs.mark();
        try (SaymonSimulator sim = SaymonSimulator.start()) {
            String issued = sim.issueApiToken(SaymonSimulator.VIEWER_LOGIN);
            SaymonSessionQuery q = SaymonSessionQuery.builder().pageSize(10).build();
            try (SaymonClient ok = sim.clientBuilder().credentials(SaymonCredentials.apiToken(SaymonSimulator.API_TOKEN))
                         .build();
                 SaymonClient viewer = sim.clientBuilder().credentials(SaymonCredentials.apiToken(issued)).build();
                 SaymonClient bad = sim.clientBuilder().credentials(SaymonCredentials.apiToken(WRONG)).build();
                 SaymonClient noRetry = sim.clientBuilder().credentials(SaymonCredentials.apiToken(SaymonSimulator.API_TOKEN))
                         .retryPolicy(RetryPolicy.none()).build()) {
                call(() -> ok.sessions().list(q));
                call(() -> ok.auditLog().list(org.sessionsdk.saymon.SaymonAuditQuery.builder().pageSize(10).build()));
                call(() -> viewer.users().current());
                call(() -> viewer.sessions().list(q)); // 403: the viewer lacks read-session-log
                sim.revokeApiTokens(SaymonSimulator.VIEWER_LOGIN);
                call(() -> viewer.users().current()); // 401: the token was revoked
                call(() -> bad.users().current());
                sim.faults().failNext(500, "{\"code\":\"InternalError\",\"message\":\"boom\"}");
                call(() -> noRetry.users().current());
                sim.withApiTokens(false);
                call(() -> ok.users().current());
                seen.add(ok.toString());
                seen.add(SaymonCredentials.apiToken(SaymonSimulator.API_TOKEN).toString());
                seen.add(SaymonCredentials.apiToken(issued, "token").toString());
            }
            assertNoneOf(mark, SaymonSimulator.API_TOKEN, issued, WRONG,
                    java.net.URLEncoder.encode(SaymonSimulator.API_TOKEN, StandardCharsets.UTF_8));
        }
    }

    /** Issue 31: the token request's two forms, the body refused and the Basic header accepted. */
    @Test
    void senhaseguraTokenFormFallback() {
        int mark = CapturedLogs.mark();
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withTokenBasicHeaderOnly()) {
            try (SenhaseguraClient ok = sim.client();
                 SenhaseguraClient bad = sim.clientBuilder().credentials(SenhaseguraCredentials.oauth2(
                         SenhaseguraSimulator.CLIENT_ID, WRONG)).build()) {
                call(() -> ok.sessions().list());
                call(() -> bad.sessions().list()); // both forms refused
                seen.add(ok.toString());
            }
            List<String> secrets = new ArrayList<>(List.of(SenhaseguraSimulator.CLIENT_SECRET, WRONG,
                    basic(SenhaseguraSimulator.CLIENT_ID, SenhaseguraSimulator.CLIENT_SECRET),
                    basic(java.net.URLEncoder.encode(SenhaseguraSimulator.CLIENT_ID, StandardCharsets.UTF_8),
                            java.net.URLEncoder.encode(SenhaseguraSimulator.CLIENT_SECRET, StandardCharsets.UTF_8)),
                    basic(SenhaseguraSimulator.CLIENT_ID, WRONG)));
            for (int n = 1; n <= sim.tokensIssued(); n++) {
                secrets.add(SimData.hex(42, 3_000_000L + n, 40));
            }
            assertThat(sim.tokensIssued()).isEqualTo(1);
            assertNoneOf(mark, secrets.toArray(String[]::new));
        }
    }

    @Test
    void senhasegura() {
        int mark = CapturedLogs.mark();
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start()) {
            try (SenhaseguraClient ok = sim.client();
                 SenhaseguraClient basicHeader = sim.clientBuilder().credentials(SenhaseguraCredentials.oauth2(
                         SenhaseguraSimulator.CLIENT_ID, SenhaseguraSimulator.CLIENT_SECRET).withBasicAuthHeader()).build();
                 SenhaseguraClient bad = sim.clientBuilder().credentials(SenhaseguraCredentials.oauth2(
                         SenhaseguraSimulator.CLIENT_ID, WRONG)).build();
                 SenhaseguraClient noRetry = sim.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
                call(() -> ok.sessions().list());
                call(() -> basicHeader.sessions().list());
                sim.expireTokens(); // a 401 with a token, then a new token
                call(() -> ok.sessions().list());
                try {
                    bad.sessions().list();
                } catch (AuthenticationException expected) {
                    call(() -> {
                        throw expected;
                    });
                }
                call(() -> noRetry.sessions().list());
                sim.faults().failNext(500, "{\"code\":500,\"response\":{\"status\":500,\"message\":\"boom\",\"error\":true}}");
                call(() -> noRetry.sessions().list());
                call(() -> ok.sessions().terminate("no-such-session"));
                seen.add(ok.toString());
                seen.add(SenhaseguraCredentials.oauth2("id", SenhaseguraSimulator.CLIENT_SECRET).toString());
            }
            List<String> secrets = new ArrayList<>(List.of(SenhaseguraSimulator.CLIENT_SECRET, WRONG,
                    basic(SenhaseguraSimulator.CLIENT_ID, SenhaseguraSimulator.CLIENT_SECRET)));
            for (int n = 1; n <= sim.tokensIssued(); n++) {
                secrets.add(SimData.hex(42, 3_000_000L + n, 40)); // every token the simulator issued
            }
            assertThat(sim.tokensIssued()).isGreaterThanOrEqualTo(3);
            assertNoneOf(mark, secrets.toArray(String[]::new));
        }
    }
}
