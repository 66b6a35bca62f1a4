package org.sessionsdk.plesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ResponseFormatException;

class PleskTimesTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void theFastPathReadsWhatTheFormatterReads() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime t = LocalDateTime.of(1970 + r.nextInt(200), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60));
            String text = t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"));
            assertThat(PleskTimes.plain(text)).as(text).isEqualTo(t)
                    .isEqualTo(LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        }
    }

    @Test
    void otherFormsGoToTheFormatterWhichReadsOrRefusesThem() {
        for (String other : new String[] {"2026-01-05T08:00", "2026-01-05T08:00:00.5", "2026-01-05T08:00:00Z",
                "2026-01-05 08:00:00", "2026-1-05T08:00:000", "２０２６-01-05T08:00:00", "2026-02-30T08:00:00",
                "2026-01-05T24:00:00", "+2026-01-05T08:00"}) {
            assertThat(PleskTimes.plain(other)).as(other).isNull();
        }
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
