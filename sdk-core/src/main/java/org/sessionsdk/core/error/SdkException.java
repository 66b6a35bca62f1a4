package org.sessionsdk.core.error;

/**
 * Root of every exception the SDK throws. Unchecked, so callers catch only what they can act on.
 *
 * <p>Client-side failures (nothing usable came back: {@link TransportException},
 * {@link ResponseFormatException}) and service-side failures (the server said no: {@link ApiException}
 * and its subtypes) both extend it. Messages are built from safe parts only: never a secret, a
 * header value or a query string.
 */
public class SdkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An SDK failure with a message built from safe parts only.
     *
     * @param message what went wrong, without secrets
     */
    public SdkException(String message) {
        super(message);
    }

    /**
     * An SDK failure caused by another exception.
     *
     * @param message what went wrong, without secrets
     * @param cause   the underlying failure
     */
    public SdkException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@return whether repeating the same call later may succeed (a timeout, a 503); false by default} */
    public boolean retryable() {
        return false;
    }
}
