package org.sessionsdk.core.http;

import java.io.IOException;
import java.time.Duration;

/**
 * The one seam between the SDK and an HTTP library: send a request, get status, headers and a body
 * stream. The default is {@link JdkHttpTransport}; plug in another through the client builder's
 * {@code transport(...)}.
 *
 * <p>Implementations must be thread-safe. They report failures as {@link IOException}s (a
 * {@link java.net.ConnectException} when the request was provably not sent, a
 * {@link java.net.http.HttpTimeoutException} on timeouts); the SDK maps them to its own exceptions.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends the request and returns once the status line and headers have arrived.
     *
     * @param request  the request
     * @param timeout  how long to wait for the response headers
     * @return the response, whose body the caller reads and closes
     * @throws IOException          if the request could not be sent or no response arrived in time
     * @throws InterruptedException if the calling thread was interrupted
     */
    SdkHttpResponse send(SdkHttpRequest request, Duration timeout) throws IOException, InterruptedException;

    /** Releases connections and threads. Further sends fail. */
    @Override
    void close();
}
