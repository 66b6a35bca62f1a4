package org.sessionsdk.core.error;

import java.time.Duration;
import java.util.Optional;

/** The server asked the client to slow down (HTTP 429). Carries the server's {@code Retry-After}, when sent. */
public class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** The server's {@code Retry-After}, or null when it sent none. */
    private final Duration retryAfter;

    /**
     * The server asked to slow down.
     *
     * @param details    what is known about the failed call
     * @param retryAfter the server's {@code Retry-After}, or null when it sent none
     */
    public RateLimitedException(ErrorDetails details, Duration retryAfter) {
        super(details);
        this.retryAfter = retryAfter;
    }

    /** {@return how long the server asked to wait before the next call, when it said} */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
