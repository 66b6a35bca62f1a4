package org.sessionsdk.core.internal.pipeline;

import java.util.concurrent.CompletableFuture;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.internal.concurrent.Futures;

/**
 * Puts the credentials on each attempt's request and, once per call, refreshes them when the server
 * rejects them (a 401, or what the vendor's decoder says is a rejection, even inside a 200), then
 * sends the request again. The refresh is not a retry: it does not use up an attempt. A failure to
 * get credentials at all (a token endpoint refusing the client) happens before sending and is final.
 * An asynchronous call gets its credentials through {@link RequestAuth#authorizeAsync}, so a token
 * request or a login holds no thread either.
 */
final class AuthPolicy implements HttpPipelinePolicy {
    private final RequestAuth auth;
    private final ErrorDecoder errors;

    AuthPolicy(RequestAuth auth, ErrorDecoder errors) {
        this.auth = auth;
        this.errors = errors;
    }

    @Override
    public CompletableFuture<SdkHttpResponse> process(PipelineCall call, Next next) {
        return authorize(call).thenCompose(signed -> next.proceed().exceptionallyCompose(failure -> {
            Throwable e = Futures.unwrap(failure);
            if (!(e instanceof ApiException rejection) || call.credentialsRefreshed()
                    || !errors.credentialsRejected(rejection)
                    || !auth.refreshAfterRejection(call.finalRequest(), rejection)) {
                return Futures.failed(e);
            }
            call.credentialsRefreshed(true);
            return authorize(call).thenCompose(again -> next.proceed());
        }));
    }

    /** Signs a fresh request; getting no credentials (the token call has its own retries) is final. */
    private CompletableFuture<Void> authorize(PipelineCall call) {
        CompletableFuture<Void> signed;
        try {
            signed = call.isAsync()
                    ? auth.authorizeAsync(call.freshRequest()).toCompletableFuture()
                    : authorizeNow(call);
        } catch (RuntimeException e) {
            signed = CompletableFuture.failedFuture(e);
        }
        return signed.exceptionallyCompose(failure -> {
            call.failFinally();
            return Futures.failed(failure);
        });
    }

    private CompletableFuture<Void> authorizeNow(PipelineCall call) {
        auth.authorize(call.freshRequest());
        return CompletableFuture.completedFuture(null);
    }
}
