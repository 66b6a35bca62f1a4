package org.sessionsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SenhaseguraSimulator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A server whose credentials are wrong is down, with why (refused, reachable, failures in a row), the
 * application with it, and neither the wrong secret nor the right one is in the output.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "management.endpoints.web.exposure.include=health",
        "management.endpoint.health.show-details=always"})
@DirtiesContext // the context is closed with the class, not kept for the JVM: nothing of it outlives the tests
class WrongCredentialsHealthTest {
    static final String WRONG = "not-the-secret-4711";
    static final PleskSimulator PANEL = PleskSimulator.start();
    static final SenhaseguraSimulator PAM = SenhaseguraSimulator.start();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        ServerProperties.of("panel7", PANEL).forEach((k, v) -> registry.add(k, () -> v));
        Map<String, String> pam = ServerProperties.of("pam", PAM);
        pam.forEach((k, v) -> registry.add(k, () -> v));
        registry.add(ServerDeclarations.property("pam", ServerProperties.secretKey(PAM)), () -> WRONG);
    }

    @AfterAll
    static void stopSimulators() {
        PANEL.close();
        PAM.close();
    }

    private static int failures(String health) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"consecutiveFailures\":(\\d+)").matcher(health);
        assertThat(m.find()).as(health).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @LocalServerPort
    int port;

    @Test
    void theServerWithWrongCredentialsIsDownAndNoSecretIsShown() throws Exception {
        HttpResponse<String> good = Http.get(port, "/actuator/health/sessionsdk/panel7");
        assertThat(good.body()).as("the other server").endsWith("\"status\":\"UP\"}");

        HttpResponse<String> bad = Http.get(port, "/actuator/health/sessionsdk/pam");
        assertThat(bad.statusCode()).isEqualTo(503);
        assertThat(bad.body()).contains("\"status\":\"DOWN\"", "\"credentials\":\"refused\"", "\"reachable\":true",
                "\"lastError\":\"AuthenticationException\"");
        HttpResponse<String> again = Http.get(port, "/actuator/health/sessionsdk/pam");
        assertThat(failures(again.body())).as("each check asks again while it is down").isGreaterThan(failures(bad.body()));

        HttpResponse<String> all = Http.get(port, "/actuator/health");
        assertThat(all.statusCode()).isEqualTo(503);
        assertThat(all.body()).endsWith("\"status\":\"DOWN\"}");
        String right = ServerProperties.settings(PAM).get(ServerProperties.secretKey(PAM));
        for (String body : new String[] {good.body(), bad.body(), again.body(), all.body()}) {
            assertThat(body).doesNotContain(WRONG).doesNotContain(right);
        }
    }
}
