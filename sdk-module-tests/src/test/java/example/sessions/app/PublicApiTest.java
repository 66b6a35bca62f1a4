package example.sessions.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.SenhaseguraSimulator;

/**
 * From the application module, with exported packages only: a client of every vendor, built as the
 * README builds it, talks to that vendor's simulator on 127.0.0.1. Plesk's answers go through JAXB,
 * so this also proves the wire package is open enough for the JAXB runtime on the module path.
 */
class PublicApiTest {
    private static final TimeRange LAST_DAY = TimeRange.last(Duration.ofDays(1));

    @Test
    void everyVendorWorksThroughThePublicApi() {
        try (PleskSimulator pleskSim = PleskSimulator.start();
             EkranSimulator ekranSim = EkranSimulator.start();
             SaymonSimulator saymonSim = SaymonSimulator.start();
             SenhaseguraSimulator senhaSim = SenhaseguraSimulator.start();
             PleskClient plesk = AllVendors.plesk(pleskSim.endpoint(), PleskSimulator.SECRET_KEY);
             EkranClient ekran = AllVendors.ekran(ekranSim.endpoint(), EkranSimulator.API_KEY, ekranSim.zone());
             SaymonClient saymon = AllVendors.saymon(saymonSim.endpoint(), SaymonSimulator.LOGIN,
                     SaymonSimulator.PASSWORD);
             SenhaseguraClient senha = AllVendors.senhasegura(senhaSim.endpoint(), SenhaseguraSimulator.CLIENT_ID,
                     SenhaseguraSimulator.CLIENT_SECRET, senhaSim.zone())) {
            assertTrue(pleskSim.endpoint().getHost().equals("127.0.0.1"), "loopback only");

            // each vendor's own resources
            assertEquals(pleskSim.sessions().size(), plesk.sessions().list().size());
            assertEquals(pleskSim.lastEventId(), plesk.eventLog().lastId());
            // generated data lies in the day before the simulator started
            assertFalse(ekran.sessions().list(org.sessionsdk.ekran.EkranSessionQuery.of(LAST_DAY)).isEmpty());

            // and the unified view over all four
            List<SessionRecord> all = AllVendors.sessionRecords(LAST_DAY, plesk, ekran, saymon, senha);
            Set<String> vendors = all.stream().map(SessionRecord::vendor).collect(Collectors.toSet());
            assertEquals(Set.of("plesk", "ekran", "saymon", "senhasegura"), vendors);
        }
    }

    /**
     * On the module path, core's {@code uses} and each vendor module's {@code provides} are what makes the
     * vendors visible to vendor-neutral code: every vendor opens through {@code SessionClients} and lists.
     */
    @Test
    void everyVendorOpensThroughItsProviderOnTheModulePath() {
        assertEquals(List.of("ekran", "plesk", "saymon", "senhasegura"), org.sessionsdk.core.client.SessionClients.names());
        try (PleskSimulator pleskSim = PleskSimulator.start();
             EkranSimulator ekranSim = EkranSimulator.start();
             SaymonSimulator saymonSim = SaymonSimulator.start();
             SenhaseguraSimulator senhaSim = SenhaseguraSimulator.start()) {
            Map<String, Map<String, String>> settings = Map.of(
                    "plesk", Map.of("endpoint", pleskSim.endpoint().toString(), "api.key", PleskSimulator.SECRET_KEY),
                    "ekran", Map.of("endpoint", ekranSim.endpoint().toString(), "api.key", EkranSimulator.API_KEY,
                            "server.zone", ekranSim.zone().getId()),
                    "saymon", Map.of("endpoint", saymonSim.endpoint().toString(), "username", SaymonSimulator.LOGIN,
                            "password", SaymonSimulator.PASSWORD),
                    "senhasegura", Map.of("endpoint", senhaSim.endpoint().toString(),
                            "client.id", SenhaseguraSimulator.CLIENT_ID, "client.secret", SenhaseguraSimulator.CLIENT_SECRET,
                            "server.zone", senhaSim.zone().getId()));
            for (Map.Entry<String, Map<String, String>> e : settings.entrySet()) {
                try (org.sessionsdk.core.client.SessionClient c =
                             org.sessionsdk.core.client.SessionClients.open(e.getKey(), e.getValue());
                     java.util.stream.Stream<SessionRecord> records = c.sessionRecords(LAST_DAY)) {
                    assertEquals(e.getKey(), c.vendor());
                    assertFalse(records.toList().isEmpty(), e.getKey());
                    assertEquals(!"senhasegura".equals(e.getKey()), c.audit().isPresent(), e.getKey());
                }
            }
        }
    }
}
