package org.sessionsdk.spring;

import org.sessionsdk.core.config.ClientBuilder;

/**
 * Changes what plain-text properties cannot carry on each server's client builder (a listener, a
 * user-agent suffix, a retry policy): every bean of this type is applied, in {@code @Order}, after the
 * settings and the shared transport.
 */
@FunctionalInterface
public interface SessionClientCustomizer {

    /**
     * Changes one server's builder.
     *
     * @param server  the server's name under {@code sessionsdk.servers}
     * @param builder its vendor's builder
     */
    void customize(String server, ClientBuilder<?> builder);
}
