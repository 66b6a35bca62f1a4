package org.sessionsdk.kafka.internal;

import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.kafka.SessionSourceConfig;

/** Opens the client of one endpoint through its vendor's provider, from the connector's configuration. */
public final class Clients {
    private Clients() {
    }

    /**
     * A client of one endpoint.
     *
     * @param config the task's configuration
     * @param index  the endpoint's position
     * @return the client, to close
     */
    public static SessionClient build(SessionSourceConfig config, int index) {
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
    public static SessionClient build(SessionSourceConfig config, int index, java.time.Clock clock) {
        return config.provider().open(config.settingsOf(index), b -> {
            b.userAgentSuffix("kafka-connect");
            if (clock != null) {
                b.clock(clock);
            }
        });
    }
}
