package org.sessionsdk.core.internal;

import org.sessionsdk.core.error.ApiException;

/**
 * Turns a vendor's non-2xx answer into the right exception: reads the vendor's error body (JSON
 * {@code {code, message}}, an envelope, ...) and picks the type. Must not throw; when the body is
 * unreadable it falls back to {@link ErrorContext#byStatus}.
 */
@FunctionalInterface
public interface ErrorDecoder {
    ApiException decode(ErrorContext context);

    /**
     * Whether an error says the credentials that were sent are no longer accepted, so that fresh ones
     * (a new token, a new session) may be tried once. A 401 by default; a vendor that reports a stale
     * token in its own words, or inside a 200, says so here.
     *
     * @param error what the call failed with
     * @return true to let the auth policy refresh the credentials once
     */
    default boolean credentialsRejected(ApiException error) {
        return error.statusCode() == 401;
    }

    /** Status only: no vendor code or text. */
    static ErrorDecoder byStatus() {
        return ctx -> ctx.byStatus(null, null);
    }
}
