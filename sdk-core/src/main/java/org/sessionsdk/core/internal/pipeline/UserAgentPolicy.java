package org.sessionsdk.core.internal.pipeline;

import org.sessionsdk.core.http.SdkHttpResponse;

/** Names the SDK (and the application's suffix) in {@code User-Agent}. */
final class UserAgentPolicy implements HttpPipelinePolicy {
    private final String userAgent;

    UserAgentPolicy(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public java.util.concurrent.CompletableFuture<SdkHttpResponse> process(PipelineCall call, Next next) {
        call.request().header("User-Agent", userAgent);
        return next.proceed();
    }
}
