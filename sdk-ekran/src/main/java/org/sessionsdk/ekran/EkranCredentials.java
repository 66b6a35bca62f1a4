package org.sessionsdk.ekran;

import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.internal.auth.AuthFactory;
import org.sessionsdk.core.auth.HeaderAuth;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;

/**
 * How an {@link EkranClient} signs in: an API key sent verbatim in the {@code ApiKey} header on every
 * request. {@code toString()} never shows the key.
 */
public final class EkranCredentials {
    static final String HEADER = "ApiKey";

    private final AuthFactory auth;

    private EkranCredentials(AuthFactory auth) {
        this.auth = auth;
    }

    /**
     * The API key Ekran's administrator issued; sent verbatim in the {@code ApiKey} header.
     *
     * @param key the key, not blank
     * @return the credentials
     */
    public static EkranCredentials apiKey(String key) {
        HeaderAuth header = HeaderAuth.apiKey(HEADER, Secret.of(AuthFactory.requireText(key, "key")));
        return new EkranCredentials((runtime, errors) -> header);
    }

    RequestAuth auth(ClientRuntime runtime, ErrorDecoder errors) {
        return auth.create(runtime, errors);
    }

    @Override
    public String toString() {
        return "EkranCredentials[" + HEADER + "=****]";
    }
}
