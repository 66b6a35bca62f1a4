package org.sessionsdk.benchmarks.support;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sessionsdk.benchmarks.vendor.BenchVendor;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.config.ClientBuilder;
import org.sessionsdk.core.feed.Feed;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.http.HttpTransport;

/**
 * One vendor's client, opened the way code that does not know the vendor opens it
 * ({@link SessionClients#open} with the vendor's settings), and the calls the benchmarks measure on it.
 */
public final class SdkClient implements AutoCloseable {
    /** An endpoint never contacted (requests go to a plugged-in transport). */
    public static final URI UNUSED_ENDPOINT = URI.create("http://127.0.0.1:9");

    private final BenchVendor vendor;
    private final SessionClient client;

    private SdkClient(BenchVendor vendor, SessionClient client) {
        this.vendor = vendor;
        this.client = client;
    }

    /**
     * {@return a client of {@code endpoint}, over the network}
     *
     * @param vendor   the vendor
     * @param endpoint the server
     */
    public static SdkClient create(BenchVendor vendor, URI endpoint) {
        return create(vendor, endpoint, b -> { });
    }

    /**
     * {@return a client whose requests go to {@code transport} instead of the network}
     *
     * @param vendor    the vendor
     * @param endpoint  the server the requests name
     * @param transport where they go
     */
    public static SdkClient create(BenchVendor vendor, URI endpoint, HttpTransport transport) {
        return create(vendor, endpoint, b -> b.transport(transport));
    }

    /**
     * {@return a client of {@code endpoint}}
     *
     * @param vendor    the vendor
     * @param endpoint  the server
     * @param customize applied to the vendor's builder after the settings (a transport, async threads, listeners)
     */
    public static SdkClient create(BenchVendor vendor, URI endpoint, Consumer<ClientBuilder<?>> customize) {
        return new SdkClient(vendor, SessionClients.open(vendor.name(), vendor.settings(endpoint), customize));
    }

    /** {@return the vendor} */
    public BenchVendor vendor() {
        return vendor;
    }

    /**
     * The public streaming call ({@link BenchVendor#stream}).
     *
     * @param pageSize records per request, where the vendor's list call pages
     * @param limit    cap on the records where it pages (stops paging at the cap), or 0 for none
     * @return the records; close the stream
     */
    public Stream<?> stream(int pageSize, int limit) {
        return vendor.stream(client, pageSize, limit);
    }

    /** {@return the session list a feed of this vendor reads, as one call ({@link BenchVendor#list})} */
    public List<?> list() {
        return vendor.list(client);
    }

    /** {@return {@link #list()} as the vendor's {@code listAsync}} */
    public CompletableFuture<? extends List<?>> listAsync() {
        return vendor.listAsync(client);
    }

    /**
     * {@return the client's session feed}
     *
     * @param options where to start and how often to poll
     */
    public Feed<SessionChange> sessionFeed(FeedOptions options) {
        return client.sessionFeed(options);
    }

    /** Closes the client. */
    @Override
    public void close() {
        client.close();
    }
}
