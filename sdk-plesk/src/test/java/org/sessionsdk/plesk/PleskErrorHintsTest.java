package org.sessionsdk.plesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionsdk.plesk.PleskTestSupport.answer;
import static org.sessionsdk.plesk.PleskTestSupport.client;
import static org.sessionsdk.plesk.PleskTestSupport.resultError;
import static org.sessionsdk.plesk.PleskTestSupport.systemError;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.testing.Loopback;

/**
 * Errors that say what to do, decided by {@code errcode} alone ({@code errtext} is in the panel's
 * language: these tests send it in German and French).
 */
class PleskErrorHintsTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aResellersKeyOnSessionsIsToldTheyAreForTheAdministrator(boolean inResult) {
        answer(wm, "<session>", inResult ? resultError("session", "get", 1006, "Zugriff verweigert")
                : systemError(1006, "Zugriff verweigert"));
        try (PleskClient plesk = client(wm, PleskCredentials.secretKey("reseller-key"))) {
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                assertThat(e).hasMessageContaining("session/get is for the Plesk administrator only")
                        .hasMessageContaining("reseller's or customer's").hasMessageNotContaining("reseller-key");
                assertThat(e.vendorCode()).contains("1006");
                assertThat(e.vendorMessage()).contains("Zugriff verweigert");
            });
        }
    }

    @Test
    void aCustomersLoginOnTheEventLogIsToldTheSame() {
        answer(wm, "<get_events", resultError("event_log", "get_events", 1006, "Accès refusé"));
        answer(wm, "<get-last-id", resultError("event_log", "get-last-id", 1006, "Accès refusé"));
        answer(wm, "<terminate>", resultError("session", "terminate", 1006, "Accès refusé"));
        try (PleskClient plesk = client(wm, PleskCredentials.password("customer", "pw"))) {
            assertThatThrownBy(() -> plesk.eventLog().list(PleskEventQuery.builder().fromId(1).build()))
                    .isInstanceOf(PermissionDeniedException.class)
                    .hasMessageContaining("event_log/get_events is for the Plesk administrator only");
            assertThatThrownBy(() -> plesk.eventLog().lastId()).isInstanceOf(PermissionDeniedException.class)
                    .hasMessageContaining("administrator only");
            assertThatThrownBy(() -> plesk.sessions().terminate("abc")).isInstanceOf(PermissionDeniedException.class)
                    .hasMessageContaining("administrator only");
        }
    }

    @Test
    void permissionDeniedElsewhereDoesNotBlameTheRole() {
        answer(wm, "<secret_key>", resultError("secret_key", "get_info", 1006, "session administrator"));
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.secretKeys().list()).isInstanceOf(PermissionDeniedException.class)
                    .hasMessageNotContaining("administrator only");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aKeyRefusedFromAnotherAddressIsToldKeysAreBoundToTheirIp(boolean inResult) {
        answer(wm, "<session>", inResult ? resultError("session", "get", 11003, "Ungültiger geheimer Schlüssel")
                : systemError(11003, "Ungültiger geheimer Schlüssel"));
        try (PleskClient plesk = client(wm, PleskCredentials.secretKey("bound-to-10.0.0.9"))) {
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOfSatisfying(AuthenticationException.class, e -> {
                assertThat(e).hasMessageContaining("bound to the IP address it was created for")
                        .hasMessageContaining("from another address").hasMessageNotContaining("bound-to-10.0.0.9");
                assertThat(e.vendorCode()).contains("11003");
            });
        }
    }

    @Test
    void aKeyErrorOnAnHttpErrorStatusSaysTheSame() {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(PleskTestSupport.AGENT))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(403)
                        .withBody(systemError(11003, "Clé secrète invalide"))));
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("bound to the IP address");
        }
    }

    @Test
    void theTextIsNeverWhatDecides() {
        // a wrong password whose text talks about addresses and administrators gets neither hint
        answer(wm, "<session>", systemError(1001, "secret key bound to IP; administrator only"));
        try (PleskClient plesk = client(wm, PleskCredentials.password("admin", "wrong"))) {
            assertThatThrownBy(() -> plesk.sessions().list()).isInstanceOf(AuthenticationException.class)
                    .satisfies(e -> assertThat(e.getMessage().replace("secret key bound to IP; administrator only", ""))
                            .doesNotContain("bound to the IP address").doesNotContain("administrator only"));
        }
    }
}
