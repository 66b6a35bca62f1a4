package org.sessionsdk.core.auth;

import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.http.SdkHttpResponse;

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
     * Called once per call when the server answered 401 (or the vendor's equivalent). Return true if
     * fresh credentials are now available and the request should be sent once more (a cached token
     * was refetched, a session re-established); false to fail the call.
     *
     * @param rejected the request the server rejected, to tell a stale credential from a fresh one
     * @param response the rejection
     * @return true to send the request once more, false to fail the call
     */
    default boolean refreshAfterRejection(SdkHttpRequest rejected, SdkHttpResponse response) {
        return false;
    }

    /** {@return auth that adds nothing} */
    static RequestAuth none() {
        return request -> { };
    }
}
