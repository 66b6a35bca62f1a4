package org.sessionsdk.testvendor;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.testkit.SimExchange;
import org.sessionsdk.testkit.Simulator;

/** The fake vendor's server: {@code n} sessions, the even ones ended, and one audit entry per session. */
public final class AcmeSimulator extends Simulator {
    /** The token it accepts. */
    public static final String TOKEN = "acme-Token/1";
    private volatile int sessions = 3;
    private volatile long seed = 42;

    private AcmeSimulator(java.net.InetSocketAddress address) {
        super(AcmeProvider.NAME, address);
    }

    /** {@return a started simulator; close it} */
    public static AcmeSimulator start() {
        return new AcmeSimulator(null);
    }

    @Override
    public AcmeSimulator withScenario(org.sessionsdk.testkit.Scenario scenario) {
        throw new UnsupportedOperationException("the acme simulator plays no scenarios");
    }

    @Override
    public AcmeSimulator withSeed(long seed) {
        this.seed = seed;
        return this;
    }

    @Override
    public AcmeSimulator withSessions(int n) {
        this.sessions = n;
        return this;
    }

    /** {@return how many sessions it serves} */
    public int sessionCount() {
        return sessions;
    }

    @Override
    public AcmeClient client() {
        return (AcmeClient) new AcmeProvider().open(settings());
    }

    /** {@return the settings that reach it} */
    public Map<String, String> settings() {
        // a fixed order: a settings map is printed and compared
        return new java.util.TreeMap<>(Map.of("endpoint", endpoint().toString(), AcmeProvider.TOKEN, TOKEN));
    }

    @Override
    protected void handle(SimExchange exchange) throws IOException {
        if (!TOKEN.equals(exchange.header(AcmeClient.TOKEN_HEADER))) {
            exchange.respond(401, contentType(), "no\n");
            return;
        }
        Instant base = clock().instant().minus(Duration.ofHours(2)).plusSeconds(seed % 60);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sessions; i++) {
            Instant start = base.plus(Duration.ofMinutes(i));
            if ("/sessions".equals(exchange.path())) {
                b.append("acme-").append(i).append('\t').append("user").append(i).append('\t').append(start).append('\t')
                        .append(i % 2 == 0 ? start.plus(Duration.ofMinutes(30)).toString() : "").append('\t')
                        .append("192.0.2.").append(1 + i % 250).append('\n');
            } else if ("/audit".equals(exchange.path())) {
                b.append("a").append(i).append('\t').append(start).append('\t').append("user").append(i).append('\t')
                        .append("created").append('\t').append("thing-").append(i).append('\n');
            } else {
                exchange.respond(404, contentType(), "not here\n");
                return;
            }
        }
        exchange.respond(200, contentType(), b.toString());
    }

    @Override
    protected String malformedBody() {
        return "not\ttab\tseparated\tenough";
    }

    @Override
    protected String contentType() {
        return "text/tab-separated-values";
    }

    @Override
    protected String stallPrefix() {
        return "acme-0\t";
    }

    /** The simulator for code that does not know the vendor. */
    public static final class Provider implements org.sessionsdk.testkit.SimulatorProvider<AcmeSimulator> {
        /** For {@link java.util.ServiceLoader}. */
        public Provider() {
        }

        @Override
        public String vendor() {
            return AcmeProvider.NAME;
        }

        @Override
        public Class<AcmeSimulator> simulatorType() {
            return AcmeSimulator.class;
        }

        @Override
        public Class<? extends SessionClient> clientType() {
            return AcmeClient.class;
        }

        @Override
        public AcmeSimulator start() {
            return AcmeSimulator.start();
        }

        @Override
        public AcmeSimulator start(java.net.InetSocketAddress address) {
            return new AcmeSimulator(address);
        }

        @Override
        public Map<String, String> settings(AcmeSimulator simulator) {
            return simulator.settings();
        }

        @Override
        public Map<String, String> credentials(AcmeSimulator simulator) {
            return Map.of("token", TOKEN);
        }
    }
}
