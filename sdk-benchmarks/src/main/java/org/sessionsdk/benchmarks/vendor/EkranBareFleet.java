package org.sessionsdk.benchmarks.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.ekran.EkranProvider;
import org.sessionsdk.ekran.EkranSession;

/**
 * The bare fleet's Ekran endpoint: the feed's steady-state request, {@code GET /ekranapi/sessions?start=}
 * the window's start as a local time of the server's zone to the second, with the {@code ApiKey} header,
 * read by {@link EkranHandWritten}'s loop; a session without a logout date is open. (The SDK's feed also
 * looks further back, up to 6 more requests, for a session first seen with a start before its window:
 * on its first poll, not in the fleet's steady state, whose sessions start while it is followed.)
 */
final class EkranBareFleet implements BareSessionPoll {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final String sessions;
    private final String apiKey;
    private final ZoneId zone;

    EkranBareFleet(Map<String, String> settings) {
        this.sessions = settings.get(CommonSettings.ENDPOINT) + "/ekranapi/sessions?start=";
        this.apiKey = settings.get(EkranProvider.API_KEY);
        String z = settings.get(CommonSettings.SERVER_ZONE);
        this.zone = z == null ? ZoneOffset.UTC : ZoneId.of(z);
    }

    @Override
    public void openSessions(HttpClient http, Instant from, Instant now, Set<String> open)
            throws IOException, InterruptedException {
        String start = SECONDS.format(from.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sessions + start))
                .timeout(Duration.ofSeconds(30))
                .header("ApiKey", apiKey)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode());
            }
            EkranHandWritten.parse(in, o -> {
                EkranSession s = (EkranSession) o;
                if (s.logoutDate() == null) {
                    open.add(Integer.toString(s.sessionId()));
                }
            });
        }
    }
}
