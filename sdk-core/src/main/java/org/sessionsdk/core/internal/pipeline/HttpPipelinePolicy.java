package org.sessionsdk.core.internal.pipeline;

import org.sessionsdk.core.http.SdkHttpResponse;

/**
 * One step a call passes on its way to the server and back: it may change the request, call
 * {@link Next#proceed()} (once, several times, or not at all), and look at or replace what comes
 * back. A failure is an {@link org.sessionsdk.core.error.SdkException}; policies never wrap whole
 * operations.
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
    SdkHttpResponse process(PipelineCall call, Next next);

    /** The policies after this one, ending at the transport. */
    @FunctionalInterface
    interface Next {
        /** {@return the response of the rest of the pipeline} */
        SdkHttpResponse proceed();
    }
}
