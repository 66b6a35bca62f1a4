package org.sessionsdk.core.auth;

import java.util.Objects;
import java.util.function.Supplier;
import org.sessionsdk.core.http.SdkHttpRequest;

/** {@code Authorization: Bearer <token>}, with a fixed token or one asked of a supplier per request. */
public final class BearerTokenAuth implements RequestAuth {
    private final Supplier<Secret> token;

    private BearerTokenAuth(Supplier<Secret> token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * A fixed token, sent on every request.
     *
     * @param token the access token
     * @return the auth
     */
    public static BearerTokenAuth of(Secret token) {
        Objects.requireNonNull(token, "token");
        return new BearerTokenAuth(() -> token);
    }

    /**
     * A token asked of a supplier before every attempt; it may renew the token as it likes.
     *
     * @param token gives the current access token
     * @return the auth
     */
    public static BearerTokenAuth from(Supplier<Secret> token) {
        return new BearerTokenAuth(token);
    }

    @Override
    public void authorize(SdkHttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + token.get().reveal());
    }

    @Override
    public String toString() {
        return "BearerTokenAuth[token=****]";
    }
}
