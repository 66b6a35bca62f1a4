package org.sessionsdk.core.error;

import java.time.Duration;

/** Picks the {@link ApiException} subtype that fits an HTTP status. */
public final class ApiErrors {
    private ApiErrors() {
    }

    /**
     * The exception for {@code details.statusCode()}: 401, 403, 404, 429 and 5xx get their own types.
     *
     * @param details    what is known about the failed call
     * @param retryAfter the server's {@code Retry-After}, or null; kept only by a {@link RateLimitedException}
     * @return the most specific {@link ApiException} subtype for the status, never null
     */
    public static ApiException forStatus(ErrorDetails details, Duration retryAfter) {
        int s = details.statusCode();
        if (s == 401) {
            return new AuthenticationException(details);
        }
        if (s == 403) {
            return new PermissionDeniedException(details);
        }
        if (s == 404) {
            return new NotFoundException(details);
        }
        if (s == 429) {
            return new RateLimitedException(details, retryAfter);
        }
        if (s >= 500 && s <= 599) {
            return new ServerException(details);
        }
        return new ApiException(details);
    }
}
