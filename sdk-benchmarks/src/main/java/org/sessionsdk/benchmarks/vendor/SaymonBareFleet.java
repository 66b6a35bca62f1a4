package org.sessionsdk.benchmarks.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.saymon.SaymonProvider;
import org.sessionsdk.saymon.SaymonSession;

/**
 * The bare fleet's SAYMON endpoint: the feed's request, {@code GET /node/api/users/session/log} with
 * {@code from} (the window's start less the client's 24-hour look-back) and {@code to} (now plus the hour
 * the SDK allows a server clock to run ahead) in epoch milliseconds, pages of {@code limit=500} by
 * {@code skip} (the next page only after a full one), Basic auth; read by {@link SaymonHandWritten}'s
 * loop. A session is open without an end time while its {@code expiredAt} has not passed.
 */
final class SaymonBareFleet implements BareSessionPoll {
    private static final int PAGE = 500;
    private static final Duration LOOK_BACK = Duration.ofHours(24);
    private static final Duration CLOCK_AHEAD = Duration.ofHours(1);

    private final String log;
    private final String authorization;

    SaymonBareFleet(Map<String, String> settings) {
        this.log = settings.get(CommonSettings.ENDPOINT) + "/node/api/users/session/log";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((settings.get(SaymonProvider.USERNAME) + ":"
                + settings.get(SaymonProvider.PASSWORD)).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void openSessions(HttpClient http, Instant from, Instant now, Set<String> open)
            throws IOException, InterruptedException {
        String window = "?from=" + from.minus(LOOK_BACK).toEpochMilli() + "&to=" + now.plus(CLOCK_AHEAD).toEpochMilli()
                + "&limit=" + PAGE + "&skip=";
        for (int skip = 0; ; skip += PAGE) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(log + window + skip))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization)
                    .header("Accept", "application/json")
                    .GET().build();
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long rows;
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new IOException("HTTP " + r.statusCode());
                }
                rows = SaymonHandWritten.parse(in, o -> {
                    SaymonSession s = (SaymonSession) o;
                    if (s.endTime() == null && (s.expiredAt() == null || s.expiredAt().isAfter(now))) {
                        open.add(s.id());
                    }
                });
            }
            if (rows < PAGE) {
                return;
            }
        }
    }
}
