package org.sessionsdk.plesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionsdk.plesk.PleskTestSupport.answer;
import static org.sessionsdk.plesk.PleskTestSupport.client;
import static org.sessionsdk.plesk.PleskTestSupport.ok;
import static org.sessionsdk.plesk.PleskTestSupport.resultError;
import static org.sessionsdk.plesk.PleskTestSupport.sentPackets;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.testing.Loopback;

class PleskSecretKeysTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    @Test
    void createsListsAndDeletesKeys() {
        answer(wm, "<create>", ok("secret_key", "create", "<key>0f3e1b7c-key</key>"));
        answer(wm, "<get_info>", ok("secret_key", "get_info",
                "<key_info><key>k1</key><ip_address>192.0.2.5</ip_address><description>siem</description><login>admin</login></key_info>"
                        + "<key_info><key>k2</key><ip_address>192.0.2.6</ip_address><description xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\"/></key_info>"));
        answer(wm, "<delete>", ok("secret_key", "delete", "<key>k1</key>"));
        try (PleskClient plesk = client(wm)) {
            String key = plesk.secretKeys().create(PleskSecretKeyRequest.builder().ipAddress("192.0.2.5")
                    .description("siem & co").login("admin").build());
            List<PleskSecretKey> keys = plesk.secretKeys().list();
            plesk.secretKeys().delete("k1");

            assertThat(key).isEqualTo("0f3e1b7c-key");
            assertThat(keys).containsExactly(new PleskSecretKey("k1", "192.0.2.5", "siem", "admin"),
                    new PleskSecretKey("k2", "192.0.2.6", null, null));
            assertThat(keys.get(0).toString()).doesNotContain("k1");
        }
        List<String> sent = sentPackets(wm);
        assertThat(sent.get(0)).endsWith("<secret_key><create><ip_address>192.0.2.5</ip_address>"
                + "<description>siem &amp; co</description><login>admin</login></create></secret_key></packet>");
        assertThat(sent.get(1)).endsWith("<secret_key><get_info><filter/></get_info></secret_key></packet>");
        assertThat(sent.get(2)).endsWith("<secret_key><delete><filter><key>k1</key></filter></delete></secret_key></packet>");
    }

    @Test
    void deletingAnUnknownKeyIsNotFound() {
        answer(wm, "<delete>", resultError("secret_key", "delete", 1013, "Key not found"));
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.secretKeys().delete("nope")).isInstanceOf(NotFoundException.class);
        }
    }
}
