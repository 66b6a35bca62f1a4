package org.sessionsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

/** Two servers declared in properties become two working client beans over one transport, and healthy. */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "management.endpoints.web.exposure.include=health",
        "management.endpoint.health.show-details=always"})
@DirtiesContext // the context is closed with the class, not kept for the JVM: nothing of it outlives the tests
class StarterContextTest {
    static final PleskSimulator PANEL = PleskSimulator.start().withSessions(3);
    static final EkranSimulator EKRAN = EkranSimulator.start().withSessions(2);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        ServerProperties.of("panel7", PANEL).forEach((k, v) -> registry.add(k, () -> v));
        ServerProperties.of("ekran1", EKRAN).forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stopSimulators() {
        PANEL.close();
        EKRAN.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("panel7")
    SessionClient panel7;

    @Autowired
    SessionClient ekran1; // by its parameter name

    @Test
    void eachServerIsANamedClientBeanThatReadsItsServer() {
        assertThat(context.getBeansOfType(SessionClient.class)).containsOnlyKeys("panel7", "ekran1");
        assertThat(panel7.vendor()).isEqualTo(PANEL.vendor());
        assertThat(ekran1.vendor()).isEqualTo(EKRAN.vendor());
        assertThat(panel7.endpoint()).isEqualTo(PANEL.endpoint());
        try (var s = panel7.sessionRecords(TimeRange.all())) {
            assertThat(s.map(SessionRecord::id).toList()).hasSize(3);
        }
        try (var s = ekran1.sessionRecords(TimeRange.all())) {
            assertThat(s.toList()).hasSize(2);
        }
        assertThat(context.getBeansOfType(HttpTransport.class)).as("one shared transport").hasSize(1);
        SessionServers servers = context.getBean(SessionServers.class);
        assertThat(servers.names()).containsExactly("ekran1", "panel7");
        assertThat(servers.client("panel7")).isSameAs(panel7);
    }

    @Test
    void healthIsUpWithEachServersDetails() throws Exception {
        HttpResponse<String> all = Http.get(port, "/actuator/health");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).endsWith("\"status\":\"UP\"}").contains("\"sessionsdk\"");
        HttpResponse<String> one = Http.get(port, "/actuator/health/sessionsdk/panel7");
        assertThat(one.body()).contains("\"status\":\"UP\"", "\"credentials\":\"accepted\"", "\"reachable\":true",
                "\"consecutiveFailures\":0", "\"lastSuccess\"", "\"vendor\":\"" + PANEL.vendor() + "\"");
        for (Map.Entry<String, String> e : ServerProperties.settings(PANEL).entrySet()) {
            if (e.getKey().equals(ServerProperties.secretKey(PANEL))) {
                assertThat(all.body()).doesNotContain(e.getValue());
            }
        }
    }
}
