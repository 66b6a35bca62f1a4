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
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonProvider;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.Simulator;

/**
 * SAYMON in the benchmarks: {@code sessions().stream(query)} with the page size (and cap) a benchmark
 * asks for, and its list forms with the default query. No bare-client baseline.
 */
final class SaymonBench implements BenchVendor {
    private final WireFormat wire = new SaymonWire();

    @Override
    public String name() {
        return "saymon";
    }

    @Override
    public String displayName() {
        return "SAYMON";
    }

    @Override
    public WireFormat wire() {
        return wire;
    }

    /** Basic auth (the provider's default) with a made-up login. */
    @Override
    public Map<String, String> settings(URI endpoint) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(CommonSettings.ENDPOINT, endpoint.toString());
        s.put(SaymonProvider.USERNAME, "bench");
        s.put(SaymonProvider.PASSWORD, "bench-password");
        return s;
    }

    @Override
    public Stream<?> stream(SessionClient client, int pageSize, int limit) {
        SaymonSessionQuery.Builder q = SaymonSessionQuery.builder().pageSize(pageSize);
        if (limit > 0) {
            q.limit(limit);
        }
        return ((SaymonClient) client).sessions().stream(q.build());
    }

    @Override
    public List<?> list(SessionClient client) {
        return ((SaymonClient) client).sessions().list(SaymonSessionQuery.builder().build());
    }

    @Override
    public CompletableFuture<? extends List<?>> listAsync(SessionClient client) {
        return ((SaymonClient) client).sessions().listAsync(SaymonSessionQuery.builder().build());
    }

    @Override
    public long parseHandWritten(InputStream body, Consumer<Object> sink) throws IOException {
        return SaymonHandWritten.parse(body, sink);
    }

    @Override
    public long parseNaive(InputStream body, Consumer<Object> sink) throws IOException {
        List<?> records = SaymonNaive.parse(body);
        records.forEach(sink);
        return records.size();
    }

    @Override
    public Optional<BareClient> bareClient(URI endpoint, Executor executor) {
        return Optional.empty();
    }

    @Override
    public Simulator tenant(Simulator simulator, int number) {
        return ((SaymonSimulator) simulator).tenant(number);
    }

    @Override
    public BareSessionPoll bareSessionPoll(Map<String, String> settings) {
        return new SaymonBareFleet(settings);
    }
}
