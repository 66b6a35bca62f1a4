package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JSON simulators on the wire: each record's fields in the vendor's documented order, times in
 * the vendor's own format (Ekran's {@code .000+00:00}, SAYMON's epoch milliseconds, senhasegura's
 * {@code yyyy-MM-dd HH:mm:ss}), and the vendors' content types.
 */
class JsonWireFormatsTest {
    private static final String EKRAN_DATE = "\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{2}:\\d{2}\"";
    private static final String SENHA_DATE = "\"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\"";

    private static int count(String text, Pattern p) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void ekranWritesItsRecordsInTheDocumentedOrderWithOffsetDates() {
        Pattern record = Pattern.compile("\\{\"clientGuid\":\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\","
                + "\"logoutDate\":(null|" + EKRAN_DATE + "),\"loginDate\":" + EKRAN_DATE
                + ",\"sessionId\":\\d+,\"userId\":\\d+}");
        // generated history starts at EPOCH: 10 sessions 20 minutes apart, the last ending 6 hours before the anchor
        SimClock clock = SimClock.at(SimData.EPOCH.plus(java.time.Duration.ofMinutes(10 * 20 + 6 * 60)));
        try (EkranSimulator sim = EkranSimulator.start().withClock(clock)) {
            HttpResponse<String> r = RawHttp.get(sim, "/ekranapi/sessions", "ApiKey", EkranSimulator.API_KEY);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(count(r.body(), record)).isEqualTo(10);
            // a whole minute keeps its seconds and milliseconds, and UTC is +00:00, never Z
            assertThat(r.body()).contains("\"2026-01-05T08:0").doesNotContain("Z\"");
            HttpResponse<String> clipped = RawHttp.get(sim, "/ekranapi/sessions?start=2026-01-05T09:00",
                    "ApiKey", EkranSimulator.API_KEY);
            assertThat(clipped.body()).contains("\"loginDate\":\"2026-01-05T09:00:00.000+00:00\"");
        }
        try (EkranSimulator tokyo = EkranSimulator.start().withZone(ZoneId.of("Asia/Tokyo"))) {
            String body = RawHttp.get(tokyo, "/ekranapi/sessions", "ApiKey", EkranSimulator.API_KEY).body();
            assertThat(count(body, record)).isEqualTo(10);
            assertThat(body).contains("+09:00\"").doesNotContain("+00:00\"");
        }
    }

    @Test
    void saymonWritesEpochMillisecondsInTheDocumentedOrder() {
        Pattern record = Pattern.compile("\\{\"startTime\":\\d{13},\"endTime\":(null|\\d{13}),\"expiredAt\":\\d{13},"
                + "\"userId\":\"[0-9a-f]{24}\",\"login\":\"[^\"]+\",\"id\":\"[0-9a-f]{24}\"}");
        try (SaymonSimulator sim = SaymonSimulator.start()) {
            String basic = "Basic " + Base64.getEncoder().encodeToString(
                    (SaymonSimulator.LOGIN + ":" + SaymonSimulator.PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = RawHttp.get(sim, "/node/api/users/session/log", "Authorization", basic);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(count(r.body(), record)).isEqualTo(25);
            assertThat(r.body()).contains("\"endTime\":null");
        }
    }

    @Test
    void senhaseguraWritesLocalDatesAndDurationsInTheDocumentedOrder() {
        Pattern record = Pattern.compile("\\{\"id\":\"\\d+\",\"user\":\"[^\"]+\",\"origin_ip\":\"[^\"]+\","
                + "\"credential\":\"[^\"]+\",\"device\":\"[^\"]+:\\d+\",\"protocol\":\"(ssh|rdp|https)\","
                + "\"proxy\":\"[^\"]+\",\"session_id\":\"[0-9a-f]{40}\",\"start\":" + SENHA_DATE + ","
                + "\"end\":(\"\"|" + SENHA_DATE + "),\"time\":(\"\"|\"\\d{2,}:\\d{2}:\\d{2}\"),"
                + "\"prevent_purge\":\"(Yes|No)\",\"request\":(null|\"[^\"]+\"),\"ITSM\":(null|\"[^\"]+\")}");
        try (SenhaseguraSimulator sim = SenhaseguraSimulator.start()) {
            String token = RawHttp.post(sim, SenhaseguraSimulator.TOKEN_PATH, "grant_type=client_credentials&client_id="
                            + SenhaseguraSimulator.CLIENT_ID + "&client_secret="
                            + java.net.URLEncoder.encode(SenhaseguraSimulator.CLIENT_SECRET, StandardCharsets.UTF_8),
                    "Content-Type", "application/x-www-form-urlencoded").body()
                    .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> r = RawHttp.get(sim, SenhaseguraSimulator.SESSIONS_PATH, "Authorization",
                    "Bearer " + token);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(r.body()).startsWith("{\"code\":200,\"response\":{\"status\":200,\"message\":\"\","
                    + "\"error\":false,\"error_code\":0,\"detail\":\"\",\"mensagem\":\"\",\"erro\":false,\"cod_erro\":0},");
            assertThat(count(r.body(), record)).isEqualTo(sim.sessions().size());
        }
    }
}
