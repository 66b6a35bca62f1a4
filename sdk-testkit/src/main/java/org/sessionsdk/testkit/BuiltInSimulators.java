package org.sessionsdk.testkit;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.senhasegura.SenhaseguraClient;

/** The testkit's own simulators as {@link SimulatorProvider}s, one per vendor module. */
public final class BuiltInSimulators {
    private BuiltInSimulators() {
    }

    /** A provider from its parts. */
    private abstract static class Registration<S extends Simulator> implements SimulatorProvider<S> {
        private final String vendor;
        private final Class<S> type;
        private final Class<? extends SessionClient> clientType;
        private final Supplier<S> start;
        private final Function<S, Map<String, String>> settings;

        Registration(String vendor, Class<S> type, Class<? extends SessionClient> clientType, Supplier<S> start,
                     Function<S, Map<String, String>> settings) {
            this.vendor = vendor;
            this.type = type;
            this.clientType = clientType;
            this.start = start;
            this.settings = settings;
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
            return start.get();
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
            super("plesk", PleskSimulator.class, PleskClient.class, PleskSimulator::start,
                    s -> Map.of("endpoint", s.endpoint().toString(), "api.key", PleskSimulator.SECRET_KEY,
                            "server.zone", s.zone().getId()));
        }
    }

    /** Ekran System's: the API key. */
    public static final class Ekran extends Registration<EkranSimulator> {
        /** For {@link java.util.ServiceLoader}. */
        public Ekran() {
            super("ekran", EkranSimulator.class, EkranClient.class, EkranSimulator::start,
                    s -> Map.of("endpoint", s.endpoint().toString(), "api.key", EkranSimulator.API_KEY,
                            "server.zone", s.zone().getId()));
        }
    }

    /** SAYMON's: Basic auth as the administrator. */
    public static final class Saymon extends Registration<SaymonSimulator> {
        /** For {@link java.util.ServiceLoader}. */
        public Saymon() {
            super("saymon", SaymonSimulator.class, SaymonClient.class, SaymonSimulator::start,
                    s -> Map.of("endpoint", s.endpoint().toString(), "username", SaymonSimulator.LOGIN,
                            "password", SaymonSimulator.PASSWORD));
        }
    }

    /** senhasegura's: the OAuth 2 client. */
    public static final class Senhasegura extends Registration<SenhaseguraSimulator> {
        /** For {@link java.util.ServiceLoader}. */
        public Senhasegura() {
            super("senhasegura", SenhaseguraSimulator.class, SenhaseguraClient.class, SenhaseguraSimulator::start,
                    s -> Map.of("endpoint", s.endpoint().toString(), "client.id", SenhaseguraSimulator.CLIENT_ID,
                            "client.secret", SenhaseguraSimulator.CLIENT_SECRET, "server.zone", s.zone().getId()));
        }
    }
}
