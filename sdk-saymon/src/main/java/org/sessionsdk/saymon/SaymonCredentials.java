package org.sessionsdk.saymon;

import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.internal.auth.AuthFactory;
import org.sessionsdk.core.auth.BasicAuth;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;
import org.sessionsdk.saymon.internal.SessionCookieAuth;

/**
 * How a {@link SaymonClient} signs in: HTTP Basic on every request, or a cookie session (log in once,
 * send {@code Cookie: sid=...}, log in again when it expires, log out when the client closes).
 * {@code toString()} never shows the password.
 */
public final class SaymonCredentials {
    private final String description;
    private final AuthFactory auth;

    private SaymonCredentials(String description, AuthFactory auth) {
        this.description = description;
        this.auth = auth;
    }

    /**
     * HTTP Basic on every request.
     *
     * @param login    the login, not blank
     * @param password the password, not blank
     * @return the credentials
     */
    public static SaymonCredentials basic(String login, String password) {
        BasicAuth basic = new BasicAuth(AuthFactory.requireText(login, "login"),
                Secret.of(AuthFactory.requireText(password, "password")));
        return new SaymonCredentials("SaymonCredentials[basic, login=" + login + ", password=****]",
                (runtime, errors) -> basic);
    }

    /**
     * Logs in once ({@code POST /node/api/users/session}) and sends the session cookie; logs in again
     * once when the session expires, and out when the client is closed.
     *
     * @param login    the login, not blank
     * @param password the password, not blank
     * @return the credentials
     */
    public static SaymonCredentials session(String login, String password) {
        AuthFactory.requireText(login, "login");
        Secret secret = Secret.of(AuthFactory.requireText(password, "password"));
        return new SaymonCredentials("SaymonCredentials[session, login=" + login + ", password=****]",
                (runtime, errors) -> new SessionCookieAuth(runtime.caller(RequestAuth.none(), errors), login, secret));
    }

    RequestAuth auth(ClientRuntime runtime, ErrorDecoder errors) {
        return auth.create(runtime, errors);
    }

    @Override
    public String toString() {
        return description;
    }
}
