package org.sessionsdk.core.internal.pipeline;

import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.ErrorDecoder;

/**
 * Puts the credentials on each attempt's request and, once per call, refreshes them when the server
 * rejects them (a 401, or what the vendor's decoder says is a rejection, even inside a 200), then
 * sends the request again. The refresh is not a retry: it does not use up an attempt. A failure to
 * get credentials at all (a token endpoint refusing the client) happens before sending and is final.
 */
final class AuthPolicy implements HttpPipelinePolicy {
    private final RequestAuth auth;
    private final ErrorDecoder errors;

    AuthPolicy(RequestAuth auth, ErrorDecoder errors) {
        this.auth = auth;
        this.errors = errors;
    }

    @Override
    public SdkHttpResponse process(PipelineCall call, Next next) {
        authorize(call);
        try {
            return next.proceed();
        } catch (ApiException rejection) {
            if (call.credentialsRefreshed() || !errors.credentialsRejected(rejection)
                    || !auth.refreshAfterRejection(call.finalRequest(), rejection)) {
                throw rejection;
            }
            call.credentialsRefreshed(true);
            authorize(call);
            return next.proceed();
        }
    }

    /** Signs a fresh request; getting no credentials (the token call has its own retries) is final. */
    private void authorize(PipelineCall call) {
        try {
            auth.authorize(call.freshRequest());
        } catch (RuntimeException e) {
            call.failFinally();
            throw e;
        }
    }
}
