package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.SessionSource;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonSession;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.SenhaseguraSimulator;

/** {@code sessions list} against each vendor's simulator: attributes, whole ids, no header before a refusal. */
class VendorsListTest {
    private static PleskSimulator plesk;
    private static EkranSimulator ekran;
    private static SaymonSimulator saymon;
    private static SenhaseguraSimulator pam;
    /** A SAYMON session never logged out whose inactivity expiry passed an hour ago. */
    private static final Instant EXPIRY = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    private static final String EXPIRED_ID = "65f00000000000000000e0e0";

    @BeforeAll
    static void start() {
        plesk = PleskSimulator.start().withSessions(3);
        ekran = EkranSimulator.start().withSessions(3);
        saymon = SaymonSimulator.start().withSessions(3).withSession(new SaymonSession(EXPIRED_ID, null, "idle",
                EXPIRY.minus(Duration.ofHours(1)), null, EXPIRY));
        pam = SenhaseguraSimulator.start().withSessions(3);
    }

    @AfterAll
    static void stop() {
        plesk.close();
        ekran.close();
        saymon.close();
        pam.close();
    }

    /** The arguments and the secret that reach {@code vendor}'s simulator. */
    private static CliRun list(Vendor vendor, String secret, String... more) {
        List<String> a = new ArrayList<>(List.of("list", "--vendor", vendor.name()));
        switch (vendor) {
            case plesk -> a.addAll(List.of("--endpoint", plesk.endpoint().toString()));
            case ekran -> a.addAll(List.of("--endpoint", ekran.endpoint().toString()));
            case saymon -> a.addAll(List.of("--endpoint", saymon.endpoint().toString(), "--user", SaymonSimulator.LOGIN));
            case senhasegura -> a.addAll(List.of("--endpoint", pam.endpoint().toString(), "--user",
                    SenhaseguraSimulator.CLIENT_ID));
        }
        a.addAll(List.of(more));
        return CliRun.run(Map.of("SESSIONS_SECRET", secret), a.toArray(String[]::new));
    }

    private static String secret(Vendor vendor) {
        return switch (vendor) {
            case plesk -> PleskSimulator.SECRET_KEY;
            case ekran -> EkranSimulator.API_KEY;
            case saymon -> SaymonSimulator.PASSWORD;
            case senhasegura -> SenhaseguraSimulator.CLIENT_SECRET;
        };
    }

    /** What the SDK itself reports, to compare the command's output with. */
    private static List<SessionRecord> records(Vendor vendor) {
        try (AutoCloseable c = switch (vendor) {
            case plesk -> plesk.client();
            case ekran -> ekran.client();
            case saymon -> saymon.client();
            case senhasegura -> pam.client();
        }; Stream<SessionRecord> s = ((SessionSource) c).sessionRecords(TimeRange.all())) {
            return s.toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void jsonLinesCarryEveryAttributeTheVendorSends(Vendor vendor) {
        CliRun r = list(vendor, secret(vendor), "--format", "jsonl");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        List<SessionRecord> expected = records(vendor);
        assertThat(lines).hasSameSizeAs(expected);
        for (int i = 0; i < lines.size(); i++) {
            SessionRecord rec = expected.get(i);
            String line = lines.get(i);
            assertThat(rec.attributes()).isNotEmpty();
            assertThat(line).contains("\"id\":\"" + rec.id() + "\"").contains(",\"attributes\":{");
            rec.attributes().forEach((k, v) -> assertThat(line).contains("\"" + k + "\":\"" + v + "\""));
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void ocsfAndEcsWriteALogonAndForEndedSessionsALogoffPerRecord(Vendor vendor) {
        for (org.sessionsdk.export.SiemFormat f : org.sessionsdk.export.SiemFormat.values()) {
            CliRun r = list(vendor, secret(vendor), "--format", f.name().toLowerCase(java.util.Locale.ROOT), "-q");
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<String> expected = records(vendor).stream().flatMap(rec -> f.documents(rec).stream()).toList();
            assertThat(expected).hasSizeGreaterThan(records(vendor).size() - 1);
            assertThat(r.out().lines().toList()).as(f + " for " + vendor).isEqualTo(expected);
            assertThat(r.out()).contains(f == org.sessionsdk.export.SiemFormat.OCSF ? "\"version\":\"1.8.0\""
                    : "\"ecs\":{\"version\":\"9.4.0\"}");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void csvHasAColumnForEachOfTheVendorsAttributes(Vendor vendor) {
        CliRun r = list(vendor, secret(vendor), "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] lines = r.out().split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        assertThat(header).startsWith("vendor", "id", "user", "source", "target", "protocol", "start", "end", "last_activity");
        assertThat(header.subList(9, header.size())).isEqualTo(vendor.attributes());
        List<SessionRecord> expected = records(vendor);
        for (int i = 0; i < expected.size(); i++) {
            SessionRecord rec = expected.get(i);
            // a key the CLI does not know would be lost in CSV: the vendor's list must name them all
            assertThat(vendor.attributes()).containsAll(rec.attributes().keySet());
            List<String> cells = List.of(lines[1 + i].split(",", -1));
            assertThat(cells).hasSameSizeAs(header);
            rec.attributes().forEach((k, v) -> assertThat(cells.get(header.indexOf(k))).as(k).isEqualTo(v));
        }
    }

    @Test
    void saymonSignsInWithAnApiTokenWithAuthToken() {
        CliRun r = CliRun.run(Map.of("SESSIONS_SECRET", SaymonSimulator.API_TOKEN), "list", "--vendor", "saymon",
                "--endpoint", saymon.endpoint().toString(), "--auth", "token", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(EXPIRED_ID);
        assertThat(saymon.lastRequest().orElseThrow().query()).as("the token travels as the query parameter")
                .containsEntry("api-token", SaymonSimulator.API_TOKEN);
        assertThat(r.out() + r.err()).doesNotContain(SaymonSimulator.API_TOKEN);

        CliRun refused = CliRun.run(Map.of("SESSIONS_SECRET", "not-a-token"), "list", "--vendor", "saymon",
                "--endpoint", saymon.endpoint().toString(), "--auth", "token");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("token").doesNotContain("not-a-token");
    }

    @Test
    void authIsRefusedForAVendorWithoutAChoiceAndAnUnknownSchemeIsNamed() {
        CliRun none = list(Vendor.ekran, EkranSimulator.API_KEY, "--auth", "token");
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.err()).contains("--auth").contains("ekran offers no choice");
        CliRun unknown = list(Vendor.saymon, SaymonSimulator.PASSWORD, "--auth", "kerberos");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("--auth");
    }

    @Test
    void aSaymonSessionPastItsExpiryIsListedEndedThereWithItsMark() {
        CliRun r = list(Vendor.saymon, SaymonSimulator.PASSWORD, "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] lines = r.out().split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        List<String> row = Stream.of(lines).filter(l -> l.contains(EXPIRED_ID)).map(l -> List.of(l.split(",", -1)))
                .findFirst().orElseThrow();
        assertThat(row.get(header.indexOf("end"))).isEqualTo(EXPIRY.toString());
        assertThat(row.get(header.indexOf(org.sessionsdk.core.feed.FeedAttributes.END_EXPIRED))).isEqualTo("true");
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theTablePrintsEveryIdWhole(Vendor vendor) {
        CliRun r = list(vendor, secret(vendor));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        List<SessionRecord> expected = records(vendor);
        assertThat(lines).hasSize(1 + expected.size());
        for (int i = 0; i < expected.size(); i++) {
            SessionRecord rec = expected.get(i);
            assertThat(lines.get(1 + i).split("\\s+")[1]).isEqualTo(rec.id());
            if (rec.target() != null) {
                assertThat(lines.get(1 + i)).contains(rec.target());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aRefusedLoginPrintsNoHeader(Vendor vendor) {
        for (String format : new String[] {"table", "csv"}) {
            CliRun r = list(vendor, "wrong-secret", "--format", format);
            assertThat(r.exitCode()).as(vendor + " " + format + ": " + r.err()).isEqualTo(3);
            assertThat(r.out()).as(vendor + " " + format).isEmpty();
        }
    }
}
