package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.SenhaseguraSimulator;
import org.sessionsdk.testkit.SimClock;

/** {@code sessions audit} in-process against each vendor's simulator. */
class AuditCommandTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static PleskSimulator plesk;
    private static EkranSimulator ekran;
    private static SaymonSimulator saymon;

    @BeforeAll
    static void start() {
        plesk = PleskSimulator.start().withEvents(7).withClock(SimClock.at(T0));
        ekran = EkranSimulator.start().withAlerts(4).withClock(SimClock.at(T0));
        saymon = SaymonSimulator.start().withAuditEntries(2).withClock(SimClock.at(T0));
    }

    @AfterAll
    static void stop() {
        plesk.close();
        ekran.close();
        saymon.close();
    }

    private static CliRun audit(Vendor vendor, String... more) {
        List<String> a = new ArrayList<>(List.of("audit", "--vendor", vendor.name(), "-q"));
        String secret = switch (vendor) {
            case plesk -> {
                a.addAll(List.of("--endpoint", plesk.endpoint().toString()));
                yield PleskSimulator.SECRET_KEY;
            }
            case ekran -> {
                a.addAll(List.of("--endpoint", ekran.endpoint().toString()));
                yield EkranSimulator.API_KEY;
            }
            case saymon -> {
                a.addAll(List.of("--endpoint", saymon.endpoint().toString(), "--user", SaymonSimulator.LOGIN));
                yield SaymonSimulator.PASSWORD;
            }
            case senhasegura -> {
                a.addAll(List.of("--endpoint", "http://127.0.0.1:9", "--user", SenhaseguraSimulator.CLIENT_ID));
                yield SenhaseguraSimulator.CLIENT_SECRET;
            }
        };
        a.addAll(List.of(more));
        return CliRun.run(Map.of("SESSIONS_SECRET", secret), a.toArray(String[]::new));
    }

    private static List<AuditEvent> events(Vendor vendor, TimeRange range) {
        try (AutoCloseable c = switch (vendor) {
            case plesk -> plesk.client();
            case ekran -> ekran.client();
            case saymon -> saymon.client();
            default -> throw new IllegalArgumentException();
        }; Stream<AuditEvent> s = ((AuditSource) c).auditEvents(range)) {
            return s.toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"plesk", "ekran", "saymon"})
    void jsonlPrintsEveryEntryWithTheVendorsAttributes(Vendor vendor) {
        CliRun r = audit(vendor, "--format", "jsonl");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<AuditEvent> expected = events(vendor, TimeRange.all());
        assertThat(expected).isNotEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(expected.size());
        for (int i = 0; i < lines.size(); i++) {
            AuditEvent e = expected.get(i);
            assertThat(lines.get(i)).startsWith("{\"vendor\":\"" + vendor + "\",\"id\":\"" + e.id() + "\",\"time\":\""
                    + e.time() + "\"").contains("\"attributes\":{");
            for (Map.Entry<String, String> a : e.attributes().entrySet()) {
                assertThat(lines.get(i)).contains("\"" + a.getKey() + "\":");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"plesk", "ekran", "saymon"})
    void ocsfAndEcsWriteOneDocumentPerEntry(Vendor vendor) {
        for (org.sessionsdk.export.SiemFormat f : org.sessionsdk.export.SiemFormat.values()) {
            CliRun r = audit(vendor, "--format", f.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out().lines().toList()).isEqualTo(events(vendor, TimeRange.all()).stream().map(f::document).toList());
        }
        CliRun ocsf = audit(vendor, "--format", "ocsf");
        assertThat(ocsf.out()).contains(vendor == Vendor.ekran ? "\"class_uid\":2004" : "\"class_uid\":3004");
    }

    @Test
    void eventsWritesThePleskLogAsSiemDocumentsToo() {
        CliRun r = CliRun.run(Map.of("SESSIONS_SECRET", PleskSimulator.SECRET_KEY), "events", "--vendor", "plesk",
                "--endpoint", plesk.endpoint().toString(), "--format", "ecs");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).isEqualTo(events(Vendor.plesk, TimeRange.all()).stream()
                .map(org.sessionsdk.export.SiemFormat.ECS::document).toList());
    }

    @Test
    void aRangeSelectsByTimeAndCsvHasTheAttributeColumns() {
        Instant from = T0.minus(Duration.ofMinutes(3));
        CliRun r = audit(Vendor.plesk, "--from", from.toString(), "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst()).hasValue("vendor,id,time,actor,source,action,object_type,object_id,message");
        assertThat(r.out().lines().skip(1)).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("plesk,"));

        CliRun s = audit(Vendor.saymon, "--format", "csv");
        assertThat(s.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).endsWith(",userId,newBody,oldBody"));
    }

    @Test
    void theTableHasTheUnifiedColumns() {
        CliRun r = audit(Vendor.ekran);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("VENDOR").contains("ACTOR")
                .contains("ACTION").contains("MESSAGE"));
        assertThat(r.out().lines().skip(1)).hasSize(4);
    }

    @Test
    void senhaseguraHasNoAuditApiAndSaysSo() {
        CliRun r = audit(Vendor.senhasegura);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("senhasegura documents no audit API");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBackwardRangeIsAUsageError() {
        CliRun r = audit(Vendor.plesk, "--from", T0.toString(), "--to", T0.minusSeconds(1).toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--to").contains("is before --from");
    }

    @Test
    void wrongCredentialsPrintNoHeader() {
        CliRun r = CliRun.run(Map.of("SESSIONS_SECRET", "wrong"), "audit", "--vendor", "ekran", "--endpoint",
                ekran.endpoint().toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isNotEmpty();
    }
}
