package org.sessionsdk.benchmarks.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranProvider;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.Simulator;

/** Ekran System in the benchmarks: {@code sessions().stream(EkranSessionQuery.all())} and its list forms. */
final class EkranBench implements BenchVendor {
    /** The made-up API key the benchmarks sign in with. */
    static final String API_KEY = "bench-api-key";

    private final WireFormat wire = new EkranWire();

    @Override
    public String name() {
        return "ekran";
    }

    @Override
    public String displayName() {
        return "Ekran";
    }

    @Override
    public WireFormat wire() {
        return wire;
    }

    @Override
    public Map<String, String> settings(URI endpoint) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(CommonSettings.ENDPOINT, endpoint.toString());
        s.put(EkranProvider.API_KEY, API_KEY);
        return s;
    }

    @Override
    public Stream<?> stream(SessionClient client, int pageSize, int limit) {
        return ((EkranClient) client).sessions().stream(EkranSessionQuery.all());
    }

    @Override
    public List<?> list(SessionClient client) {
        return ((EkranClient) client).sessions().list(EkranSessionQuery.all());
    }

    @Override
    public CompletableFuture<? extends List<?>> listAsync(SessionClient client) {
        return ((EkranClient) client).sessions().listAsync(EkranSessionQuery.all());
    }

    @Override
    public long parseHandWritten(InputStream body, Consumer<Object> sink) throws IOException {
        return EkranHandWritten.parse(body, sink);
    }

    @Override
    public long parseNaive(InputStream body, Consumer<Object> sink) throws IOException {
        List<?> records = EkranNaive.parse(body);
        records.forEach(sink);
        return records.size();
    }

    @Override
    public Optional<BareClient> bareClient(URI endpoint, Executor executor) {
        return Optional.of(new EkranBare(endpoint, executor));
    }

    @Override
    public Simulator tenant(Simulator simulator, int number) {
        return ((EkranSimulator) simulator).tenant(number);
    }

    @Override
    public BareSessionPoll bareSessionPoll(Map<String, String> settings) {
        return new EkranBareFleet(settings);
    }
}
