package org.sessionsdk.core.internal.pipeline;

import java.time.Duration;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.http.SdkHttpResponse;

/**
 * Sets how long this attempt may wait for response headers: the call's own timeout or the client's
 * request timeout, cut to what is left of the whole call's timeout; fails at once when that is spent.
 */
final class AttemptTimeoutPolicy implements HttpPipelinePolicy {
    private final ClientConfig config;

    AttemptTimeoutPolicy(ClientConfig config) {
        this.config = config;
    }

    @Override
    public SdkHttpResponse process(PipelineCall call, Next next) {
        Duration t = call.call().requestTimeout() != null ? call.call().requestTimeout() : config.requestTimeout();
        if (call.deadlineNanos() != Long.MAX_VALUE) {
            long left = call.deadlineNanos() - System.nanoTime();
            if (left <= 0) {
                throw new TransportException(TransportException.Kind.CALL_TIMEOUT,
                        call + ": the call timeout of " + config.callTimeout() + " ran out", null);
            }
            t = Duration.ofNanos(Math.min(t.toNanos(), left));
        }
        call.attemptTimeout(t);
        return next.proceed();
    }
}
