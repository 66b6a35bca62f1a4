package org.sessionsdk.core.internal.pipeline;

import java.util.concurrent.CompletableFuture;
import org.sessionsdk.core.http.SdkHttpResponse;

/**
 * One step a call passes on its way to the server and back: it may change the request, call
 * {@link Next#proceed()} (once, several times, or not at all), and look at or replace what comes
 * back. A failure is an {@link org.sessionsdk.core.error.SdkException}, thrown or as a failed future;
 * policies never wrap whole operations.
 *
 * <p>Each policy is written once, as a stage: for a blocking call every future is already complete
 * when it is returned (the transport's blocking send, backoffs slept on the calling thread), so the
 * stages run on the caller's thread as plain code would; for an asynchronous call they run when the
 * answer comes, and no thread waits meanwhile. A policy must therefore never wait itself: what may
 * wait (a login) goes through {@link org.sessionsdk.core.auth.RequestAuth#authorizeAsync}.
 *
 * <p>SDK-internal; vendors contribute their own through {@link HttpPipeline.Builder#vendorPolicy}.
 */
@FunctionalInterface
public interface HttpPipelinePolicy {

    /**
     * Handles the call at this step.
     *
     * @param call the call in flight: request, attempt, deadline
     * @param next the rest of the pipeline
     * @return the response; the caller closes it
     */
    CompletableFuture<SdkHttpResponse> process(PipelineCall call, Next next);

    /** The policies after this one, ending at the transport. */
    @FunctionalInterface
    interface Next {
        /** {@return the response of the rest of the pipeline; a failure is a failed future} */
        CompletableFuture<SdkHttpResponse> proceed();
    }
}
