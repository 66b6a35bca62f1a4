package org.sessionsdk.plesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ResponseFormatException;

class PleskTimesTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void formsBesideThePlainOneGoToTheFormatterWhichReadsOrRefusesThem() {
        assertThat(PleskTimes.localDateTime("2026-01-05T08:00", UTC, "idle")).isEqualTo(LocalDateTime.of(2026, 1, 5, 8, 0));
        assertThat(PleskTimes.localDateTime(" 2026-01-05T08:00:00.5 ", UTC, "idle"))
                .isEqualTo(LocalDateTime.of(2026, 1, 5, 8, 0, 0, 500_000_000));
        assertThat(PleskTimes.localDateTime("2026-01-05T08:00:00+01:00", UTC, "idle"))
                .isEqualTo(LocalDateTime.of(2026, 1, 5, 7, 0));
        assertThatThrownBy(() -> PleskTimes.localDateTime("2026-02-30T08:00:00", UTC, "login-time"))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("login-time");
        assertThatThrownBy(() -> PleskTimes.localDateTime("2026-01-05T24:00:00", UTC, "idle"))
                .isInstanceOf(ResponseFormatException.class);
    }
}
