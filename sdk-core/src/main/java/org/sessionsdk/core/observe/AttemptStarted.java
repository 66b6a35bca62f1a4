package org.sessionsdk.core.observe;

import java.time.Duration;

/**
 * One HTTP attempt is about to be sent, signed and with its headers set.
 *
 * @param call        what the call is
 * @param attempt     which attempt, from 1
 * @param resendCount how many requests of this call were sent before this one (retries, and a resend
 *                    with refreshed credentials, which is not a new attempt)
 * @param retryReason why the previous attempt is repeated: the HTTP status ({@code "503"}) or the
 *                    transport failure ({@code "connect"}, {@code "response_timeout"}, ...); null on
 *                    the first request
 * @param retryDelay  how long the SDK waited before this attempt; null on the first
 */
public record AttemptStarted(CallInfo call, int attempt, int resendCount, String retryReason, Duration retryDelay) {
}
