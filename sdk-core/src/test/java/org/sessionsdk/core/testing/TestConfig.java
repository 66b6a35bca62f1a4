package org.sessionsdk.core.testing;

import org.sessionsdk.core.config.ClientBuilder;
import org.sessionsdk.core.config.ClientConfig;

/** The shared settings as a vendor builder gathers them, for tests of core's own parts. */
public final class TestConfig extends ClientBuilder<TestConfig> {
    /** An empty builder. */
    public TestConfig() {
    }

    /**
     * @param prefixes API prefixes, as a vendor builder sets them
     * @return this builder
     */
    public TestConfig withApiPrefixes(String... prefixes) {
        apiPrefixes(prefixes);
        return this;
    }

    /** {@return the configuration} */
    public ClientConfig build() {
        return buildConfig();
    }
}
