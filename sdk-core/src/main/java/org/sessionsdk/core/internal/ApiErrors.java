package org.sessionsdk.core.internal;

import java.time.Duration;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.error.RateLimitedException;
import org.sessionsdk.core.error.ServerException;

/**
 * The one status-to-exception table: picks the {@link ApiException} subtype that fits an HTTP
 * status. Errors a vendor reports inside a 200 (Plesk's packet codes, senhasegura's envelope) go
 * through the same table with the status they stand for.
 *
 * <p>SDK-internal: applications receive these exceptions, they never pick them.
 */
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
        return forStatus(details.statusCode(), details, retryAfter);
    }

    /**
     * The exception for an error that stands for {@code status}, while {@code details} keep the
     * status the server really sent (200 for an error inside a successful answer).
     *
     * @param status     the HTTP status the error stands for; 0 or any other for a plain {@link ApiException}
     * @param details    what is known about the call
     * @param retryAfter the server's Retry-After, or null
     * @return the exception
     */
    public static ApiException forStatus(int status, ErrorDetails details, Duration retryAfter) {
        int s = status;
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
