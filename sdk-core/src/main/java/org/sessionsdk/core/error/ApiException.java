package org.sessionsdk.core.error;

import java.util.Optional;

/**
 * The server answered, and the answer was an error: an HTTP status outside 2xx, or a vendor error
 * carried inside a 200 body (Plesk, senhasegura do this).
 *
 * <p>Carries the HTTP status, the vendor's own error code and text, the request method and path (never
 * the query string), the request id where the vendor sends one, and how many attempts were made.
 */
public class ApiException extends SdkException {
    private static final long serialVersionUID = 1L;

    /** What is known about the failed call. */
    private final ErrorDetails details;

    /**
     * An error answer from the server.
     *
     * @param details what is known about the failed call; its summary becomes the message
     */
    public ApiException(ErrorDetails details) {
        this(details, null);
    }

    /**
     * An error answer from the server, with the exception that revealed it.
     *
     * @param details what is known about the failed call; its summary becomes the message
     * @param cause   the underlying failure, or null
     */
    public ApiException(ErrorDetails details, Throwable cause) {
        super(details.describe(), cause);
        this.details = details;
    }

    /** {@return everything known about the failed call} */
    public ErrorDetails details() {
        return details;
    }

    /** {@return the HTTP status code (200 when the vendor reported the error inside a successful response)} */
    public int statusCode() {
        return details.statusCode();
    }

    /** {@return the vendor's error code, e.g. Plesk's {@code 1013}, when it sent one} */
    public Optional<String> vendorCode() {
        return Optional.ofNullable(details.vendorCode());
    }

    /** {@return the vendor's error text, when it sent one} */
    public Optional<String> vendorMessage() {
        return Optional.ofNullable(details.vendorMessage());
    }

    /** {@return a request id the vendor sent back, for support tickets} */
    public Optional<String> requestId() {
        return Optional.ofNullable(details.requestId());
    }

    /** {@return how many attempts the SDK made before giving up (1 when it did not retry)} */
    public int attempts() {
        return details.attempts();
    }

    @Override
    public boolean retryable() {
        int s = details.statusCode();
        return s == 429 || s == 502 || s == 503 || s == 504;
    }
}
