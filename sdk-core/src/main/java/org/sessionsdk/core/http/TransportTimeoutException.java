package org.sessionsdk.core.http;

import java.io.IOException;
import java.util.Objects;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.error.TransportException.Kind;

/**
 * What an {@link HttpTransport} throws when it gave up waiting: from
 * {@link HttpTransport#send(SdkHttpRequest, java.time.Duration) send} when no connection or no response
 * headers came in time, and from the body stream's {@code read} when the body stalled. The SDK turns it
 * into a {@link TransportException} of the same {@link #kind()}.
 *
 * <p>It is an {@link IOException} so that a transport's {@code send} and its body {@code InputStream}
 * can throw it where they throw any other I/O failure; a transport never needs an exception of the HTTP
 * library it is built on to report a timeout.
 */
public class TransportTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Which limit was hit. */
    private final Kind kind;

    /**
     * A timeout.
     *
     * @param kind    which limit was hit: {@link Kind#CONNECT_TIMEOUT} (no connection, the request was
     *                not sent), {@link Kind#RESPONSE_TIMEOUT} (no response headers in time) or
     *                {@link Kind#READ_TIMEOUT} (no body bytes in time)
     * @param message details, without secrets or query strings
     * @param cause   the HTTP library's own exception, or null
     * @throws IllegalArgumentException if {@code kind} is not one of those three
     */
    public TransportTimeoutException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.CONNECT_TIMEOUT && kind != Kind.RESPONSE_TIMEOUT && kind != Kind.READ_TIMEOUT) {
            throw new IllegalArgumentException("not a transport timeout: " + kind);
        }
        this.kind = kind;
    }

    /** {@return which limit was hit: CONNECT_TIMEOUT, RESPONSE_TIMEOUT or READ_TIMEOUT} */
    public Kind kind() {
        return kind;
    }
}
