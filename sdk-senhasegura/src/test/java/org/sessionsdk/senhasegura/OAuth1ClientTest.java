package org.sessionsdk.senhasegura;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.testing.Loopback;
import org.sessionsdk.core.testing.MutableClock;

/** The client signs every request with OAuth 1.0a; the test verifies it as a server would. */
class OAuth1ClientTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    @Test
    void everyRequestCarriesASignatureTheServerCanVerify() throws Exception {
        wm.stubFor(get(urlEqualTo("/api/session/remotesessions")).willReturn(okJson(Bodies.FLAT)));
        wm.stubFor(get(urlEqualTo("/api/session/remotesessions/3"))
                .willReturn(okJson(Bodies.envelope("remote_session", Bodies.SESSION_3))));
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_715_000_000L));

        try (SenhaseguraClient c = SenhaseguraClient.builder().endpoint(Loopback.endpoint(wm)).clock(clock)
                .credentials(SenhaseguraCredentials.oauth1("consumer", "c-secret", "token", "t-secret")).build()) {
            assertThat(c.sessions().list()).hasSize(2);
            assertThat(c.sessions().get("3")).isEqualTo(Bodies.EXPECTED_3);
        }

        List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlMatching("/api/session/remotesessions.*")));
        assertThat(requests).hasSize(2);
        List<String> nonces = new ArrayList<>();
        for (LoggedRequest r : requests) {
            Map<String, String> oauth = headerParams(r.getHeader("Authorization"));
            assertThat(oauth).containsEntry("oauth_consumer_key", "consumer").containsEntry("oauth_token", "token")
                    .containsEntry("oauth_signature_method", "HMAC-SHA1").containsEntry("oauth_version", "1.0")
                    .containsEntry("oauth_timestamp", "1715000000");
            assertThat(oauth.get("oauth_signature")).isEqualTo(serverSideSignature(r, oauth, "c-secret", "t-secret"));
            nonces.add(oauth.get("oauth_nonce"));
        }
        assertThat(nonces).doesNotHaveDuplicates();
    }

    /** What a server computes from the request it received, written independently of the client code. */
    private static String serverSideSignature(LoggedRequest r, Map<String, String> oauth, String cs, String ts)
            throws Exception {
        URI uri = URI.create(r.getAbsoluteUrl());
        TreeMap<String, String> params = new TreeMap<>(oauth);
        params.remove("oauth_signature");
        StringBuilder norm = new StringBuilder();
        params.forEach((k, v) -> norm.append(norm.length() == 0 ? "" : "&").append(k).append('=').append(pct(v)));
        String base = r.getMethod().getName() + "&" + pct("http://127.0.0.1:" + uri.getPort() + uri.getRawPath())
                + "&" + pct(norm.toString());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((cs + "&" + ts).getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    }

    /** Good enough for the test's plain ASCII values: java.net's form encoding, fixed up to RFC 3986. */
    private static String pct(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static Map<String, String> headerParams(String header) {
        assertThat(header).startsWith("OAuth ");
        Map<String, String> out = new TreeMap<>();
        for (String part : header.substring(6).split(",\\s*")) {
            String[] kv = part.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1].replace("\"", ""), StandardCharsets.UTF_8));
        }
        return out;
    }
}
