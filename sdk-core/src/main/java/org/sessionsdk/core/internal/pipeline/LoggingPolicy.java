package org.sessionsdk.core.internal.pipeline;

import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.HttpLog;

/** One DEBUG line per attempt (and headers at TRACE, redacted by allow-list), next to the wire. */
final class LoggingPolicy implements HttpPipelinePolicy {
    private final HttpLog log;

    LoggingPolicy(HttpLog log) {
        this.log = log;
    }

    @Override
    public SdkHttpResponse process(PipelineCall call, Next next) {
        SdkHttpRequest request = call.finalRequest();
        String method = request.method();
        log.sent(method, call.path(), call.attempt(), request.headers());
        long start = System.nanoTime();
        try {
            SdkHttpResponse r = next.proceed();
            log.received(method, call.path(), r.statusCode(), millisSince(start), call.attempt(), r.headers());
            return r;
        } catch (TransportException e) {
            log.failed(method, call.path(), millisSince(start), call.attempt(), e.getMessage());
            throw e;
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
