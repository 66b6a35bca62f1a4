package org.sessionsdk.core.auth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.error.ApiException;

/**
 * Puts credentials on a request. Called before every attempt, so a token that expired between
 * attempts is renewed.
 *
 * <p>Implementations are thread-safe and keep secrets in {@link Secret}s.
 */
public interface RequestAuth {

    /**
     * Adds the credentials to the request (headers, usually).
     *
     * @param request the request about to be sent; called again for every attempt
     */
    void authorize(SdkHttpRequest.Builder request);

    /**
     * Adds the credentials for an asynchronous call, without the calling thread waiting: an
     * implementation that may have to fetch them first (a token request, a login) returns a stage that
     * completes once they are on the request, and never waits itself: it may be called on one of the
     * few threads that carry every asynchronous call's answers. The default calls {@link #authorize}
     * and is right for credentials at hand (a key, a password, a signature); an implementation whose
     * {@code authorize} may wait overrides this.
     *
     * @param request the request about to be sent; called again for every attempt
     * @return completes when the credentials are on the request, or fails with why there are none
     */
    default CompletionStage<Void> authorizeAsync(SdkHttpRequest.Builder request) {
        authorize(request);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Called once per call when the server rejected the credentials: a 401, or the vendor's
     * equivalent in its own words (even inside a 200). Return true if fresh credentials are now
     * available and the request should be sent once more (a cached token was dropped, a session is
     * to be re-established); false to fail the call with {@code rejection}.
     *
     * @param rejected  the request the server rejected, to tell a stale credential from a fresh one
     * @param rejection what the server said, as an exception
     * @return true to send the request once more, false to fail the call
     */
    default boolean refreshAfterRejection(SdkHttpRequest rejected, ApiException rejection) {
        return false;
    }

    /** {@return auth that adds nothing} */
    static RequestAuth none() {
        return request -> { };
    }
}
