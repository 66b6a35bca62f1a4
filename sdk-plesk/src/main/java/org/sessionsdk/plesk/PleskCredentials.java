package org.sessionsdk.plesk;

import java.util.Objects;
import org.sessionsdk.core.auth.HeaderAuth;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;

/**
 * How the client proves who it is to Plesk: a secret key ({@code KEY} header) or a login and
 * password ({@code HTTP_AUTH_LOGIN} and {@code HTTP_AUTH_PASSWD} headers). Values go in headers, never
 * into the XML, so {@code &} and {@code <} in a password are sent as they are.
 */
public final class PleskCredentials {
    private final HeaderAuth auth;

    private PleskCredentials(HeaderAuth auth) {
        this.auth = auth;
    }

    /**
     * A secret key made with {@code secret_key/create} or in the panel (Tools &amp; Settings).
     *
     * @param key the key, sent verbatim in the {@code KEY} header
     * @return the credentials
     */
    public static PleskCredentials secretKey(String key) {
        Objects.requireNonNull(key, "key");
        return new PleskCredentials(HeaderAuth.apiKey("KEY", Secret.of(key)));
    }

    /**
     * A panel login and its password.
     *
     * @param login    sent in {@code HTTP_AUTH_LOGIN}
     * @param password sent in {@code HTTP_AUTH_PASSWD}; ASCII only with the default transport
     * @return the credentials
     */
    public static PleskCredentials password(String login, String password) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        return new PleskCredentials(HeaderAuth.builder().plain("HTTP_AUTH_LOGIN", login)
                .secret("HTTP_AUTH_PASSWD", Secret.of(password)).build());
    }

    RequestAuth auth() {
        return auth;
    }

    @Override
    public String toString() {
        return "PleskCredentials" + auth.toString().substring("HeaderAuth".length());
    }
}
