package org.sessionsdk.benchmarks.vendor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.sessionsdk.ekran.EkranSession;

/**
 * The per-call and concurrency baseline for Ekran: the list request written by hand with a bare
 * {@link HttpClient} (defaults, as {@code HttpClient.newHttpClient()} plus a connect timeout) and
 * Jackson databind into the same records.
 */
final class EkranBare implements BareClient {
    private final HttpClient http;
    private final HttpRequest request;

    /**
     * @param executor the JDK client's executor (its async work and the {@code thenApply} parse run
     *                 there), or null for the JDK's default, which starts a thread per response
     */
    EkranBare(URI endpoint, Executor executor) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        this.http = (executor == null ? b : b.executor(executor)).build();
        this.request = HttpRequest.newBuilder(endpoint.resolve("/ekranapi/sessions"))
                .timeout(Duration.ofSeconds(30))
                .header("ApiKey", EkranBench.API_KEY)
                .header("Accept", "application/json")
                .GET().build();
    }

    @Override
    public List<EkranSession> list() throws IOException, InterruptedException {
        return parse(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    @Override
    public CompletableFuture<List<EkranSession>> listAsync() {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> {
            try {
                return parse(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<EkranSession> parse(HttpResponse<byte[]> r) throws IOException {
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode());
        }
        return EkranNaive.map(JsonTokens.MAPPER.readValue(r.body(), EkranNaive.LIST));
    }
}
