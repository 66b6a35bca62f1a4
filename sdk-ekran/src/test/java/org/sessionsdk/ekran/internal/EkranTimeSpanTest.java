package org.sessionsdk.ekran.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** .NET {@code TimeSpan} text ("c" format) read to the 100 ns tick. */
class EkranTimeSpanTest {
    @ParameterizedTest
    @CsvSource({
            "20:20:40.0020000, PT20H20M40.002S",
            "00:00:00, PT0S",
            "00:00:00.0000001, PT0.0000001S",
            "00:00:01.5, PT1.5S",
            "23:59:59.9999999, PT23H59M59.9999999S",
            "1.02:03:04.5, PT26H3M4.5S",
            "10675199.02:48:05.4775807, PT256204778H48M5.4775807S",
            "-00:00:01, PT-1S",
            "-1.00:00:00.0000001, PT-24H-0.0000001S",
            "' 01:00:00 ', PT1H"})
    void readsExactly(String text, String expected) {
        assertThat(EkranTimes.parseTimeSpan(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1.5", "24:00:00", "00:60:00", "00:00:60", "1:00:00", "00:00", "00:00:00.",
            "00:00:00.12345678", ".01:00:00", "1.:01:00:00", "a.01:00:00", "01:00:00,5", "--01:00:00", "01-00-00",
            "P1D", "123456789.00:00:00", "+01:00:00", "01:0a:00"})
    void rejectsWhatIsNotATimeSpan(String text) {
        assertThat(EkranTimes.parseTimeSpan(text)).isNull();
    }
}
