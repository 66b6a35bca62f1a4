package org.sessionsdk.spring;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.TimeRange;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * One server's health: up while its last call succeeded, down from the first failure on (refused
 * credentials, no answer) until a call succeeds again. When nothing succeeded within
 * {@code sessionsdk.health.probe-after}, a check asks the server for the last minute's sessions
 * itself. The details are built from safe parts only: the endpoint without user info, path or query,
 * and an exception's type, never its message, so no secret reaches {@code /actuator/health}.
 */
final class ServerHealthIndicator implements HealthIndicator {
    private final String server;
    private final SessionServers servers;
    private final Duration probeAfter;
    private final Clock clock;

    ServerHealthIndicator(String server, SessionServers servers, Duration probeAfter, Clock clock) {
        this.server = server;
        this.servers = servers;
        this.probeAfter = probeAfter;
        this.clock = clock;
    }

    @Override
    public Health health() {
        SessionClient client = servers.client(server);
        ServerState state = servers.state(server);
        ServerState.Snapshot now = state.snapshot();
        if (now.lastSuccess() == null || now.consecutiveFailures() > 0
                || now.lastSuccess().plus(probeAfter).isBefore(clock.instant())) {
            probe(client, state);
            now = state.snapshot();
        }
        Health.Builder h = now.consecutiveFailures() == 0 && now.lastSuccess() != null ? Health.up() : Health.down();
        h.withDetail("vendor", client.vendor())
                .withDetail("endpoint", safe(client.endpoint()))
                .withDetail("reachable", now.reachable() == null ? "unknown" : now.reachable())
                .withDetail("credentials", now.credentials().name().toLowerCase(java.util.Locale.ROOT))
                .withDetail("consecutiveFailures", now.consecutiveFailures());
        if (now.lastSuccess() != null) {
            h.withDetail("lastSuccess", now.lastSuccess().toString());
        }
        if (now.lastError() != null) {
            h.withDetail("lastError", now.lastError());
        }
        return h.build();
    }

    private void probe(SessionClient client, ServerState state) {
        long before = state.snapshot().calls();
        try (Stream<SessionRecord> s = client.sessionRecords(TimeRange.last(Duration.ofMinutes(1), clock))) {
            s.findFirst();
        } catch (RuntimeException e) {
            if (state.snapshot().calls() == before) { // failed before any call: nothing told the state
                state.failed(e.getClass().getName(), false);
            }
        }
    }

    /** {@return scheme, host and port only} */
    static String safe(URI endpoint) {
        if (endpoint == null) {
            return "unknown";
        }
        return endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
    }

    /** {@return when the server last answered a call well, or null} */
    Instant lastSuccess() {
        return servers.state(server).snapshot().lastSuccess();
    }
}
