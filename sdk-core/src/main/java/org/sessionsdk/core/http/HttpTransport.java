package org.sessionsdk.core.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The one seam between the SDK and an HTTP library: send a request, get status, headers and a body
 * stream. The default is {@link JdkHttpTransport}; plug in another through the client builder's
 * {@code transport(...)}.
 *
 * <p>Implementations must be thread-safe. They report failures as {@link IOException}s, from
 * {@code send} and from the body stream's {@code read}; the SDK maps them to its own exceptions:
 * <ul>
 *   <li>a timeout is a {@link TransportTimeoutException} whose kind says which limit was hit:
 *       {@code CONNECT_TIMEOUT} (no connection, the request was not sent), {@code RESPONSE_TIMEOUT} (no
 *       response headers within {@code timeout}) or {@code READ_TIMEOUT} (the body stalled longer than
 *       the read timeout). Nothing of the HTTP library the transport is built on is needed for that;
 *   <li>a {@link java.net.ConnectException}, {@link java.net.UnknownHostException} or
 *       {@link javax.net.ssl.SSLException} when no connection could be made (the request was provably
 *       not sent, so even a write may be retried);
 *   <li>any other {@code IOException} for everything else (reset, closed mid-body).
 * </ul>
 * A {@code java.net.http.HttpTimeoutException} is still understood, for transports written against
 * earlier versions of this contract.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends the request and returns once the status line and headers have arrived.
     *
     * @param request  the request
     * @param timeout  how long to wait for the response headers
     * @return the response, whose body the caller reads and closes
     * @throws TransportTimeoutException if no connection or no response headers came in time
     * @throws IOException          if the request could not be sent or no response arrived
     * @throws InterruptedException if the calling thread was interrupted
     */
    SdkHttpResponse send(SdkHttpRequest request, Duration timeout) throws IOException, InterruptedException;

    /**
     * Sends the request without a thread waiting for the answer: the asynchronous calls
     * ({@code listAsync}, a feed's {@code pollAsync}) use this. The future completes once the status line
     * and headers have arrived, or fails with the exceptions {@link #send} throws. A body that
     * implements {@link BufferingBody} lets those calls gather it without waiting too.
     *
     * <p>The default sends on the calling thread with {@link #send}, for transports that only block;
     * override it where the HTTP library can do better.
     *
     * @param request the request
     * @param timeout how long to wait for the response headers
     * @return the response, whose body the caller reads and closes
     */
    default CompletableFuture<SdkHttpResponse> sendAsync(SdkHttpRequest request, Duration timeout) {
        try {
            return CompletableFuture.completedFuture(send(request, timeout));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Releases connections and threads. Further sends fail. */
    @Override
    void close();
}
