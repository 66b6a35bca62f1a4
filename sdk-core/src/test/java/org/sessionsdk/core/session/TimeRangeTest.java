package org.sessionsdk.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void overlapsIsHalfOpenAndKeepsOpenSessions() {
        TimeRange r = TimeRange.between(T0, T0.plusSeconds(100));
        assertThat(r.overlaps(T0.minusSeconds(50), T0.minusSeconds(1))).isFalse();
        assertThat(r.overlaps(T0.minusSeconds(50), T0)).isTrue();
        assertThat(r.overlaps(T0.plusSeconds(100), null)).isFalse();
        assertThat(r.overlaps(T0.plusSeconds(99), null)).isTrue();
        assertThat(r.overlaps(T0.minusSeconds(999), null)).isTrue();
        assertThat(TimeRange.all().overlaps(null, null)).isTrue();
    }

    @Test
    void containsIsHalfOpenAndKeepsUnknownTimes() {
        TimeRange r = TimeRange.between(T0, T0.plusSeconds(60));
        assertThat(r.contains(T0)).isTrue();
        assertThat(r.contains(T0.plusSeconds(59))).isTrue();
        assertThat(r.contains(T0.plusSeconds(60))).isFalse();
        assertThat(r.contains(T0.minusNanos(1))).isFalse();
        assertThat(r.contains(null)).isTrue();
        assertThat(TimeRange.all().contains(Instant.MIN)).isTrue();
        assertThat(TimeRange.since(T0).contains(T0.minusSeconds(1))).isFalse();
        assertThat(TimeRange.until(T0).contains(T0)).isFalse();
    }

    @Test
    void lastUsesTheClock() {
        TimeRange r = TimeRange.last(Duration.ofDays(1), Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(r).isEqualTo(new TimeRange(T0.minus(Duration.ofDays(1)), T0));
        assertThatThrownBy(() -> TimeRange.between(T0, T0.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsCopyTheirAttributes() {
        var m = new java.util.HashMap<String, String>(Map.of("k", "v"));
        SessionRecord s = new SessionRecord("plesk", "1", "u", null, null, null, T0, null, null, m);
        m.put("x", "y");
        assertThat(s.attributes()).containsOnlyKeys("k");
        assertThat(s.open()).isTrue();
    }
}
