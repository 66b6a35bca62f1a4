package org.sessionsdk.testkit;

import java.util.Map;
import java.util.function.Function;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.senhasegura.SenhaseguraClient;

/** The testkit's own simulators as {@link SimulatorProvider}s, one per vendor module. */
public final class BuiltInSimulators {
    private BuiltInSimulators() {
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** A provider from its parts. */
    private abstract static class Registration<S extends Simulator> implements SimulatorProvider<S> {
        private final String vendor;
        private final Class<S> type;
        private final Class<? extends SessionClient> clientType;
        private final Function<InetSocketAddress, S> start;
        private final Function<S, Map<String, String>> settings;
        private final Function<S, Map<String, String>> credentials;

        Registration(String vendor, Class<S> type, Class<? extends SessionClient> clientType,
                     Function<InetSocketAddress, S> start, Function<S, Map<String, String>> settings,
                     Function<S, Map<String, String>> credentials) {
            this.vendor = vendor;
            this.type = type;
            this.clientType = clientType;
            this.start = start;
            this.settings = settings;
            this.credentials = credentials;
        }

        @Override
        public String vendor() {
            return vendor;
        }

        @Override
        public Class<S> simulatorType() {
            return type;
        }

        @Override
        public Class<? extends SessionClient> clientType() {
            return clientType;
        }

        @Override
        public S start() {
            return start.apply(null);
        }

        @Override
        public S start(InetSocketAddress address) {
            return start.apply(address);
        }

        @Override
        public Map<String, String> credentials(S simulator) {
            return credentials.apply(simulator);
        }

        @Override
        public Map<String, String> settings(S simulator) {
            return settings.apply(simulator);
        }
    }

    /** Plesk's: the secret key. */
    public static final class Plesk extends Registration<PleskSimulator> {
        /** For {@link java.util.ServiceLoader}. */
        public Plesk() {
            super("plesk", PleskSimulator.class, PleskClient.class,
                    a -> a == null ? PleskSimulator.start() : PleskSimulator.start(a),
                    s -> ordered("endpoint", s.endpoint().toString(), "api.key", PleskSimulator.SECRET_KEY,
                            "server.zone", s.zone().getId()),
                    s -> ordered("secretKey", PleskSimulator.SECRET_KEY, "login", PleskSimulator.LOGIN,
                            "password", PleskSimulator.PASSWORD));
        }

        /** The action log's length. */
        @Override
        public void numberedAuditEntries(PleskSimulator simulator, long entries) {
            simulator.withEvents(entries);
        }
    }

    /** Ekran System's: the API key. */
    public static final class Ekran extends Registration<EkranSimulator> {
        /** For {@link java.util.ServiceLoader}. */
        public Ekran() {
            super("ekran", EkranSimulator.class, EkranClient.class,
                    a -> a == null ? EkranSimulator.start() : EkranSimulator.start(a),
                    s -> ordered("endpoint", s.endpoint().toString(), "api.key", EkranSimulator.API_KEY,
                            "server.zone", s.zone().getId()),
                    s -> ordered("apiKey", EkranSimulator.API_KEY, "header", EkranSimulator.API_KEY_HEADER));
        }
    }

    /** SAYMON's: Basic auth as the administrator. */
    public static final class Saymon extends Registration<SaymonSimulator> {
        /** For {@link java.util.ServiceLoader}. */
        public Saymon() {
            super("saymon", SaymonSimulator.class, SaymonClient.class,
                    a -> a == null ? SaymonSimulator.start() : SaymonSimulator.start(a),
                    s -> ordered("endpoint", s.endpoint().toString(), "username", SaymonSimulator.LOGIN,
                            "password", SaymonSimulator.PASSWORD),
                    s -> ordered("login", SaymonSimulator.LOGIN, "password", SaymonSimulator.PASSWORD));
        }
    }

    /** senhasegura's: the OAuth 2 client. */
    public static final class Senhasegura extends Registration<SenhaseguraSimulator> {
        /** For {@link java.util.ServiceLoader}. */
        public Senhasegura() {
            super("senhasegura", SenhaseguraSimulator.class, SenhaseguraClient.class,
                    a -> a == null ? SenhaseguraSimulator.start() : SenhaseguraSimulator.start(a),
                    s -> ordered("endpoint", s.endpoint().toString(), "client.id", SenhaseguraSimulator.CLIENT_ID,
                            "client.secret", SenhaseguraSimulator.CLIENT_SECRET, "server.zone", s.zone().getId()),
                    s -> ordered("clientId", SenhaseguraSimulator.CLIENT_ID,
                            "clientSecret", SenhaseguraSimulator.CLIENT_SECRET));
        }
    }
}
