package org.sessionsdk.benchmarks.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.plesk.PleskProvider;
import org.sessionsdk.plesk.PleskSession;

/**
 * The bare fleet's Plesk endpoint: the feed's one request a poll, {@code POST /enterprise/control/agent.php}
 * with the {@code KEY} header and the {@code session/get} packet ({@link PleskBare#PACKET}), read by
 * {@link PleskBare}'s StAX loop; {@code session/get} lists only open sessions, so every one is open.
 */
final class PleskBareFleet implements BareSessionPoll {
    private final HttpRequest request;

    PleskBareFleet(Map<String, String> settings) {
        this.request = HttpRequest.newBuilder(URI.create(settings.get(CommonSettings.ENDPOINT)
                        + "/enterprise/control/agent.php"))
                .timeout(Duration.ofSeconds(30))
                .header("KEY", settings.get(PleskProvider.API_KEY))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(PleskBare.PACKET)).build();
    }

    @Override
    public void openSessions(HttpClient http, Instant from, Instant now, Set<String> open)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode());
            }
            for (PleskSession s : PleskBare.parse(in)) {
                open.add(s.id());
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
