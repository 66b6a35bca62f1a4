package org.sessionsdk.core.internal.pipeline;

import java.time.Duration;
import java.util.Locale;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.HttpLog;
import org.sessionsdk.core.internal.TransportErrors;
import org.sessionsdk.core.retry.RetryPolicy;

/**
 * Runs the attempts of a call. Each rule that allows another attempt is one early return:
 * <ul>
 * <li>a connection that failed, or headers that never came: again if the call is safe to repeat, or
 *     the request provably never left (a write is then safe too);</li>
 * <li>a retryable status (429, 502, 503, 504) on a call safe to repeat: again after the backoff or the
 *     server's Retry-After;</li>
 * <li>never past {@code maxAttempts}, never when the wait would not fit in the call timeout, never
 *     after an interrupt, never when a policy marked the failure final (no credentials to be had).</li>
 * </ul>
 * A body that fails mid-stream is not seen here: the caller may already have consumed part of it.
 */
final class RetryingPolicy implements HttpPipelinePolicy {
    private final RetryPolicy policy;
    private final HttpLog log;

    RetryingPolicy(RetryPolicy policy, HttpLog log) {
        this.policy = policy;
        this.log = log;
    }

    @Override
    public SdkHttpResponse process(PipelineCall call, Next next) {
        while (true) {
            call.nextAttempt();
            try {
                return next.proceed();
            } catch (TransportException e) {
                if (!mayRepeat(call, e) || !pause(call, null, e.kind().name().toLowerCase(Locale.ROOT))) {
                    throw e;
                }
            } catch (ApiException e) {
                if (!call.call().idempotent() || !RetryPolicy.isRetryableStatus(e.statusCode())
                        || !pause(call, call.retryAfter(), Integer.toString(e.statusCode()))) {
                    throw e;
                }
            }
        }
    }

    private static boolean mayRepeat(PipelineCall call, TransportException e) {
        if (e.kind() == TransportException.Kind.INTERRUPTED || e.kind() == TransportException.Kind.CALL_TIMEOUT) {
            return false;
        }
        return call.call().idempotent() || TransportErrors.notSent(e);
    }

    /** Waits before the next attempt; false when there is none left or the wait would pass the deadline. */
    private boolean pause(PipelineCall call, Duration retryAfter, String reason) {
        if (call.failsFinally() || call.attempt() >= policy.maxAttempts()) {
            return false;
        }
        Duration delay = policy.delayBefore(call.attempt(), retryAfter);
        if (delay == null) {
            return false;
        }
        if (call.deadlineNanos() != Long.MAX_VALUE && System.nanoTime() + delay.toNanos() >= call.deadlineNanos()) {
            return false;
        }
        log.retrying(call.call().method(), call.path(), call.attempt(), delay.toMillis());
        call.retrying(reason, delay);
        try {
            policy.sleeper().sleep(delay);
            return true;
        } catch (InterruptedException e) {
            throw TransportErrors.interrupted(call.toString(), e);
        }
    }
}
