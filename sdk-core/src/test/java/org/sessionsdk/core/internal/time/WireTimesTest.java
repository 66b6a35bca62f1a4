package org.sessionsdk.core.internal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WireTimesTest {

    @Test
    void readsWhatTheFormatterReadsForEverySeparatorFractionAndOffset() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime t = LocalDateTime.of(r.nextInt(10_000), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(4) == 0 ? 0 : r.nextInt(1_000_000_000));
            int digits = 1 + r.nextInt(9);
            String fraction = t.getNano() == 0 && r.nextBoolean() ? ""
                    : "." + String.format("%09d", t.getNano()).substring(0, digits);
            String local = t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")) + fraction;
            LocalDateTime expected = LocalDateTime.parse(local, DateTimeFormatter.ISO_LOCAL_DATE_TIME);

            assertThat(WireTimes.localDateTime(local, 'T')).as(local).isEqualTo(expected);
            assertThat(WireTimes.localDateTime(local.replace('T', ' '), ' ')).as(local).isEqualTo(expected);

            ZoneOffset offset = ZoneOffset.ofTotalSeconds((r.nextInt(35) - 17) * 3600 + (r.nextBoolean() ? 0 : 1800)
                    * Integer.signum(r.nextInt(3) - 1));
            String withOffset = local + offset.getId();
            assertThat(WireTimes.offsetDateTime(withOffset)).as(withOffset)
                    .isEqualTo(OffsetDateTime.parse(withOffset, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }

    @Test
    void otherFormsAndOutOfRangeValuesAreLeftToTheFormatter() {
        for (String other : new String[] {"2026-01-05T08:00", "2026-01-05T08:00:00.", "2026-01-05T08:00:00.1234567891",
                "2026-01-05T08:00:00Z", "2026-01-05 08:00:00", "2026-1-05T08:00:000", "２０２６-01-05T08:00:00",
                "2026-02-30T08:00:00", "2026-01-05T24:00:00", "+2026-01-05T08:00", "2026-01-05T08:00:00 ", ""}) {
            assertThat(WireTimes.localDateTime(other, 'T')).as(other).isNull();
        }
        for (String other : new String[] {"2026-01-05T08:00:00", "2026-01-05T08:00:00+1:00", "2026-01-05T08:00:00+01",
                "2026-01-05T08:00:00+19:00", "2026-01-05T08:00:00+01:60", "2026-01-05T08:00:00+01:00:00",
                "2026-01-05T08:00:00+01:00[Europe/Paris]", "2026-01-05 08:00:00Z", "2026-02-30T08:00:00Z"}) {
            assertThat(WireTimes.offsetDateTime(other)).as(other).isNull();
            boolean formatterReads;
            try {
                OffsetDateTime.parse(other);
                formatterReads = true;
            } catch (DateTimeParseException e) {
                formatterReads = false;
            }
            // the forms left out that the formatter does read are read by it, at its cost
            if (formatterReads) {
                assertThat(other).matches(".*(\\+01|\\+01:00:00)$");
            }
        }
        assertThat(WireTimes.offsetDateTime("2026-01-05T08:00:00z")).isEqualTo(OffsetDateTime.parse("2026-01-05T08:00:00Z"));
    }
}
