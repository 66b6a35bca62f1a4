package org.sessionsdk.core.internal.pipeline;

import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.CallObservation;

/**
 * Tells the call's listeners of each request as it goes to the wire (signed, its headers set, any
 * header a listener adds, such as {@code traceparent}, added) and of its answer (any status, before
 * the error mapping) or its transport failure. A resend with refreshed credentials passes here again
 * under the same attempt number.
 */
final class CallListenerPolicy implements HttpPipelinePolicy {

    @Override
    public SdkHttpResponse process(PipelineCall call, Next next) {
        CallObservation o = call.observation();
        if (o == null) {
            return next.proceed();
        }
        int attempt = call.attempt();
        o.attemptStarted(attempt, attempt > 1 ? call.retryReason() : null, attempt > 1 ? call.retryDelay() : null,
                call::addHeaderIfAbsent);
        long sent = System.nanoTime();
        SdkHttpResponse r;
        try {
            r = next.proceed();
        } catch (RuntimeException | Error e) {
            o.attemptEnded(attempt, 0, sent, null, e);
            throw e;
        }
        o.attemptEnded(attempt, r.statusCode(), sent, ErrorMappingPolicy.requestId(r), null);
        return r;
    }
}
