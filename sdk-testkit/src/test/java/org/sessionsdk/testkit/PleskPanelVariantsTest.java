package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.plesk.PleskEventQuery;
import org.sessionsdk.plesk.PleskProtocolException;

/** The panels {@link PleskSimulator} plays: protocol versions, resellers and customers, keys bound to an address. */
class PleskPanelVariantsTest {

    @Test
    void aCurrentPanelListsItsProtocolsAndAnswersWithoutAVersion() {
        try (PleskSimulator sim = PleskSimulator.start(); PleskClient c = sim.client()) {
            assertThat(c.protocols()).endsWith("1.6.9.1").contains("1.6.6.0").isEqualTo(sim.protocols());
            assertThat(c.sessions().list()).isNotEmpty();
            assertThat(sim.requests()).hasSize(2);
            assertThat(sim.requests().get(1).body()).contains("<packet><session>");
        }
    }

    @Test
    void anOlderPanelWithoutTheSessionOperatorIsRefusedNamingTheVersionNeeded() {
        try (PleskSimulator sim = PleskSimulator.start().withProtocols("1.6.5.0"); PleskClient c = sim.client()) {
            assertThatThrownBy(() -> c.sessions().list()).isInstanceOfSatisfying(PleskProtocolException.class, e -> {
                assertThat(e).hasMessageContaining("needs Plesk XML API protocol 1.6.6.0");
                assertThat(e.supported()).endsWith("1.6.5.0");
            });
            int after = sim.requestCount();
            assertThatThrownBy(() -> c.eventLog().lastId()).isInstanceOf(PleskProtocolException.class);
            assertThat(sim.requestCount()).as("known now: refused before sending").isEqualTo(after);
            // what the panel does have still works
            assertThat(c.protocols()).endsWith("1.6.5.0");
        }
    }

    @Test
    void aPinnedVersionThePanelLacksIsRefusedWithItsList() {
        try (PleskSimulator sim = PleskSimulator.start().withProtocols("1.6.7.0");
             PleskClient c = sim.clientBuilder().packetVersion("1.6.9.1").build()) {
            assertThatThrownBy(() -> c.sessions().list()).isInstanceOf(PleskProtocolException.class)
                    .hasMessageContaining("packetVersion 1.6.9.1").hasMessageContaining("1.6.7.0");
        }
        try (PleskSimulator sim = PleskSimulator.start().withProtocols("1.6.7.0");
             PleskClient c = sim.clientBuilder().packetVersion("1.6.7.0").build()) {
            assertThat(c.sessions().list()).isNotEmpty();
        }
    }

    @Test
    void resellersAndCustomersAreToldSessionsAndTheEventLogAreTheAdministrators() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            for (String key : new String[] {sim.addResellerKey(), sim.addCustomerKey()}) {
                try (PleskClient c = sim.clientBuilder().credentials(PleskCredentials.secretKey(key)).build()) {
                    assertThatThrownBy(() -> c.sessions().list()).isInstanceOf(PermissionDeniedException.class)
                            .hasMessageContaining("administrator only");
                    assertThatThrownBy(() -> c.eventLog().list(PleskEventQuery.builder().fromId(1).build()))
                            .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("administrator only");
                    assertThat(c.protocols()).as("every user may ask for the protocols").isNotEmpty();
                }
            }
        }
    }

    @Test
    void aKeyBoundToAnotherAddressIsRefusedAndTheMessageSaysWhy() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            String key = sim.addKeyBoundTo("192.0.2.7");
            try (PleskClient c = sim.clientBuilder().credentials(PleskCredentials.secretKey(key)).build()) {
                assertThatThrownBy(() -> c.sessions().list()).isInstanceOf(AuthenticationException.class)
                        .hasMessageContaining("bound to the IP address it was created for")
                        .hasMessageNotContaining(key);
            }
        }
    }
}
