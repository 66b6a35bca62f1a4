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

    public static BearerTokenAuth of(Secret token) {
        Objects.requireNonNull(token, "token");
        return new BearerTokenAuth(() -> token);
    }

    /** The supplier is asked before every attempt; it may renew the token as it likes. */
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
