package org.sessionsdk.benchmarks.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.testkit.Simulator;

/**
 * Everything a benchmark needs from one vendor: its wire format, how its SDK client is opened, the
 * SDK calls the benchmarks measure, and what a user could write instead (a hand-written loop on the raw
 * parser, whole-document binding, a bare {@code HttpClient} call). One implementation per vendor, in
 * files named after it; {@link BenchVendors} lists them, so the benchmarks themselves never name one.
 */
public interface BenchVendor {

    /** {@return the vendor's name, as {@code SessionClients} knows it, e.g. in {@code sidebyside.jsonl}} */
    String name();

    /** {@return the vendor's name as the result tables write it in a heading} */
    String displayName();

    /** {@return its list response, as the benchmarks generate it} */
    WireFormat wire();

    /**
     * {@return the settings ({@code VendorProvider.settings()}) that open a client of {@code endpoint}:
     * the endpoint and made-up credentials}
     *
     * @param endpoint the server
     */
    Map<String, String> settings(URI endpoint);

    /**
     * The public streaming call of the parse and memory benchmarks, on a client opened with
     * {@link #settings}.
     *
     * @param client   the vendor's client
     * @param pageSize records per request, where the vendor's list call pages
     * @param limit    cap on the records, where the vendor's list call pages (stops paging there), or 0
     * @return the records; close the stream
     */
    Stream<?> stream(SessionClient client, int pageSize, int limit);

    /**
     * {@return the session list a feed of this vendor reads, as one call} The per-call benchmarks' SDK side.
     *
     * @param client the vendor's client
     */
    List<?> list(SessionClient client);

    /**
     * {@return {@link #list} as the vendor's {@code listAsync}} The concurrency benchmarks' SDK side.
     *
     * @param client the vendor's client
     */
    CompletableFuture<? extends List<?>> listAsync(SessionClient client);

    /**
     * The hand-written baseline: one loop on the raw parser picking the same fields into the same records
     * the SDK returns, with the same conversions and minimal checks.
     *
     * @param body a {@link #wire()} body
     * @param sink gets every record
     * @return the number of records
     * @throws IOException if the body is not a well-formed ok answer
     */
    long parseHandWritten(InputStream body, Consumer<Object> sink) throws IOException;

    /**
     * The naive baseline: the whole document bound at once, then mapped into the same records.
     *
     * @param body a {@link #wire()} body
     * @param sink gets every record
     * @return the number of records
     * @throws IOException if the body is not a well-formed ok answer
     */
    long parseNaive(InputStream body, Consumer<Object> sink) throws IOException;

    /**
     * {@return the bare-{@code HttpClient} baseline of {@link #list}, or empty where none is written}
     *
     * @param endpoint the server
     * @param executor the JDK client's executor, or null for its default (a thread per response)
     */
    Optional<BareClient> bareClient(URI endpoint, Executor executor);

    /**
     * {@return tenant {@code number} of a testkit simulator of this vendor} The fleet run's servers.
     *
     * @param simulator a started simulator of this vendor
     * @param number    the tenant's number, from 1
     */
    Simulator tenant(Simulator simulator, int number);

    /**
     * {@return the bare fleet's part for one endpoint of this vendor: its session feed's requests for a
     * poll, sent with a bare {@code HttpClient} and read by hand}
     *
     * @param settings the endpoint's settings as the SDK gets them ({@code VendorProvider.settings()}: the
     *                 endpoint, a tenant's path included, and the credentials)
     */
    BareSessionPoll bareSessionPoll(Map<String, String> settings);
}
