package org.sessionsdk.senhasegura.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RemoteSessionMapperTest {
    /** The rule as the documentation states it: HH:MM:SS with any number of hours. */
    private static final Pattern ELAPSED = Pattern.compile("(\\d+):([0-5]?\\d):([0-5]?\\d)");

    @Test
    void theHandWrittenDurationReaderAcceptsExactlyWhatTheRuleAccepts() {
        Random r = new Random(11);
        String alphabet = "0123456789:: 6x-";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(10);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = i % 3 == 0 ? r.nextInt(200) + ":" + r.nextInt(70) + ":" + r.nextInt(70) : b.toString();
            assertThat(outcome(s)).as(s).isEqualTo(reference(s));
        }
        assertThat(RemoteSessionMapper.parseDuration(" 123:04:05 ")).isEqualTo(Duration.parse("PT123H4M5S"));
        assertThat(RemoteSessionMapper.parseDuration("")).isNull();
    }

    @Test
    void datesWithASpaceATOrAFractionAreReadAsTheFormatterReadsThem() {
        assertThat(RemoteSessionMapper.parseDateTime("2024-05-06 16:05:07")).isEqualTo(LocalDateTime.of(2024, 5, 6, 16, 5, 7));
        assertThat(RemoteSessionMapper.parseDateTime("2024-05-06T16:05:07.25"))
                .isEqualTo(LocalDateTime.of(2024, 5, 6, 16, 5, 7, 250_000_000));
        assertThat(RemoteSessionMapper.parseDateTime("2024-05-0616:05:07")).isEqualTo(LocalDateTime.of(2024, 5, 6, 16, 5, 7));
        assertThat(RemoteSessionMapper.parseDateTime("0000-00-00 00:00:00")).isNull();
    }

    private static String outcome(String s) {
        try {
            Duration d = RemoteSessionMapper.parseDuration(s);
            return d == null ? "null" : d.toString();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return "refused";
        }
    }

    private static String reference(String s) {
        if (s.isBlank()) {
            return "null";
        }
        Matcher m = ELAPSED.matcher(s.trim());
        if (!m.matches()) {
            return "refused";
        }
        try {
            return Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(Integer.parseInt(m.group(2)))
                    .plusSeconds(Integer.parseInt(m.group(3))).toString();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return "refused";
        }
    }
}
