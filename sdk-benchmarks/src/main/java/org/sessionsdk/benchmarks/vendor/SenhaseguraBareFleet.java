package org.sessionsdk.benchmarks.vendor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.senhasegura.SenhaseguraProvider;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/**
 * The bare fleet's senhasegura endpoint: an OAuth 2 client-credentials token ({@code POST /iso/oauth2/token},
 * form-encoded), kept until a minute before it expires or a 401, then {@code GET /api/session/remotesessions}
 * with it as a Bearer token, read by {@link SenhaseguraHandWritten}'s loop; a session without an end is open.
 */
final class SenhaseguraBareFleet implements BareSessionPoll {
    private final URI tokenUri;
    private final String form;
    private final URI sessions;
    private String bearer;
    private Instant tokenUntil = Instant.MIN;

    SenhaseguraBareFleet(Map<String, String> settings) {
        String endpoint = settings.get(CommonSettings.ENDPOINT);
        this.tokenUri = URI.create(endpoint + "/iso/oauth2/token");
        this.sessions = URI.create(endpoint + "/api/session/remotesessions");
        this.form = "grant_type=client_credentials&client_id="
                + URLEncoder.encode(settings.get(SenhaseguraProvider.CLIENT_ID), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(settings.get(SenhaseguraProvider.CLIENT_SECRET),
                StandardCharsets.UTF_8);
    }

    @Override
    public void openSessions(HttpClient http, Instant from, Instant now, Set<String> open)
            throws IOException, InterruptedException {
        if (bearer == null || !now.isBefore(tokenUntil)) {
            token(http, now);
        }
        HttpResponse<InputStream> r = http.send(list(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() == 401) {
            r.body().close();
            token(http, now);
            r = http.send(list(), HttpResponse.BodyHandlers.ofInputStream());
        }
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode());
            }
            SenhaseguraHandWritten.parse(in, o -> {
                SenhaseguraSession s = (SenhaseguraSession) o;
                if (s.end() == null) {
                    open.add(s.id());
                }
            });
        }
    }

    private HttpRequest list() {
        return HttpRequest.newBuilder(sessions).timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer)
                .header("Accept", "application/json")
                .GET().build();
    }

    private void token(HttpClient http, Instant now) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(tokenUri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        String token = null;
        long expiresIn = 300;
        try (InputStream in = r.body(); JsonParser p = JsonTokens.JSON.createParser(in)) {
            if (r.statusCode() != 200) {
                throw new IOException("token: HTTP " + r.statusCode());
            }
            JsonTokens.expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken v = p.nextToken();
                switch (f) {
                    case "access_token" -> token = JsonTokens.text(p, v);
                    case "expires_in" -> expiresIn = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : expiresIn;
                    default -> p.skipChildren();
                }
            }
        }
        if (token == null) {
            throw new IOException("token: no access_token");
        }
        bearer = "Bearer " + token;
        tokenUntil = now.plusSeconds(Math.max(0, expiresIn - 60));
    }
}
