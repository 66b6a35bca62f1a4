package org.sessionsdk.core.observe;

import java.time.Duration;

/**
 * One HTTP attempt ended: its response headers arrived (any status; a 2xx body is still to be read),
 * or it failed on the wire.
 *
 * @param call          what the call is
 * @param attempt       which attempt, from 1
 * @param statusCode    the HTTP status, or 0 when no answer came
 * @param duration      from sending to the response headers, or to the failure
 * @param requestId     the server's {@code X-Request-Id} or {@code Request-Id}, or null
 * @param exceptionType the class name of the transport failure, or null when an answer came
 */
public record AttemptEnded(CallInfo call, int attempt, int statusCode, Duration duration, String requestId,
                           String exceptionType) {
    /** {@return whether this attempt failed: no answer, or a status of 400 or above} */
    public boolean failed() {
        return exceptionType != null || statusCode >= 400;
    }
}
