package org.sessionsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.retry.RetryAfter;
import org.sessionsdk.core.retry.RetryPolicy;

class RetryPolicyTest {
    @Test
    void fullJitterStaysWithinTheExponentialCeilingAndTheCap() {
        RetryPolicy p = RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).maxDelay(Duration.ofSeconds(1))
                .random(new Random(1)).build();
        for (int i = 0; i < 1000; i++) {
            for (int attempt = 1; attempt <= 8; attempt++) {
                long ceiling = Math.min(1000, 100L << (attempt - 1));
                assertThat(p.delayBefore(attempt, null).toMillis()).isBetween(0L, ceiling);
            }
        }
        assertThat(p.delayBefore(1000, null)).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterIsTakenAsSentUpToTheCap() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.delayBefore(1, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.delayBefore(1, Duration.ofMinutes(5))).isNull();
    }

    @Test
    void parsesRetryAfterForms() {
        Clock c = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse("120", c)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", c)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", c)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", c)).isNull();
        assertThat(RetryAfter.parse(null, c)).isNull();
        assertThat(RetryAfter.parse("99999999999999999999", c)).isNull();
    }

    @Test
    void statusesWorthRetrying() {
        assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(500)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(501)).isFalse();
    }
}
