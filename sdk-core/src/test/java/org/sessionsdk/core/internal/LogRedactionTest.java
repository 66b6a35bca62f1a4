package org.sessionsdk.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.auth.BasicAuth;
import org.sessionsdk.core.auth.HeaderAuth;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.testing.CapturedLogs;
import org.sessionsdk.core.testing.Loopback;

class LogRedactionTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    @Test
    void traceLogsShowAllowedHeadersAndRedactEverySecretOne() {
        wm.stubFor(any(urlPathEqualTo("/p")).willReturn(aResponse().withStatus(401)
                .withHeader("Set-Cookie", "sid=COOKIE-VALUE-9").withHeader("Content-Type", "application/json")
                .withHeader("X-Custom-Token", "RESP-TOKEN-3").withBody("{}")));
        RequestAuth auth = request -> {
            new BasicAuth("alice", Secret.of("PASSWORD-1")).authorize(request);
            HeaderAuth.builder().secret("KEY", Secret.of("SECRET-KEY-2")).secret("HTTP_AUTH_PASSWD", Secret.of("PLESK-PW-4"))
                    .secret("ApiKey", Secret.of("API-KEY-5")).secret("Cookie", Secret.of("sid=COOKIE-6"))
                    .plain("X-Tenant", "TENANT-PLAIN-7").build().authorize(request);
        };
        int mark = CapturedLogs.mark();
        try (ClientRuntime rt = new ClientRuntime(new org.sessionsdk.core.testing.TestConfig().endpoint(Loopback.endpoint(wm))
                .redactHeader("Content-Type").build(), "t")) {
            ApiCaller c = rt.caller(auth, ErrorDecoder.byStatus());
            assertThatThrownBy(() -> c.execute(Call.get("/p").query("token", "QUERY-SECRET-8").build(), r -> null))
                    .isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("QUERY-SECRET-8"));
        }
        String logs = CapturedLogs.textSince(mark);

        assertThat(logs).contains("GET /p -> 401").contains("attempt 1").containsPattern("User-Agent: sessionsdk/\\d");
        assertThat(logs).containsIgnoringCase("Authorization: [redacted]").containsIgnoringCase("KEY: [redacted]")
                .containsIgnoringCase("Set-Cookie: [redacted]").containsIgnoringCase("X-Custom-Token: [redacted]")
                .containsIgnoringCase("Content-Type: [redacted]"); // allow-listed, but configured as redacted
        for (String secret : new String[] {"PASSWORD-1", "SECRET-KEY-2", "RESP-TOKEN-3", "PLESK-PW-4", "API-KEY-5",
                "COOKIE-6", "COOKIE-VALUE-9", "QUERY-SECRET-8", "TENANT-PLAIN-7",
                java.util.Base64.getEncoder().encodeToString("alice:PASSWORD-1".getBytes())}) {
            assertThat(logs).doesNotContain(secret);
        }
    }
}
