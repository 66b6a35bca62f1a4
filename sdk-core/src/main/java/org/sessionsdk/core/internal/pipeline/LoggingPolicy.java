package org.sessionsdk.core.internal.pipeline;

import java.util.concurrent.CompletableFuture;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.HttpLog;
import org.sessionsdk.core.internal.concurrent.Futures;

/** One DEBUG line per attempt (and headers at TRACE, redacted by allow-list), next to the wire. */
final class LoggingPolicy implements HttpPipelinePolicy {
    private final HttpLog log;

    LoggingPolicy(HttpLog log) {
        this.log = log;
    }

    @Override
    public CompletableFuture<SdkHttpResponse> process(PipelineCall call, Next next) {
        SdkHttpRequest request = call.finalRequest();
        String method = request.method();
        int attempt = call.attempt();
        log.sent(method, call.path(), attempt, request.headers());
        long start = System.nanoTime();
        return Futures.call(next::proceed).whenComplete((r, failure) -> {
            if (failure == null) {
                log.received(method, call.path(), r.statusCode(), millisSince(start), attempt, r.headers());
            } else if (Futures.unwrap(failure) instanceof TransportException e) {
                log.failed(method, call.path(), millisSince(start), attempt, e.getMessage());
            }
        });
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
