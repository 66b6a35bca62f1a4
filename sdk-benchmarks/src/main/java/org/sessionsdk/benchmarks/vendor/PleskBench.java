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
import javax.xml.stream.XMLStreamException;
import org.sessionsdk.core.client.CommonSettings;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskEventQuery;
import org.sessionsdk.plesk.PleskProvider;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.Simulator;

/**
 * Plesk in the benchmarks: the event log streams ({@code eventLog().stream(PleskEventQuery.all())}),
 * sessions are listed with {@code session/get} ({@code sessions().list()}).
 */
final class PleskBench implements BenchVendor {
    /** The made-up secret key the benchmarks sign in with. */
    static final String SECRET_KEY = "bench-secret-key";

    private final WireFormat wire = new PleskWire();

    @Override
    public String name() {
        return "plesk";
    }

    @Override
    public String displayName() {
        return "Plesk";
    }

    @Override
    public WireFormat wire() {
        return wire;
    }

    @Override
    public Map<String, String> settings(URI endpoint) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(CommonSettings.ENDPOINT, endpoint.toString());
        s.put(PleskProvider.API_KEY, SECRET_KEY);
        return s;
    }

    @Override
    public Stream<?> stream(SessionClient client, int pageSize, int limit) {
        return ((PleskClient) client).eventLog().stream(PleskEventQuery.all());
    }

    @Override
    public List<?> list(SessionClient client) {
        return ((PleskClient) client).sessions().list();
    }

    @Override
    public CompletableFuture<? extends List<?>> listAsync(SessionClient client) {
        return ((PleskClient) client).sessions().listAsync();
    }

    @Override
    public long parseHandWritten(InputStream body, Consumer<Object> sink) throws IOException {
        try {
            return PleskHandWritten.parse(body, sink);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public long parseNaive(InputStream body, Consumer<Object> sink) throws IOException {
        List<?> records = PleskNaive.parse(body);
        records.forEach(sink);
        return records.size();
    }

    @Override
    public Optional<BareClient> bareClient(URI endpoint, Executor executor) {
        return Optional.of(new PleskBare(endpoint, executor));
    }

    @Override
    public Simulator tenant(Simulator simulator, int number) {
        return ((PleskSimulator) simulator).tenant(number);
    }

    @Override
    public BareSessionPoll bareSessionPoll(Map<String, String> settings) {
        return new PleskBareFleet(settings);
    }
}
