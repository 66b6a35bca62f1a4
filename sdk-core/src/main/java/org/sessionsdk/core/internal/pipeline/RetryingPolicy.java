package org.sessionsdk.core.internal.pipeline;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.HttpLog;
import org.sessionsdk.core.internal.TransportErrors;
import org.sessionsdk.core.internal.concurrent.Futures;
import org.sessionsdk.core.internal.concurrent.SdkExecutors;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.retry.Sleeper;

/**
 * Runs the attempts of a call. Each rule that allows another attempt is one early return:
 * <ul>
 * <li>a connection that failed, or headers that never came: again if the call is safe to repeat, or
 *     the request provably never left (a write is then safe too);</li>
 * <li>a retryable status (429, 502, 503, 504) on a call safe to repeat: again after the backoff or the
 *     server's Retry-After;</li>
 * <li>never past {@code maxAttempts}, never when the wait would not fit in the call timeout, never
 *     after an interrupt or a cancel, never when a policy marked the failure final (no credentials to be had).</li>
 * </ul>
 * A blocking call sleeps the backoff on its thread (through the policy's {@link Sleeper}); an
 * asynchronous one waits on a timer, with no thread held. A body that fails mid-stream is not seen
 * here: the caller may already have consumed part of it.
 */
final class RetryingPolicy implements HttpPipelinePolicy {
    private final RetryPolicy policy;
    private final HttpLog log;

    RetryingPolicy(RetryPolicy policy, HttpLog log) {
        this.policy = policy;
        this.log = log;
    }

    @Override
    public CompletableFuture<SdkHttpResponse> process(PipelineCall call, Next next) {
        call.nextAttempt();
        return Futures.call(next::proceed).exceptionallyCompose(failure -> {
            Throwable e = Futures.unwrap(failure);
            Duration delay = delayBeforeNext(call, e);
            if (delay == null) {
                return Futures.failed(e);
            }
            log.retrying(call.call().method(), call.path(), call.attempt(), delay.toMillis());
            return pause(call, delay).thenCompose(slept -> process(call, next));
        });
    }

    /** The wait before another attempt after {@code e}, or null when there is none. */
    private Duration delayBeforeNext(PipelineCall call, Throwable e) {
        if (e instanceof TransportException t) {
            return mayRepeat(call, t) ? delay(call, null, t.kind().name().toLowerCase(Locale.ROOT)) : null;
        }
        if (e instanceof ApiException a && call.call().idempotent() && RetryPolicy.isRetryableStatus(a.statusCode())) {
            return delay(call, call.retryAfter(), Integer.toString(a.statusCode()));
        }
        return null;
    }

    private static boolean mayRepeat(PipelineCall call, TransportException e) {
        if (e.kind() == TransportException.Kind.INTERRUPTED || e.kind() == TransportException.Kind.CALL_TIMEOUT) {
            return false;
        }
        return call.call().idempotent() || TransportErrors.notSent(e);
    }

    /** The wait before the next attempt; null when there is none left or the wait would pass the deadline. */
    private Duration delay(PipelineCall call, Duration retryAfter, String reason) {
        if (call.failsFinally() || call.cancelled() || call.attempt() >= policy.maxAttempts()) {
            return null;
        }
        Duration delay = policy.delayBefore(call.attempt(), retryAfter);
        if (delay == null) {
            return null;
        }
        if (call.deadlineNanos() != Long.MAX_VALUE && System.nanoTime() + delay.toNanos() >= call.deadlineNanos()) {
            return null;
        }
        call.retrying(reason, delay);
        return delay;
    }

    /** The backoff: slept on the caller's thread for a blocking call, on a timer for an asynchronous one. */
    private CompletableFuture<Void> pause(PipelineCall call, Duration delay) {
        if (call.isAsync() && policy.sleeper() == Sleeper.system()) {
            return SdkExecutors.delay(delay);
        }
        try {
            policy.sleeper().sleep(delay);
            return CompletableFuture.completedFuture(null);
        } catch (InterruptedException e) {
            return Futures.failed(TransportErrors.interrupted(call.toString(), e));
        }
    }
}
