package org.sessionsdk.saymon;

import java.util.Objects;
import java.util.function.Function;
import org.sessionsdk.core.auth.BasicAuth;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.saymon.internal.SessionCookieAuth;

/**
 * How a {@link SaymonClient} signs in: HTTP Basic on every request, or a cookie session (log in once,
 * send {@code Cookie: sid=...}, log in again when it expires, log out when the client closes).
 * {@code toString()} never shows the password.
 */
public final class SaymonCredentials {
    private final String kind;
    private final String login;
    private final Function<ApiCaller, RequestAuth> auth;

    private SaymonCredentials(String kind, String login, Function<ApiCaller, RequestAuth> auth) {
        this.kind = kind;
        this.login = login;
        this.auth = auth;
    }

    /**
     * HTTP Basic with the user's login and password on every request.
     *
     * @param login    the user's login; it cannot contain {@code ':'}
     * @param password the user's password
     * @return the credentials
     */
    public static SaymonCredentials basic(String login, String password) {
        BasicAuth basic = new BasicAuth(Objects.requireNonNull(login, "login"),
                Secret.of(Objects.requireNonNull(password, "password")));
        return new SaymonCredentials("basic", login, loginCaller -> basic);
    }

    /**
     * A cookie session: {@code POST /node/api/users/session} on first use and again once after a 401,
     * {@code DELETE} of the session when the client is closed.
     *
     * @param login    the user's login
     * @param password the user's password, sent only to log in
     * @return the credentials
     */
    public static SaymonCredentials session(String login, String password) {
        Objects.requireNonNull(login, "login");
        Secret secret = Secret.of(Objects.requireNonNull(password, "password"));
        return new SaymonCredentials("session", login, loginCaller -> new SessionCookieAuth(loginCaller, login, secret));
    }

    /** The auth for one client; {@code loginCaller} reaches the login endpoint without auth. */
    RequestAuth auth(ApiCaller loginCaller) {
        return auth.apply(loginCaller);
    }

    @Override
    public String toString() {
        return "SaymonCredentials[" + kind + ", login=" + login + ", password=****]";
    }
}
