package org.sessionsdk.plesk;

import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.internal.auth.AuthFactory;
import org.sessionsdk.core.auth.HeaderAuth;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;

/**
 * How the client proves who it is to Plesk: a secret key ({@code KEY} header) or a login and
 * password ({@code HTTP_AUTH_LOGIN} and {@code HTTP_AUTH_PASSWD} headers). Values go in headers, never
 * into the XML, so {@code &} and {@code <} in a password are sent as they are.
 */
public final class PleskCredentials {
    private final String description;
    private final AuthFactory auth;

    private PleskCredentials(String description, AuthFactory auth) {
        this.description = description;
        this.auth = auth;
    }

    /**
     * A secret key ({@code secret_key/create}), sent in the {@code KEY} header.
     *
     * @param key the key, not blank
     * @return the credentials
     */
    public static PleskCredentials secretKey(String key) {
        HeaderAuth header = HeaderAuth.apiKey("KEY", Secret.of(AuthFactory.requireText(key, "key")));
        return new PleskCredentials("PleskCredentials[KEY=****]", (runtime, errors) -> header);
    }

    /**
     * A panel login and password, sent in {@code HTTP_AUTH_LOGIN} and {@code HTTP_AUTH_PASSWD}.
     *
     * @param login    the login, not blank
     * @param password the password, not blank
     * @return the credentials
     */
    public static PleskCredentials password(String login, String password) {
        HeaderAuth headers = HeaderAuth.builder().plain("HTTP_AUTH_LOGIN", AuthFactory.requireText(login, "login"))
                .secret("HTTP_AUTH_PASSWD", Secret.of(AuthFactory.requireText(password, "password"))).build();
        return new PleskCredentials("PleskCredentials[HTTP_AUTH_LOGIN=" + login + ", HTTP_AUTH_PASSWD=****]",
                (runtime, errors) -> headers);
    }

    RequestAuth auth(ClientRuntime runtime, ErrorDecoder errors) {
        return auth.create(runtime, errors);
    }

    @Override
    public String toString() {
        return description;
    }
}
