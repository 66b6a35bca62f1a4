package org.sessionsdk.core.internal.pipeline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.concurrent.Futures;

/**
 * Sets how long this attempt may wait for response headers: the call's own timeout or the client's
 * request timeout, cut to what is left of the whole call's deadline (the client's call timeout or a
 * feed's poll timeout); fails at once when that is spent, and an attempt that times out because of
 * the cut is reported as the deadline running out.
 */
final class AttemptTimeoutPolicy implements HttpPipelinePolicy {
    private final ClientConfig config;

    AttemptTimeoutPolicy(ClientConfig config) {
        this.config = config;
    }

    @Override
    public CompletableFuture<SdkHttpResponse> process(PipelineCall call, Next next) {
        Duration t = call.call().requestTimeout() != null ? call.call().requestTimeout() : config.requestTimeout();
        boolean cut = false;
        if (call.deadlineNanos() != Long.MAX_VALUE) {
            long left = call.deadlineNanos() - System.nanoTime();
            if (left <= 0) {
                return Futures.failed(ranOut(call, null));
            }
            cut = left < t.toNanos();
            t = Duration.ofNanos(Math.min(t.toNanos(), left));
        }
        call.attemptTimeout(t);
        if (!cut) {
            return next.proceed();
        }
        return next.proceed().exceptionallyCompose(failure -> {
            Throwable e = Futures.unwrap(failure);
            // the attempt's wait was the rest of the call's: its end is the deadline's, say so
            if (e instanceof TransportException te && te.kind() == TransportException.Kind.RESPONSE_TIMEOUT) {
                return Futures.failed(ranOut(call, te));
            }
            return Futures.failed(e);
        });
    }

    private static TransportException ranOut(PipelineCall call, Throwable cause) {
        return new TransportException(TransportException.Kind.CALL_TIMEOUT,
                call + ": " + call.deadlineName() + " ran out", cause);
    }
}
