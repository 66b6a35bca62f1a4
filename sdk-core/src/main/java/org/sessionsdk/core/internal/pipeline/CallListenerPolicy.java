package org.sessionsdk.core.internal.pipeline;

import java.util.concurrent.CompletableFuture;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.CallObservation;
import org.sessionsdk.core.internal.concurrent.Futures;

/**
 * Tells the call's listeners of each request as it goes to the wire (signed, its headers set, any
 * header a listener adds, such as {@code traceparent}, added) and of its answer (any status, before
 * the error mapping) or its transport failure. A resend with refreshed credentials passes here again
 * under the same attempt number.
 */
final class CallListenerPolicy implements HttpPipelinePolicy {

    @Override
    public CompletableFuture<SdkHttpResponse> process(PipelineCall call, Next next) {
        CallObservation o = call.observation();
        if (o == null) {
            return next.proceed();
        }
        int attempt = call.attempt();
        o.attemptStarted(attempt, attempt > 1 ? call.retryReason() : null, attempt > 1 ? call.retryDelay() : null,
                call::addHeaderIfAbsent);
        long sent = System.nanoTime();
        return Futures.call(next::proceed).whenComplete((r, failure) -> {
            if (failure != null) {
                o.attemptEnded(attempt, 0, sent, null, Futures.unwrap(failure));
            } else {
                o.attemptEnded(attempt, r.statusCode(), sent, ErrorMappingPolicy.requestId(r), null);
            }
        });
    }
}
