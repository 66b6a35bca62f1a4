package org.sessionsdk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sessionsdk.core.http.SdkHttpRequest;

class CredentialsToStringTest {
    @Test
    void secretsAreMaskedEverywhereTheyCouldBePrinted() {
        Secret s = Secret.of("hunter2");
        assertThat(s.toString()).isEqualTo("****");
        assertThat(new BasicAuth("alice", s).toString()).contains("alice").doesNotContain("hunter2");
        assertThat(BearerTokenAuth.of(s).toString()).doesNotContain("hunter2");
        HeaderAuth h = HeaderAuth.builder().plain("HTTP_AUTH_LOGIN", "admin").secret("HTTP_AUTH_PASSWD", s).build();
        assertThat(h.toString()).contains("HTTP_AUTH_LOGIN=admin").contains("HTTP_AUTH_PASSWD=****").doesNotContain("hunter2");
    }

    @Test
    void basicAuthEncodesUtf8() {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().uri(java.net.URI.create("http://127.0.0.1/"));
        new BasicAuth("jörg", Secret.of("pässwörd")).authorize(b);
        assertThat(b.build().header("Authorization")).isEqualTo("Basic asO2cmc6cMOkc3N3w7ZyZA==");
    }

    @Test
    void headerAuthSendsValuesVerbatim() {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().uri(java.net.URI.create("http://127.0.0.1/"));
        HeaderAuth.apiKey("ApiKey", Secret.of("a+b/c==&<x>")).authorize(b);
        assertThat(b.build().header("apikey")).isEqualTo("a+b/c==&<x>");
    }

    @Test
    void secretsCompareByValue() {
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
    }
}
