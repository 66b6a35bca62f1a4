package org.sessionsdk.plesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionsdk.plesk.PleskTestSupport.AGENT;
import static org.sessionsdk.plesk.PleskTestSupport.answer;
import static org.sessionsdk.plesk.PleskTestSupport.client;
import static org.sessionsdk.plesk.PleskTestSupport.ok;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.testing.Loopback;

/**
 * A well-formed packet that answers another operation than the one asked is not an empty result:
 * records and statuses count only under {@code packet/<operator>/<operation>/result} of the request.
 */
class PleskWrongAnswerTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String SESSION = "<session><id>a1</id><type>admin</type><ip-address>192.0.2.1</ip-address>"
            + "<login>admin</login><login-time>2026-01-05T08:00:00</login-time><idle>2026-01-05T08:10:00</idle></session>";
    static final String EVENT = "<event><id>177</id><type>created</type><time>1651662280</time><class>client</class>"
            + "<obj_id>3</obj_id><user>admin</user><host>192.0.2.1</host></event>";

    @Test
    void sessionsAnsweredWithAnEventLogPacketIsAFormatError() {
        answer(wm, "<session>", ok("event_log", "get_events", EVENT));
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.sessions().list())
                    .isInstanceOf(ResponseFormatException.class)
                    .hasMessageContaining("expected the <result> of session/get (packet/session/get/result)")
                    .hasMessageContaining("found packet/event_log");
        }
    }

    @Test
    void eventsAnsweredWithASessionPacketIsAFormatError() {
        answer(wm, "<get_events", ok("session", "get", SESSION));
        try (PleskClient plesk = client(wm); Stream<PleskEvent> s = plesk.eventLog().stream(PleskEventQuery.all())) {
            assertThatThrownBy(s::count)
                    .isInstanceOf(ResponseFormatException.class)
                    .hasMessageContaining("event_log/get_events")
                    .hasMessageContaining("found packet/session");
        }
    }

    @Test
    void theRightOperatorWithAnotherOperationIsAFormatError() {
        answer(wm, "<session>", ok("session", "terminate", ""));
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.sessions().list())
                    .isInstanceOf(ResponseFormatException.class)
                    .hasMessageContaining("found packet/session/terminate");
        }
    }

    @Test
    void aSecondOperationBlockIsAFormatError() {
        String two = "<packet><session><get><result><status>ok</status>" + SESSION + "</result></get>"
                + "<get><result><status>ok</status></result></get></session></packet>";
        answer(wm, "<session>", two);
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.sessions().list())
                    .isInstanceOf(ResponseFormatException.class)
                    .hasMessageContaining("a second packet/session/get");
        }
        String twoOperators = "<packet><session><get><result><status>ok</status></result></get></session>"
                + "<session><get><result><status>ok</status></result></get></session></packet>";
        answer(wm, "<session>", twoOperators);
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.sessions().list())
                    .isInstanceOf(ResponseFormatException.class)
                    .hasMessageContaining("a second packet/session");
        }
    }

    @Test
    void anotherRootElementOrNoOperationBlockIsAFormatError() {
        answer(wm, "<session>", "<html><body>Plesk</body></html>");
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.sessions().list())
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("found html");
        }
        answer(wm, "<session>", "<packet version=\"1.6.9.1\"/>");
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.sessions().list())
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("found no packet/session/get");
        }
    }

    @Test
    void lastIdAndKeysCheckTheirOperationToo() {
        answer(wm, "<get-last-id", ok("event_log", "get_events", "<id>99</id>"));
        answer(wm, "<secret_key>", ok("server", "create_session", "<key>k</key>"));
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.eventLog().lastId())
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("found packet/event_log/get_events");
            assertThatThrownBy(() -> plesk.secretKeys().create(PleskSecretKeyRequest.builder().build()))
                    .isInstanceOf(ResponseFormatException.class).hasMessageContaining("found packet/server");
        }
    }

    @Test
    void anErrorInThePacketCarriesTheRealAttemptAndRequestId() {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(AGENT)).inScenario("s")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(AGENT)).inScenario("s").whenScenarioStateIs("up")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("X-Request-Id", "plesk-9")
                        .withBody(PleskTestSupport.resultError("session", "get", 1006, "Permission denied"))));
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.sessions().list())
                    .isInstanceOfSatisfying(org.sessionsdk.core.error.PermissionDeniedException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(2);
                        assertThat(e.requestId()).contains("plesk-9");
                        assertThat(e.statusCode()).isEqualTo(200);
                        assertThat(e.vendorCode()).contains("1006");
                    });
        }
    }

    @Test
    void theRightAnswerStillReads() {
        answer(wm, "<session>", ok("session", "get", SESSION + SESSION.replace("a1", "a2")));
        try (PleskClient plesk = client(wm)) {
            assertThat(plesk.sessions().list()).extracting(PleskSession::id).containsExactly("a1", "a2");
        }
        assertThat(wm.getAllServeEvents()).allMatch(e -> e.getRequest().getUrl().equals(AGENT));
    }
}
