package org.sessionsdk.core.error;

/**
 * Nothing usable came back: the connection failed, timed out or broke while the body was read.
 * {@link #kind()} says which.
 */
public class TransportException extends SdkException {
    private static final long serialVersionUID = 1L;

    /** What went wrong on the wire. */
    public enum Kind {
        /** Could not connect (refused, unknown host, TLS handshake failed). The request was not sent. */
        CONNECT,
        /** The connection was not established within the connect timeout. */
        CONNECT_TIMEOUT,
        /** No response headers arrived within the request (per-attempt) timeout. */
        RESPONSE_TIMEOUT,
        /** The body stalled: no bytes arrived within the read timeout. */
        READ_TIMEOUT,
        /** The whole call, retries included, exceeded the call timeout. */
        CALL_TIMEOUT,
        /** Any other I/O failure: reset, closed mid-body, malformed chunking. */
        IO,
        /** The calling thread was interrupted. */
        INTERRUPTED
    }

    /** What went wrong on the wire. */
    private final Kind kind;

    /**
     * A failure on the wire.
     *
     * @param kind    what went wrong; its name starts the message
     * @param message details, without secrets or query strings
     * @param cause   the I/O exception behind it, or null
     */
    public TransportException(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = kind;
    }

    /** {@return what went wrong on the wire} */
    public Kind kind() {
        return kind;
    }

    /** {@return whether the failure is a timeout of any kind} */
    public boolean isTimeout() {
        return kind == Kind.CONNECT_TIMEOUT || kind == Kind.RESPONSE_TIMEOUT
                || kind == Kind.READ_TIMEOUT || kind == Kind.CALL_TIMEOUT;
    }

    @Override
    public boolean retryable() {
        return kind != Kind.INTERRUPTED;
    }
}
