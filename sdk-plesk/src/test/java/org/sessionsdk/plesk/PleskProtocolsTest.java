package org.sessionsdk.plesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.testing.Loopback;

/**
 * {@code server/get_protos}: asked once per client, lazily (when the panel refuses a packet as an unknown
 * operator or version, or when asked); the version packets then go out in; operations the panel's protocol
 * lacks refused with the version they need instead of the panel's 1014/1005.
 */
class PleskProtocolsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String GET_PROTOS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<packet><server><get_protos/></server></packet>";

    static void protos(String... versions) {
        answer(wm, "<get_protos/>", ok("server", "get_protos", "<protos>"
                + Arrays.stream(versions).map(v -> "<proto>" + v + "</proto>").collect(Collectors.joining()) + "</protos>"));
    }

    static long asked(String marker) {
        return sentPackets(wm).stream().filter(p -> p.contains(marker)).count();
    }

    static PleskClient pinned(String version) {
        return PleskClient.builder().endpoint(Loopback.endpoint(wm)).credentials(PleskCredentials.secretKey("k"))
                .packetVersion(version).build();
    }

    @Test
    void listsTheProtocolsOnceWithTheDocumentedPacket() {
        // the panel lists them in its own order: the SDK sorts them oldest first
        protos("1.6.9.1", "1.6.3.0", "1.6.10.0", "1.6.9.0");
        try (PleskClient plesk = client(wm)) {
            assertThat(plesk.protocols()).containsExactly("1.6.3.0", "1.6.9.0", "1.6.9.1", "1.6.10.0");
            assertThat(plesk.protocols()).containsExactly("1.6.3.0", "1.6.9.0", "1.6.9.1", "1.6.10.0");
        }
        assertThat(sentPackets(wm)).containsExactly(GET_PROTOS);
    }

    @Test
    void noRequestIsAddedWhileThePanelAcceptsThePackets() {
        answer(wm, "<session>", ok("session", "get", ""));
        try (PleskClient plesk = client(wm)) {
            plesk.sessions().list();
            plesk.sessions().list();
        }
        assertThat(asked("get_protos")).isZero();
        assertThat(sentPackets(wm)).allMatch(p -> p.contains("<packet><session><get/>"));
    }

    @Test
    void anOlderPanelWithoutTheOperatorIsToldWhichVersionItNeedsAndAskedOnce() {
        // Plesk 11.5: no session operator; errtext in the panel's language, never matched on
        answer(wm, "<session>", systemError(1014, "Unbekannter Operator: session"));
        answer(wm, "<event_log>", systemError(1014, "Unbekannter Operator: event_log"));
        protos("1.6.3.0", "1.6.4.0", "1.6.5.0");
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOfSatisfying(PleskProtocolException.class, e -> {
                assertThat(e).hasMessageContaining("session/get needs Plesk XML API protocol 1.6.6.0 or later")
                        .hasMessageContaining("1.6.3.0 to 1.6.5.0");
                assertThat(e.operation()).isEqualTo("session/get");
                assertThat(e.needed()).isEqualTo("1.6.6.0");
                assertThat(e.supported()).containsExactly("1.6.3.0", "1.6.4.0", "1.6.5.0");
                assertThat(e.getCause()).isInstanceOf(ApiException.class);
                assertThat(((ApiException) e.getCause()).vendorCode()).contains("1014");
            });
            // known now: refused before anything is sent
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(PleskProtocolException.class)
                    .hasNoCause();
            assertThatThrownBy(() -> plesk.eventLog().lastId()).isInstanceOf(PleskProtocolException.class)
                    .hasMessageContaining("event_log/get-last-id needs Plesk XML API protocol 1.6.6.0");
            assertThatThrownBy(() -> plesk.secretKeys().list()).isInstanceOf(PleskProtocolException.class);
        }
        assertThat(asked("<session>")).isEqualTo(1);
        assertThat(asked("<event_log>")).isZero();
        assertThat(asked("get_protos")).isEqualTo(1);
    }

    @Test
    void aPinnedVersionThePanelLacksIsNamedWithTheOnesItHas() {
        answer(wm, "<session>", systemError(1005, "Version non prise en charge"));
        protos("1.6.6.0", "1.6.7.0", "1.6.8.0");
        try (PleskClient plesk = pinned("1.6.9.1")) {
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOfSatisfying(PleskProtocolException.class, e -> {
                assertThat(e).hasMessageContaining("packetVersion 1.6.9.1").hasMessageContaining("1.6.6.0 to 1.6.8.0");
                assertThat(e.needed()).isEqualTo("1.6.9.1");
            });
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(PleskProtocolException.class);
        }
        assertThat(asked("<session>")).isEqualTo(1);
        assertThat(asked("get_protos")).isEqualTo(1);
        // the panel's own question carries no version: every panel has it
        assertThat(sentPackets(wm)).contains(GET_PROTOS);
    }

    @Test
    void aPinnedVersionOlderThanTheOperationIsRefusedWithoutARequest() {
        try (PleskClient plesk = pinned("1.6.5.0")) {
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(PleskProtocolException.class)
                    .hasMessageContaining("session/get needs XML API protocol 1.6.6.0 or later")
                    .hasMessageContaining("packetVersion 1.6.5.0");
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "1.6.9.1, ''",              // the SDK's newest: no version, as before
        "1.6.8.0, ''",              // an older panel that has the operators: no version
        "1.7.0.0, 1.6.9.1",         // newer than the SDK: the newest both support
    })
    void thePacketGoesOutInTheVersionBothSidesSupport(String newest, String sent) {
        protos("1.6.6.0", "1.6.8.0", "1.6.9.1".compareTo(newest) < 0 ? "1.6.9.1" : newest, newest);
        answer(wm, "<session>", ok("session", "get", ""));
        try (PleskClient plesk = client(wm)) {
            plesk.protocols();
            plesk.sessions().list();
        }
        String packet = sentPackets(wm).stream().filter(p -> p.contains("<session>")).findFirst().orElseThrow();
        assertThat(packet).startsWith("<?xml").contains(sent.isEmpty() ? "<packet><session>" : "<packet version=\"" + sent + "\"><session>");
    }

    @Test
    void aPanelThatCannotListItsProtocolsLeavesThePanelsErrorAsItWas() {
        answer(wm, "<session>", systemError(1014, "Unknown operator"));
        wm.stubFor(post(urlPathEqualTo(AGENT)).withRequestBody(containing("get_protos"))
                .willReturn(aResponse().withStatus(404).withBody("<html>not here</html>")));
        try (PleskClient plesk = client(wm)) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> plesk.sessions().list()).isExactlyInstanceOf(ApiException.class)
                        .satisfies(e -> assertThat(((ApiException) e).vendorCode()).contains("1014"));
            }
            assertThat(plesk.protocols()).isEmpty();
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(AGENT)).withRequestBody(containing("get_protos")));
    }

    @Test
    void a1014FromAPanelThatHasTheOperatorStaysThePanelsError() {
        // 1014 is also "malformed packet": with the operator in the panel's protocol, it is not explained away
        answer(wm, "<session>", resultError("session", "get", 1014, "Parser error"));
        protos("1.6.6.0", "1.6.9.1");
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.sessions().list()).isExactlyInstanceOf(ApiException.class)
                    .hasMessageContaining("1014");
        }
    }

    @Test
    void refusedCredentialsWhileAskingAreThePanelsAnswer() {
        answer(wm, "<session>", systemError(1014, "Unknown operator"));
        answer(wm, "<get_protos/>", systemError(1001, "Login ou mot de passe incorrect"));
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(plesk::protocols).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void theVersionsCompareNumberByNumber() {
        assertThat(PleskProtocols.compare("1.6.10.0", "1.6.9.1")).isPositive();
        assertThat(PleskProtocols.compare("1.6.6.0", "1.6.6")).isZero();
        assertThat(PleskProtocols.compare("1.5.2.0", "1.6.0.0")).isNegative();
        assertThat(PleskProtocols.since("session/get")).isEqualTo("1.6.6.0");
        assertThat(PleskProtocols.since("event_log/get_events")).isEqualTo("1.6.6.0");
        assertThat(PleskProtocols.since("server/create_session")).isNull();
        assertThat(List.of(PleskProtocols.NEWEST_KNOWN)).containsExactly("1.6.9.1");
    }
}
