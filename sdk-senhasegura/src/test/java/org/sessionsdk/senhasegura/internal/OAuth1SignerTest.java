package org.sessionsdk.senhasegura.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.auth.Secret;

/** RFC 5849 signing, checked against the RFC's own worked examples and an independent HMAC. */
class OAuth1SignerTest {

    @Test
    void baseStringOfSection3_4_1_1() {
        URI uri = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        List<Map.Entry<String, String>> params = new ArrayList<>(OAuth1Signer.queryParams(uri));
        params.addAll(OAuth1Signer.formParams("c2&a3=2+q"));
        params.add(Map.entry("oauth_consumer_key", "9djdj82h48djs9d2"));
        params.add(Map.entry("oauth_token", "kkk9d7dh3k39sjv7"));
        params.add(Map.entry("oauth_signature_method", "HMAC-SHA1"));
        params.add(Map.entry("oauth_timestamp", "137131201"));
        params.add(Map.entry("oauth_nonce", "7d8f3e4a"));
        params.add(Map.entry("realm", "Example")); // never signed
        params.add(Map.entry("oauth_signature", "bYT5CMsGcbgUdFHObYMEfcx6bsw=")); // never signed

        assertThat(OAuth1Signer.normalize(params)).isEqualTo("a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2="
                + "&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1"
                + "&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7");
        assertThat(OAuth1Signer.baseString("POST", uri, params)).isEqualTo("POST&http%3A%2F%2Fexample.com%2Frequest"
                + "&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key"
                + "%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp"
                + "%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
    }

    @Test
    void signatureOfTheSection1_2ResourceRequest() {
        // Section 3.1's example omits its secrets, so its signature cannot be recomputed; section 1.2's can.
        URI uri = URI.create("http://photos.example.net/photos?file=vacation.jpg&size=original");
        List<Map.Entry<String, String>> params = new ArrayList<>(OAuth1Signer.queryParams(uri));
        params.add(Map.entry("oauth_consumer_key", "dpf43f3p2l4k3l03"));
        params.add(Map.entry("oauth_token", "nnch734d00sl2jdk"));
        params.add(Map.entry("oauth_signature_method", "HMAC-SHA1"));
        params.add(Map.entry("oauth_timestamp", "137131202"));
        params.add(Map.entry("oauth_nonce", "chapoH"));

        String signature = OAuth1Signer.signature(OAuth1Signer.baseString("GET", uri, params),
                Secret.of("kd94hf93k423kf44"), Secret.of("pfkkdhi9sl3r4s00"));

        assertThat(signature).isEqualTo("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
        assertThat(OAuth1Signer.encode(signature)).isEqualTo("MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D");
    }

    @Test
    void headerMatchesAnIndependentComputation() throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_714_999_999L), ZoneOffset.UTC);
        OAuth1Signer signer = new OAuth1Signer("consumer key", Secret.of("c$ecret"), Secret.of("tok"),
                Secret.of("t&secret"), clock, () -> "n0nce");

        String header = signer.header("get", URI.create("HTTPS://PAM.Example.com:443/api/session/remotesessions/3?x=a+b&y=%7E"),
                List.of());

        // Written out by hand from RFC 5849 sections 3.4.1 and 3.6, not by the code under test.
        String base = "GET&https%3A%2F%2Fpam.example.com%2Fapi%2Fsession%2Fremotesessions%2F3&"
                + "oauth_consumer_key%3Dconsumer%2520key%26oauth_nonce%3Dn0nce%26oauth_signature_method%3DHMAC-SHA1"
                + "%26oauth_timestamp%3D1714999999%26oauth_token%3Dtok%26oauth_version%3D1.0%26x%3Da%2520b%26y%3D~";
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("c%24ecret&t%26secret".getBytes(StandardCharsets.US_ASCII), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.US_ASCII)));

        Map<String, String> p = parse(header);
        assertThat(p).containsExactly(
                Map.entry("oauth_consumer_key", "consumer%20key"),
                Map.entry("oauth_nonce", "n0nce"),
                Map.entry("oauth_signature", OAuth1Signer.encode(expected)),
                Map.entry("oauth_signature_method", "HMAC-SHA1"),
                Map.entry("oauth_timestamp", "1714999999"),
                Map.entry("oauth_token", "tok"),
                Map.entry("oauth_version", "1.0"));
        assertThat(header).startsWith("OAuth oauth_consumer_key=\"consumer%20key\", ");
    }

    @Test
    void percentEncodingKeepsOnlyTheUnreservedCharacters() {
        assertThat(OAuth1Signer.encode("Ladies + Gentlemen")).isEqualTo("Ladies%20%2B%20Gentlemen");
        assertThat(OAuth1Signer.encode("An encoded string!")).isEqualTo("An%20encoded%20string%21");
        assertThat(OAuth1Signer.encode("Dogs, Cats & Mice")).isEqualTo("Dogs%2C%20Cats%20%26%20Mice");
        assertThat(OAuth1Signer.encode("☃ é")).isEqualTo("%E2%98%83%20%C3%A9");
        assertThat(OAuth1Signer.encode("AZaz09-._~*")).isEqualTo("AZaz09-._~%2A");
    }

    @Test
    void baseUriDropsDefaultPortsQueryAndCase() {
        assertThat(OAuth1Signer.baseUri(URI.create("HTTP://EXAMPLE.com:80/r%20v/X?id=123")))
                .isEqualTo("http://example.com/r%20v/X");
        assertThat(OAuth1Signer.baseUri(URI.create("https://www.example.net:8080/?q=1")))
                .isEqualTo("https://www.example.net:8080/");
        assertThat(OAuth1Signer.baseUri(URI.create("https://pam.example.com")))
                .isEqualTo("https://pam.example.com/");
    }

    @Test
    void everyRequestGetsAFreshNonce() {
        OAuth1Signer signer = new OAuth1Signer("ck", Secret.of("cs"), Secret.of("t"), Secret.of("ts"),
                Clock.systemUTC(), OAuth1Signer.randomNonces());
        URI uri = URI.create("https://pam.example.com/api/session/remotesessions");

        assertThat(parse(signer.header("GET", uri, List.of())).get("oauth_nonce"))
                .hasSize(32)
                .isNotEqualTo(parse(signer.header("GET", uri, List.of())).get("oauth_nonce"));
        assertThat(signer.toString()).doesNotContain("cs").doesNotContain("ts");
    }

    /** The header's parameters in order, values still percent-encoded. */
    static Map<String, String> parse(String header) {
        assertThat(header).startsWith("OAuth ");
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : header.substring(6).split(", ")) {
            int eq = part.indexOf('=');
            assertThat(part.charAt(eq + 1)).isEqualTo('"');
            assertThat(part).endsWith("\"");
            out.put(part.substring(0, eq), part.substring(eq + 2, part.length() - 1));
        }
        return out;
    }
}
