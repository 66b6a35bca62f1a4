package org.sessionsdk.testvendor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.TimeRange;

/**
 * The fake vendor's client: {@code GET /sessions} and {@code GET /audit} with a token header, one
 * tab-separated record a line. Uses only the SDK's public API, as a third party's vendor module would.
 */
public final class AcmeClient implements SessionClient, AuditSource {
    static final String TOKEN_HEADER = "X-Acme-Token";
    private final URI endpoint;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AcmeClient(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    @Override
    public String vendor() {
        return AcmeProvider.NAME;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public Optional<AuditSource> audit() {
        return Optional.of(this);
    }

    /** The shared window strategy (a client that is both must say which default it takes). */
    @Override
    public Feed<AuditEvent> auditFeed(FeedOptions options) {
        return AuditSource.super.auditFeed(options);
    }

    @Override
    public Stream<SessionRecord> sessionRecords(TimeRange range) {
        return get("/sessions", range).stream().map(f -> new SessionRecord(vendor(), f[0], f[1], f[4], null, "https",
                Instant.parse(f[2]), f[3].isEmpty() ? null : Instant.parse(f[3]), null, Map.of()))
                .filter(r -> (range.to() == null || r.start().isBefore(range.to()))
                        && (range.from() == null || r.end() == null || !r.end().isBefore(range.from())));
    }

    @Override
    public Stream<AuditEvent> auditEvents(TimeRange range) {
        return get("/audit", range).stream().map(f -> new AuditEvent(vendor(), f[0], Instant.parse(f[1]), f[2], null,
                f[3], "thing", f[4], null, Map.of()))
                .filter(e -> (range.from() == null || !e.time().isBefore(range.from()))
                        && (range.to() == null || e.time().isBefore(range.to())));
    }

    private List<String[]> get(String path, TimeRange range) {
        URI uri = endpoint.resolve(path + "?from=" + enc(range.from()) + "&to=" + enc(range.to()));
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(uri).header(TOKEN_HEADER, token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.CONNECT, "acme: GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
        if (r.statusCode() == 401) {
            throw new AuthenticationException(new ErrorDetails(401, null, "token refused", "GET", path, null, 1,
                    "check the acme token"));
        }
        List<String[]> out = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (!line.isBlank()) {
                out.add(line.split("\t", -1));
            }
        }
        return out;
    }

    private static String enc(Instant t) {
        return t == null ? "" : URLEncoder.encode(t.toString(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "AcmeClient[" + endpoint + "]";
    }

    @Override
    public void close() {
        // the JDK client's connections close with it once unreferenced
    }
}
