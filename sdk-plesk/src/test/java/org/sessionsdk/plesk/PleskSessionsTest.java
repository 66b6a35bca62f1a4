package org.sessionsdk.plesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionsdk.plesk.PleskTestSupport.AGENT;
import static org.sessionsdk.plesk.PleskTestSupport.answer;
import static org.sessionsdk.plesk.PleskTestSupport.client;
import static org.sessionsdk.plesk.PleskTestSupport.ok;
import static org.sessionsdk.plesk.PleskTestSupport.resultError;
import static org.sessionsdk.plesk.PleskTestSupport.sentPackets;
import static org.sessionsdk.plesk.PleskTestSupport.systemError;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.testing.Loopback;

class PleskSessionsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    /** The seed's sample answer to session/get, as the documentation prints it. */
    static final String SEED_SESSIONS = """
            <packet>
                <session>
                    <get>
                        <result>
                            <status>ok</status>
                            <session>
                                <id>6a17d01f5e1925601faa86ad22ada6ff</id>
                                <type>admin</type>
                                <ip-address>192.0.2.1</ip-address>
                                <login>admin</login>
                                <login-time>2007-02-20T05:21:00</login-time>
                                <idle>2007-02-20T05:37:42</idle>
                            </session>
                            <session>
                                <id>f15cabb0a544df13aee1ee5b55de0530</id>
                                <type>JimmyJoe</type>
                                <ip-address>192.0.2.2</ip-address>
                                <login>client</login>
                                <login-time>2007-02-21T23:42:00</login-time>
                                <idle>2007-02-21T23:43:22</idle>
                            </session>
                        </result>
                    </get>
                </session>
            </packet>""";

    @Test
    void listsTheSeedSessionsAndSendsTheDocumentedPacket() {
        answer(wm, "<session><get/></session>", SEED_SESSIONS);
        try (PleskClient plesk = client(wm)) {
            List<PleskSession> open = plesk.sessions().list();

            assertThat(open).containsExactly(
                    new PleskSession("6a17d01f5e1925601faa86ad22ada6ff", "admin", "192.0.2.1", "admin",
                            LocalDateTime.parse("2007-02-20T05:21:00"), LocalDateTime.parse("2007-02-20T05:37:42")),
                    new PleskSession("f15cabb0a544df13aee1ee5b55de0530", "JimmyJoe", "192.0.2.2", "client",
                            LocalDateTime.parse("2007-02-21T23:42:00"), LocalDateTime.parse("2007-02-21T23:43:22")));
        }
        assertThat(sentPackets(wm)).containsExactly(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><packet><session><get/></session></packet>");
        wm.verify(postRequestedFor(urlPathEqualTo(AGENT))
                .withHeader("Content-Type", equalTo("text/xml; charset=UTF-8"))
                .withHeader("KEY", equalTo("test-key"))
                .withHeader("HTTP_AUTH_LOGIN", absent()));
    }

    @Test
    void mapsToTheUnifiedViewInTheServerZoneAndFiltersByRange() {
        answer(wm, "<session><get/></session>", SEED_SESSIONS);
        try (PleskClient plesk = PleskClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(PleskCredentials.secretKey("k")).serverZone(ZoneId.of("Europe/Berlin")).build()) {
            java.util.List<org.sessionsdk.core.session.SessionRecord> all =
                    plesk.sessionRecords(org.sessionsdk.core.session.TimeRange.all()).toList();
            assertThat(plesk.vendor()).isEqualTo("plesk");
            assertThat(all).hasSize(2);
            org.sessionsdk.core.session.SessionRecord r = all.get(0);
            assertThat(r.id()).isEqualTo("6a17d01f5e1925601faa86ad22ada6ff");
            assertThat(r.user()).isEqualTo("admin");
            assertThat(r.sourceAddress()).isEqualTo("192.0.2.1");
            assertThat(r.target()).isEqualTo("127.0.0.1");
            assertThat(r.protocol()).isEqualTo("https");
            assertThat(r.start()).isEqualTo(java.time.Instant.parse("2007-02-20T04:21:00Z")); // CET is UTC+1
            assertThat(r.lastActivity()).isEqualTo(java.time.Instant.parse("2007-02-20T04:37:42Z"));
            assertThat(r.end()).isNull();
            assertThat(r.attributes()).containsEntry("type", "admin");

            // only the second session started before this range ends; open sessions reach into any later range
            assertThat(plesk.sessionRecords(org.sessionsdk.core.session.TimeRange.until(
                    java.time.Instant.parse("2007-02-21T00:00:00Z"))).toList()).hasSize(1);
        }
    }

    @Test
    void toleratesNewFieldsAVersionAttributeAndAnOffsetOnTimes() {
        answer(wm, "<session>", ok("session", "get", "<session><id>a</id><type>new-kind</type><ip-address> 10.0.0.1 </ip-address>"
                + "<login>u</login><login-time>2024-01-01T10:00:00+02:00</login-time><idle>2024-01-01T10:05:00</idle>"
                + "<extra-in-2030>x</extra-in-2030></session>"));
        try (PleskClient plesk = PleskClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(PleskCredentials.secretKey("k")).serverZone(ZoneId.of("UTC")).build()) {
            PleskSession s = plesk.sessions().list().get(0);
            assertThat(s.type()).isEqualTo("new-kind");
            assertThat(s.loginTime()).isEqualTo(LocalDateTime.parse("2024-01-01T08:00:00"));
        }
    }

    @Test
    void noOpenSessionsIsAnEmptyList() {
        answer(wm, "<session>", ok("session", "get", ""));
        try (PleskClient plesk = client(wm)) {
            assertThat(plesk.sessions().list()).isEmpty();
            assertThat(plesk.sessions().listAsync().join()).isEmpty();
        }
    }

    @Test
    void terminateSendsTheIdAndMaps1013ToNotFound() {
        answer(wm, "<session-id>gone</session-id>", resultError("session", "terminate", 1013, "Session does not exist"));
        answer(wm, "<session-id>live</session-id>", ok("session", "terminate", ""));
        try (PleskClient plesk = client(wm)) {
            plesk.sessions().terminate("live");
            assertThatThrownBy(() -> plesk.sessions().terminate("gone")).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("1013").hasMessageContaining("Session does not exist")
                    .hasMessageContaining("session/terminate");
        }
        assertThat(sentPackets(wm)).first().asString()
                .endsWith("<packet><session><terminate><session-id>live</session-id></terminate></session></packet>");
    }

    @Test
    void terminateIsNeverRetried() {
        wm.stubFor(post(urlPathEqualTo(AGENT)).willReturn(aResponse().withStatus(503)));
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.sessions().terminate("x")).isInstanceOf(ServerException.class);
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(ServerException.class);
        }
        assertThat(sentPackets(wm)).hasSize(1 + 3); // one terminate, three tries of the read
    }

    @Test
    void createOpensASingleSignOnSession() {
        answer(wm, "<create_session>", ok("server", "create_session", "<id>sso-123</id>"));
        try (PleskClient plesk = client(wm)) {
            assertThat(plesk.sessions().create("jdoe", "192.0.2.10")).isEqualTo("sso-123");
        }
        assertThat(sentPackets(wm).get(0)).contains("<create_session><login>jdoe</login><data><user_ip>MTkyLjAuMi4xMA==</user_ip>"
                + "<source_server></source_server></data></create_session>");
    }

    @ParameterizedTest
    @CsvSource({
        "1001, org.sessionsdk.core.error.AuthenticationException",
        "11003, org.sessionsdk.core.error.AuthenticationException",
        "1029, org.sessionsdk.core.error.AuthenticationException",
        "1006, org.sessionsdk.core.error.PermissionDeniedException",
        "1005, org.sessionsdk.core.error.ApiException",
        "1014, org.sessionsdk.core.error.ApiException"
    })
    void systemErrorsBecomeTypedExceptions(int code, String type) throws Exception {
        answer(wm, "<session>", systemError(code, "Something about " + code));
        try (PleskClient plesk = client(wm)) {
            ApiException e = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class,
                    () -> plesk.sessions().list());
            assertThat(e).isExactlyInstanceOf(Class.forName(type));
            assertThat(e.vendorCode()).contains(String.valueOf(code));
            assertThat(e.vendorMessage()).contains("Something about " + code);
            assertThat(e.getMessage()).doesNotContain("test-key");
        }
    }

    @Test
    void passwordCredentialsGoInHeadersWithPunctuationIntact() {
        answer(wm, "<session>", ok("session", "get", ""));
        try (PleskClient plesk = client(wm, PleskCredentials.password("admin", "p&ss<wo>rd\"'; x"))) {
            plesk.sessions().list();
        }
        wm.verify(postRequestedFor(urlPathEqualTo(AGENT))
                .withHeader("HTTP_AUTH_LOGIN", equalTo("admin"))
                .withHeader("HTTP_AUTH_PASSWD", equalTo("p&ss<wo>rd\"'; x"))
                .withHeader("KEY", absent()));
        assertThat(PleskCredentials.password("admin", "p&ss<wo>rd").toString()).contains("admin").doesNotContain("p&ss");
    }

    @Test
    void aNonAsciiPasswordIsRefusedClearlyInsteadOfBeingMangled() {
        try (PleskClient plesk = client(wm, PleskCredentials.password("admin", "pässwörd"))) {
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(SdkException.class)
                    .hasMessageContaining("HTTP_AUTH_PASSWD").hasMessageNotContaining("pässwörd");
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void malformedTruncatedAndResultlessAnswersAreFormatErrors() {
        try (PleskClient plesk = client(wm)) {
            answer(wm, "<session>", "<packet><session><get><result><status>ok</status><session><id>1</id>");
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(ResponseFormatException.class);
            answer(wm, "<session>", "<html><body>502 Bad Gateway</body></html>");
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(ResponseFormatException.class)
                    .hasMessageContaining("<result>");
            answer(wm, "<session>", "");
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(ResponseFormatException.class);
            answer(wm, "<session>", ok("session", "get", "<session><id>a</id><type>admin</type><ip-address>1</ip-address>"
                    + "<login>u</login><login-time>yesterday</login-time><idle>2024-01-01T10:05:00</idle></session>"));
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(ResponseFormatException.class)
                    .hasMessageContaining("login-time").hasMessageContaining("yesterday");
        }
    }

    @Test
    void anEndpointWithTheAgentPathIsNotDoubled() {
        answer(wm, "<session>", ok("session", "get", ""));
        try (PleskClient plesk = PleskClient.builder()
                .endpoint(URI.create(Loopback.endpoint(wm) + AGENT)).credentials(PleskCredentials.secretKey("k")).build()) {
            assertThat(plesk.sessions().list()).isEmpty();
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(AGENT)));
    }

    @Test
    void aPinnedPacketVersionIsSent() {
        answer(wm, "<session>", ok("session", "get", ""));
        try (PleskClient plesk = PleskClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(PleskCredentials.secretKey("k")).packetVersion("1.6.9.1").build()) {
            plesk.sessions().list();
        }
        assertThat(sentPackets(wm).get(0)).contains("<packet version=\"1.6.9.1\">");
    }
}
