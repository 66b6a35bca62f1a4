package org.sessionsdk.ekran;

import java.util.Objects;
import org.sessionsdk.core.auth.HeaderAuth;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;

/**
 * How an {@link EkranClient} signs in: an API key sent verbatim in the {@code ApiKey} header on every
 * request. {@code toString()} never shows the key.
 */
public final class EkranCredentials {
    static final String HEADER = "ApiKey";

    private final RequestAuth auth;

    private EkranCredentials(RequestAuth auth) {
        this.auth = auth;
    }

    /**
     * An Ekran API key (created in the Management Tool); sent as is, punctuation included.
     *
     * @param key the API key
     * @return the credentials
     * @throws IllegalArgumentException if the key is blank
     */
    public static EkranCredentials apiKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        return new EkranCredentials(HeaderAuth.apiKey(HEADER, Secret.of(key)));
    }

    RequestAuth auth() {
        return auth;
    }

    @Override
    public String toString() {
        return "EkranCredentials[" + HEADER + "=****]";
    }
}
