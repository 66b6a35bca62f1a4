package org.sessionsdk.core.error;

/**
 * What is known about a failed service call. Built from safe parts only: method, path without the
 * query string, status, and what the vendor said.
 *
 * @param statusCode    HTTP status (200 when the vendor put the error in a successful response)
 * @param vendorCode    the vendor's error code, or null
 * @param vendorMessage the vendor's error text, or null
 * @param method        HTTP method of the request
 * @param path          path of the request, never with its query string
 * @param requestId     request id from the response, or null
 * @param attempts      attempts made, at least 1
 * @param hint          a sentence that helps the user act on the error, or null
 */
public record ErrorDetails(int statusCode, String vendorCode, String vendorMessage, String method,
                           String path, String requestId, int attempts, String hint) {

    /**
     * A copy with the vendor's own error code and text.
     *
     * @param code    the vendor's error code, or null
     * @param message the vendor's error text, or null
     * @return a new {@code ErrorDetails}; this one is unchanged
     */
    public ErrorDetails withVendorError(String code, String message) {
        return new ErrorDetails(statusCode, code, message, method, path, requestId, attempts, hint);
    }

    /**
     * A copy with another attempt count.
     *
     * @param n attempts made, at least 1
     * @return a new {@code ErrorDetails}; this one is unchanged
     */
    public ErrorDetails withAttempts(int n) {
        return new ErrorDetails(statusCode, vendorCode, vendorMessage, method, path, requestId, n, hint);
    }

    /**
     * A copy with a hint that helps the user act on the error.
     *
     * @param text a sentence for the user, or null
     * @return a new {@code ErrorDetails}; this one is unchanged
     */
    public ErrorDetails withHint(String text) {
        return new ErrorDetails(statusCode, vendorCode, vendorMessage, method, path, requestId, attempts, text);
    }

    String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(path).append(" failed: HTTP ").append(statusCode);
        if (vendorCode != null || vendorMessage != null) {
            sb.append(", vendor error");
            if (vendorCode != null) {
                sb.append(' ').append(vendorCode);
            }
            if (vendorMessage != null && !vendorMessage.isEmpty()) {
                sb.append(": ").append(vendorMessage);
            }
        }
        if (requestId != null) {
            sb.append(" (request id ").append(requestId).append(')');
        }
        if (attempts > 1) {
            sb.append(" after ").append(attempts).append(" attempts");
        }
        if (hint != null) {
            sb.append(". ").append(hint);
        }
        return sb.toString();
    }
}
