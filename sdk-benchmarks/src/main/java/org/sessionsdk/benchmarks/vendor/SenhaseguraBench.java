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
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraProvider;
import org.sessionsdk.testkit.SenhaseguraSimulator;
import org.sessionsdk.testkit.Simulator;

/**
 * senhasegura in the benchmarks: {@code sessions().stream()} and its list forms, signed in with OAuth 2
 * client credentials (the provider's default; a server answers the token request). No bare-client baseline.
 */
final class SenhaseguraBench implements BenchVendor {
    private final WireFormat wire = new SenhaseguraWire();

    @Override
    public String name() {
        return "senhasegura";
    }

    @Override
    public String displayName() {
        return "senhasegura";
    }

    @Override
    public WireFormat wire() {
        return wire;
    }

    @Override
    public Map<String, String> settings(URI endpoint) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(CommonSettings.ENDPOINT, endpoint.toString());
        s.put(SenhaseguraProvider.CLIENT_ID, "bench-client");
        s.put(SenhaseguraProvider.CLIENT_SECRET, "bench-secret");
        return s;
    }

    @Override
    public Stream<?> stream(SessionClient client, int pageSize, int limit) {
        return ((SenhaseguraClient) client).sessions().stream();
    }

    @Override
    public List<?> list(SessionClient client) {
        return ((SenhaseguraClient) client).sessions().list();
    }

    @Override
    public CompletableFuture<? extends List<?>> listAsync(SessionClient client) {
        return ((SenhaseguraClient) client).sessions().listAsync();
    }

    @Override
    public long parseHandWritten(InputStream body, Consumer<Object> sink) throws IOException {
        return SenhaseguraHandWritten.parse(body, sink);
    }

    @Override
    public long parseNaive(InputStream body, Consumer<Object> sink) throws IOException {
        List<?> records = SenhaseguraNaive.parse(body);
        records.forEach(sink);
        return records.size();
    }

    @Override
    public Optional<BareClient> bareClient(URI endpoint, Executor executor) {
        return Optional.empty();
    }

    @Override
    public Simulator tenant(Simulator simulator, int number) {
        return ((SenhaseguraSimulator) simulator).tenant(number);
    }

    @Override
    public BareSessionPoll bareSessionPoll(Map<String, String> settings) {
        return new SenhaseguraBareFleet(settings);
    }
}
