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

    /** Status only: no vendor code or text. */
    static ErrorDecoder byStatus() {
        return ctx -> ctx.byStatus(null, null);
    }
}
