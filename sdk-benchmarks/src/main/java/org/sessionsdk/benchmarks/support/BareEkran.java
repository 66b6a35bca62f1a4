package org.sessionsdk.benchmarks.support;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.sessionsdk.benchmarks.parse.Naive;
import org.sessionsdk.ekran.EkranSession;

/**
 * The baseline for the per-call and concurrency benchmarks: the Ekran list request written by hand
 * with a bare {@link HttpClient} (defaults, as {@code HttpClient.newHttpClient()} plus a connect
 * timeout) and Jackson databind into the same records.
 */
public final class BareEkran implements AutoCloseable {
    private static final TypeReference<List<Naive.EkranDto>> LIST = new TypeReference<>() { };

    private final HttpClient http;
    private final HttpRequest request;

    public BareEkran(URI endpoint) {
        this(endpoint, null);
    }

    /**
     * @param executor the JDK client's executor (its async work and the {@code thenApply} parse run
     *                 there), or null for the JDK's default, which starts a thread per response
     */
    public BareEkran(URI endpoint, java.util.concurrent.Executor executor) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        this.http = (executor == null ? b : b.executor(executor)).build();
        this.request = HttpRequest.newBuilder(endpoint.resolve("/ekranapi/sessions"))
                .timeout(Duration.ofSeconds(30))
                .header("ApiKey", "bench-api-key")
                .header("Accept", "application/json")
                .GET().build();
    }

    public List<EkranSession> list() throws IOException, InterruptedException {
        return parse(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    public CompletableFuture<List<EkranSession>> listAsync() {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> {
            try {
                return parse(r);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static List<EkranSession> parse(HttpResponse<byte[]> r) throws IOException {
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode());
        }
        return Naive.ekran(Naive.MAPPER.readValue(r.body(), LIST));
    }

    @Override
    public void close() {
        // java.net.http.HttpClient is closeable only from Java 21; its threads are daemons
    }
}
