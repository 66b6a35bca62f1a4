package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.senhasegura.SenhaseguraClient;

/**
 * Every vendor takes its documented URL with or without the API prefix (and a trailing slash):
 * {@code https://host/ekranapi} must not become {@code /ekranapi/ekranapi/sessions}.
 */
class EndpointWithApiPrefixTest {

    private static URI with(Simulator sim, String suffix) {
        return URI.create(sim.endpoint().toString().replaceAll("/$", "") + suffix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/ekranapi", "/ekranapi/"})
    void ekran(String suffix) {
        try (EkranSimulator sim = EkranSimulator.start().withSessions(3);
             EkranClient c = sim.clientBuilder().endpoint(with(sim, suffix)).build()) {
            assertThat(c.sessions().list(EkranSessionQuery.all())).hasSize(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/enterprise/control/agent.php", "/enterprise/control/agent.php/"})
    void plesk(String suffix) {
        try (PleskSimulator sim = PleskSimulator.start().withSessions(3);
             PleskClient c = sim.clientBuilder().endpoint(with(sim, suffix)).build()) {
            assertThat(c.sessions().list()).hasSize(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/node/api", "/node/api/"})
    void saymon(String suffix) {
        try (SaymonSimulator sim = SaymonSimulator.start().withSessions(3);
             SaymonClient c = sim.clientBuilder().endpoint(with(sim, suffix)).build()) {
            assertThat(c.sessions().list(SaymonSessionQuery.builder().build())).hasSize(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/api", "/api/", "/iso"})
    void senhasegura(String suffix) {
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start().withSessions(3);
             SenhaseguraClient c = sim.clientBuilder().endpoint(with(sim, suffix)).build()) {
            assertThat(c.sessions().list()).hasSize(3);
        }
    }
}
