package org.sessionsdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientConfigTest {
    @Test
    void refusesEndpointsThatWouldLeakOrMislead() {
        assertThatThrownBy(() -> ClientConfig.builder().build()).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> ClientConfig.builder().endpoint(URI.create("ftp://h")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientConfig.builder().endpoint(URI.create("https://u:pw@h")).build())
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> ClientConfig.builder().endpoint(URI.create("https://h/?key=1")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientConfig.builder().endpoint(URI.create("https://h")).readTimeout(Duration.ZERO).build())
                .hasMessageContaining("readTimeout");
    }

    @Test
    void hasSafeDefaultsAndAUserAgent() {
        ClientConfig c = ClientConfig.builder().endpoint(URI.create("https://panel:8443")).userAgentSuffix("siem/1.0").build();
        assertThat(c.trustAllCertificates()).isFalse();
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.retryPolicy().maxAttempts()).isEqualTo(3);
        assertThat(c.userAgent()).matches("sessionsdk/\\S+ java/\\d+\\.\\d+\\.\\d+ siem/1\\.0");
        assertThat(c.toBuilder().build().userAgent()).isEqualTo(c.userAgent());
    }
}
