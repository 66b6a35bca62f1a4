package org.sessionsdk.core.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.http.SdkHttpResponse;

/**
 * A non-2xx answer handed to a vendor's {@link ErrorDecoder}: the safe details, the Retry-After, and
 * the first bytes of the body (capped, so a huge error page costs nothing).
 *
 * @param details    status, method, path, attempts; no vendor code yet
 * @param retryAfter the server's Retry-After, or null
 * @param body       up to {@link ApiCaller#ERROR_BODY_LIMIT} bytes of the body
 * @param response   the response (its body already consumed), for headers
 * @param url        scheme, host, port and path of the request, never its query string
 */
public record ErrorContext(ErrorDetails details, Duration retryAfter, byte[] body, SdkHttpResponse response,
                           String url) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The exception for the status alone, with the vendor's code and text when known. */
    public ApiException byStatus(String vendorCode, String vendorMessage) {
        return ApiErrors.forStatus(details.withVendorError(vendorCode, vendorMessage), retryAfter);
    }
}
