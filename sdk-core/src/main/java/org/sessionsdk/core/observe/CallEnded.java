package org.sessionsdk.core.observe;

import java.time.Duration;

/**
 * A logical call ended: its body was read and closed (a stream: when it is closed, read to its end or
 * not), or it failed. Reported once per call.
 *
 * @param call          what the call is
 * @param attempts      the attempts made
 * @param statusCode    the status of the last answer, or 0 when none came
 * @param duration      from the start of the call to its end, body included
 * @param bytesRead     bytes of the 2xx body the SDK read
 * @param recordsParsed records the SDK parsed from the body and handed on
 * @param requestId     the server's request id on the last answer, or null
 * @param exceptionType the class name of the exception the call failed with, or null on success
 */
public record CallEnded(CallInfo call, int attempts, int statusCode, Duration duration, long bytesRead,
                        long recordsParsed, String requestId, String exceptionType) {
    /** {@return whether the call failed} */
    public boolean failed() {
        return exceptionType != null;
    }
}
