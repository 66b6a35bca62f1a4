package org.sessionsdk.kafka.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.kafka.common.config.types.Password;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.config.ClientBuilder;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.kafka.SessionSourceConfig;
import org.sessionsdk.kafka.SessionSourceConfig.EndpointCredentials;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;

/** Builds the vendor client of one endpoint from the connector's configuration. */
public final class Clients {
    private Clients() {
    }

    /**
     * A client of one endpoint; a {@link SessionSource}, and an {@link AuditSource} except senhasegura's.
     *
     * @param config the task's configuration
     * @param index  the endpoint's position
     * @return the client, to close
     */
    public static AutoCloseable build(SessionSourceConfig config, int index) {
        return build(config, index, null);
    }

    /**
     * A client of one endpoint on a clock.
     *
     * @param config the task's configuration
     * @param index  the endpoint's position
     * @param clock  the client's clock; null: the system's
     * @return the client, to close
     */
    public static AutoCloseable build(SessionSourceConfig config, int index, java.time.Clock clock) {
        URI endpoint = URI.create(config.endpoints().get(index).trim());
        EndpointCredentials c = config.credentialsOf(index);
        ZoneId zone = config.serverZone();
        switch (config.vendor()) {
            case "plesk" -> {
                PleskClient.Builder b = common(PleskClient.builder(), config, endpoint, clock)
                        .credentials(c.apiKey() != null ? PleskCredentials.secretKey(c.apiKey().value())
                                : PleskCredentials.password(c.username(), c.password().value()));
                return (zone == null ? b : b.serverZone(zone)).build();
            }
            case "ekran" -> {
                EkranClient.Builder b = common(EkranClient.builder(), config, endpoint, clock)
                        .credentials(EkranCredentials.apiKey(c.apiKey().value()));
                return (zone == null ? b : b.serverZone(zone)).build();
            }
            case "saymon" -> {
                return common(SaymonClient.builder(), config, endpoint, clock)
                        .credentials(SaymonCredentials.basic(c.username(), c.password().value())).build();
            }
            default -> {
                SenhaseguraClient.Builder b = common(SenhaseguraClient.builder(), config, endpoint, clock)
                        .credentials(SenhaseguraCredentials.oauth2(c.clientId(), c.clientSecret().value()));
                return (zone == null ? b : b.serverZone(zone)).build();
            }
        }
    }

    private static <B extends ClientBuilder<B>> B common(B b, SessionSourceConfig config, URI endpoint,
                                                        java.time.Clock clock) {
        b.endpoint(endpoint)
                .connectTimeout(Duration.ofMillis(config.getLong(SessionSourceConfig.CONNECT_TIMEOUT_MS)))
                .requestTimeout(Duration.ofMillis(config.getLong(SessionSourceConfig.REQUEST_TIMEOUT_MS)))
                .readTimeout(Duration.ofMillis(config.getLong(SessionSourceConfig.READ_TIMEOUT_MS)))
                .userAgentSuffix("kafka-connect");
        if (clock != null) {
            b.clock(clock);
        }
        String pem = config.getString(SessionSourceConfig.TLS_TRUST_PEM);
        String store = config.getString(SessionSourceConfig.TLS_TRUSTSTORE_PATH);
        if (!pem.isBlank()) {
            b.trustPem(Path.of(pem.trim()));
        } else if (!store.isBlank()) {
            Password p = config.getPassword(SessionSourceConfig.TLS_TRUSTSTORE_PASSWORD);
            b.trustStore(Path.of(store.trim()), config.getString(SessionSourceConfig.TLS_TRUSTSTORE_TYPE),
                    p == null ? null : p.value().toCharArray());
        }
        return b;
    }
}
