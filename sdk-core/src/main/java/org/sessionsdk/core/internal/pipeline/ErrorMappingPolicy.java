package org.sessionsdk.core.internal.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.ErrorContext;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.retry.RetryAfter;

/**
 * Turns a non-2xx answer into the vendor's exception: reads at most {@link ApiCaller#ERROR_BODY_LIMIT} bytes
 * of its body, the Retry-After and the request id, and asks the vendor's decoder, falling back to the
 * status table when the decoder fails. A 2xx answer passes untouched, its body unread. An asynchronous
 * call's error body is in memory before this runs ({@link SendPolicy}), so reading it never waits.
 */
final class ErrorMappingPolicy implements HttpPipelinePolicy {
    private final ErrorDecoder decoder;
    private final Clock clock;

    ErrorMappingPolicy(ErrorDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<SdkHttpResponse> process(PipelineCall call, Next next) {
        return next.proceed().thenApply(response -> map(call, response));
    }

    /** The response itself when 2xx; else the vendor's exception, thrown (an asynchronous call's body is gathered already). */
    private SdkHttpResponse map(PipelineCall call, SdkHttpResponse response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        byte[] body = readCapped(response);
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
        call.retryAfter(retryAfter);
        ErrorDetails details = new ErrorDetails(status, null, null, call.call().method(), call.path(),
                requestId(response), call.attempt(), null);
        throw decode(new ErrorContext(details, retryAfter, body, response, call.url()));
    }

    private ApiException decode(ErrorContext ctx) {
        try {
            ApiException e = decoder.decode(ctx);
            return e != null ? e : ctx.byStatus(null, null);
        } catch (RuntimeException decoderBug) {
            return ctx.byStatus(null, null);
        }
    }

    /** The request id a server put on its answer ({@code X-Request-Id} or {@code Request-Id}), or null. */
    static String requestId(SdkHttpResponse r) {
        String id = r.header("X-Request-Id");
        return id != null ? id : r.header("Request-Id");
    }

    private static byte[] readCapped(SdkHttpResponse response) {
        try (response) {
            InputStream in = response.body();
            return in.readNBytes(ApiCaller.ERROR_BODY_LIMIT);
        } catch (IOException e) {
            return new byte[0]; // the status alone still says what failed
        }
    }
}
