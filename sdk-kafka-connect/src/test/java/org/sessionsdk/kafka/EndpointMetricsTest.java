package org.sessionsdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;
import org.sessionsdk.kafka.internal.EndpointHealth;
import org.sessionsdk.kafka.internal.HealthMetrics;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.SimClock;

/**
 * Each endpoint's stream has its metrics, read here as the worker would: through the task context's
 * plugin metrics, or, where the worker is older and its context has no {@code pluginMetrics()}, as
 * MBeans of the connector's own.
 */
class EndpointMetricsTest {
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void pluginMetricsPerEndpointAndStream() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withClock(clock).withSessions(0).withAlerts(0)) {
            EkranSimulator good = sim.tenant(1).withClock(clock).withSessions(0).withAlerts(0).withScenario(SessionSourceTaskTest.HISTORY);
            EkranSimulator bad = sim.tenant(2).withClock(clock).withSessions(0).withAlerts(0);
            Map<String, String> p = SessionSourceTaskTest.props(sim, "ocsf");
            p.put(SessionSourceConfig.ENDPOINTS, "good=" + good.endpoint() + ",bad=" + bad.endpoint());
            p.put("sessionsdk.endpoint.bad.api.key", "not-the-key");
            p.put(SessionSourceConfig.TASK_ENDPOINTS, "0,1");
            p.put(SessionSourceConfig.SINCE, T0.minus(Duration.ofHours(2)).toString());
            FakePluginMetrics metrics = new FakePluginMetrics();
            SessionSourceTask task = SessionSourceTaskTest.started(p, SessionSourceTaskTest.reader(new HashMap<>()),
                    () -> metrics, clock);
            try {
                assertThat(metrics.metrics.keySet()).extracting(MetricName::group).containsOnly("plugins");
                assertThat(metrics.metrics.keySet().stream().map(MetricName::tags).collect(Collectors.toSet()))
                        .containsExactlyInAnyOrder(tags("good", "sessions"), tags("good", "audit"),
                                tags("bad", "sessions"), tags("bad", "audit"));
                assertThat(metrics.metrics.keySet().stream().map(MetricName::name).collect(Collectors.toSet()))
                        .containsExactlyInAnyOrderElementsOf(EndpointHealth.METRICS.stream().map(EndpointHealth.Metric::name).toList());
                pollUntil(task, () -> metrics.value("records-total", "good", "sessions") == 3
                        && metrics.value("records-total", "good", "audit") == 2
                        && metrics.value("consecutive-failures", "bad", "sessions") >= 1
                        && metrics.value("consecutive-failures", "bad", "audit") >= 1, () -> values(metrics));
                for (String stream : new String[] {"sessions", "audit"}) {
                    assertThat(metrics.value("last-successful-poll-timestamp-ms", "good", stream)).isEqualTo(T0.toEpochMilli());
                    assertThat(metrics.value("consecutive-failures", "good", stream)).isZero();
                    assertThat(metrics.value("gaps-total", "good", stream)).isZero();
                    assertThat(metrics.value("last-successful-poll-timestamp-ms", "bad", stream)).isEqualTo(-1);
                    assertThat(metrics.value("records-total", "bad", stream)).isZero();
                    assertThat(metrics.value("lag-ms", "bad", stream)).isEqualTo(-1);
                }
                // the newest session change is the end 30 minutes ago, the newest audit entry 35 minutes ago
                assertThat(metrics.value("lag-ms", "good", "sessions")).isEqualTo(Duration.ofMinutes(30).toMillis());
                assertThat(metrics.value("lag-ms", "good", "audit")).isEqualTo(Duration.ofMinutes(35).toMillis());
                clock.advance(Duration.ofMinutes(1));
                assertThat(metrics.value("lag-ms", "good", "audit")).isEqualTo(Duration.ofMinutes(36).toMillis());
            } finally {
                task.stop();
            }
            assertThat(metrics.metrics).as("removed when the task stops").isEmpty();
        }
    }

    @Test
    void mbeansOfTheirOwnOnAWorkerWithoutPluginMetrics() throws Exception {
        SimClock clock = SimClock.at(T0);
        try (EkranSimulator sim = EkranSimulator.start().withClock(clock).withSessions(0).withAlerts(0)
                .withScenario(SessionSourceTaskTest.HISTORY)) {
            Map<String, String> p = SessionSourceTaskTest.props(sim, "ocsf");
            p.put("name", "panels");
            p.put(SessionSourceConfig.TASK_ID, "0");
            p.put(SessionSourceConfig.ENDPOINTS, "panel-1=" + sim.endpoint());
            p.put(SessionSourceConfig.SINCE, T0.minus(Duration.ofHours(2)).toString());
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName audit = new ObjectName("org.sessionsdk.kafka:type=endpoint-metrics,connector=panels,task=0,"
                    + "endpoint=panel-1,stream=audit");
            assertThat(HealthMetrics.objectName("panels", "0", "panel-1", "audit")).isEqualTo(audit);
            SessionSourceTask task = SessionSourceTaskTest.started(p, SessionSourceTaskTest.reader(new HashMap<>()), () -> {
                throw new AbstractMethodError("a Kafka 3.9 worker's context"); // what calling pluginMetrics() there does
            }, clock);
            try {
                Set<ObjectName> names = server.queryNames(new ObjectName("org.sessionsdk.kafka:type=endpoint-metrics,"
                        + "connector=panels,*"), null);
                assertThat(names).hasSize(2).contains(audit);
                pollUntil(task, () -> attribute(server, audit, "records-total") == 2,
                        () -> "records-total " + attribute(server, audit, "records-total"));
                assertThat(attribute(server, audit, "consecutive-failures")).isZero();
                assertThat(attribute(server, audit, "last-successful-poll-timestamp-ms")).isEqualTo(T0.toEpochMilli());
                assertThat(attribute(server, audit, "lag-ms")).isEqualTo(Duration.ofMinutes(35).toMillis());
                assertThat(server.getMBeanInfo(audit).getAttributes()).hasSize(EndpointHealth.METRICS.size());
            } finally {
                task.stop();
            }
            assertThat(server.isRegistered(audit)).as("unregistered when the task stops").isFalse();
        }
    }

    static String values(FakePluginMetrics metrics) {
        return metrics.metrics.keySet().stream().map(n -> n.tags().get("endpoint") + "/" + n.tags().get("stream") + " "
                + n.name() + "=" + metrics.value(n.name(), n.tags().get("endpoint"), n.tags().get("stream")))
                .sorted().collect(Collectors.joining(", "));
    }

    static Map<String, String> tags(String endpoint, String stream) {
        return Map.of("endpoint", endpoint, "stream", stream);
    }

    static long attribute(MBeanServer server, ObjectName name, String attribute) {
        try {
            return ((Number) server.getAttribute(name, attribute)).longValue();
        } catch (javax.management.JMException e) {
            throw new AssertionError(e);
        }
    }

    static void pollUntil(SessionSourceTask task, BooleanSupplier done, java.util.function.Supplier<Object> state)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s; " + state.get());
            }
            task.poll();
        }
    }
}
