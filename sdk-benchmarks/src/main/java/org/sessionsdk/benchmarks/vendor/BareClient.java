package org.sessionsdk.benchmarks.vendor;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The per-call baseline: the session list request written by hand with a bare
 * {@link java.net.http.HttpClient} and its answer read into the same records the SDK returns.
 */
public interface BareClient extends AutoCloseable {

    /**
     * {@return the sessions, read with a blocking {@code send}}
     *
     * @throws IOException          if the call fails or the answer is not an ok list
     * @throws InterruptedException if interrupted while waiting
     */
    List<?> list() throws IOException, InterruptedException;

    /** {@return the sessions, read with {@code sendAsync} and parsed in a dependent stage} */
    CompletableFuture<? extends List<?>> listAsync();

    /** Nothing to release: {@code java.net.http.HttpClient} is closeable only from Java 21, its threads are daemons. */
    @Override
    default void close() {
    }
}
