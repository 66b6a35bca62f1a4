package org.sessionsdk.core.error;

import java.time.Duration;
import java.util.Optional;

/** The server asked the client to slow down (HTTP 429). Carries the server's {@code Retry-After}, when sent. */
public class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(ErrorDetails details, Duration retryAfter) {
        super(details);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait before the next call. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
