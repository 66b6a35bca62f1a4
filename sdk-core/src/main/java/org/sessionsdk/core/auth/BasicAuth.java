package org.sessionsdk.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.sessionsdk.core.http.SdkHttpRequest;

/** HTTP Basic: {@code Authorization: Basic base64(user:password)}, UTF-8 (RFC 7617). */
public final class BasicAuth implements RequestAuth {
    private final String username;
    private final Secret password;

    /**
     * HTTP Basic for one user.
     *
     * @param username the user name; it cannot contain {@code ':'}
     * @param password the password, sent UTF-8 encoded
     * @throws IllegalArgumentException if the user name contains {@code ':'}
     */
    public BasicAuth(String username, Secret password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an HTTP Basic user name cannot contain ':'");
        }
    }

    /**
     * The header value for a user and password.
     *
     * @param username the user name
     * @param password the password
     * @return {@code "Basic "} and the Base64 of {@code username:password} in UTF-8
     */
    public static String headerValue(String username, Secret password) {
        String raw = username + ":" + password.reveal();
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** {@return the user name; it is not secret and appears in {@code toString()}} */
    public String username() {
        return username;
    }

    @Override
    public void authorize(SdkHttpRequest.Builder request) {
        request.header("Authorization", headerValue(username, password));
    }

    @Override
    public String toString() {
        return "BasicAuth[username=" + username + ", password=****]";
    }
}
