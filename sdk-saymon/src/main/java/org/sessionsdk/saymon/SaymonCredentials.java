package org.sessionsdk.saymon;

import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.internal.auth.AuthFactory;
import org.sessionsdk.core.auth.BasicAuth;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;
import org.sessionsdk.saymon.internal.ApiTokenAuth;
import org.sessionsdk.saymon.internal.SessionCookieAuth;

/**
 * How a {@link SaymonClient} signs in, by the three schemes SAYMON documents: HTTP Basic on every
 * request, a cookie session (log in once, send {@code Cookie: sid=...}, log in again when it expires,
 * log out when the client closes), or an API token sent as a query parameter. {@code toString()} never
 * shows the password or the token.
 */
public final class SaymonCredentials {
    /** The query parameter an API token goes in unless another is named: {@value}. */
    public static final String DEFAULT_TOKEN_PARAMETER = ApiTokenAuth.DEFAULT_PARAMETER;

    private final String description;
    private final AuthFactory auth;
    /** What a refusal of these credentials means, for the error's hint; null for the default words. */
    private final String refusedHint;

    private SaymonCredentials(String description, AuthFactory auth) {
        this(description, auth, null);
    }

    private SaymonCredentials(String description, AuthFactory auth, String refusedHint) {
        this.description = description;
        this.auth = auth;
        this.refusedHint = refusedHint;
    }

    /**
     * An API token (made with {@code POST /node/api/users/{id}/auth-token}, which needs the
     * {@code manage-users} permission), sent on every request as the query parameter
     * {@value #DEFAULT_TOKEN_PARAMETER}. The token appears in no log line, exception message, listener
     * event or {@code toString()}. An unknown, revoked or disabled token fails calls with an
     * {@link org.sessionsdk.core.error.AuthenticationException} that says the token was refused.
     *
     * @param token the token, not blank
     * @return the credentials
     */
    public static SaymonCredentials apiToken(String token) {
        return apiToken(token, DEFAULT_TOKEN_PARAMETER);
    }

    /**
     * {@link #apiToken(String)} in a query parameter of another name, for a server whose docs name
     * another one (only a draft of SAYMON's docs names {@value #DEFAULT_TOKEN_PARAMETER}).
     *
     * @param token     the token, not blank
     * @param parameter the query parameter's name, not blank
     * @return the credentials
     */
    public static SaymonCredentials apiToken(String token, String parameter) {
        Secret secret = Secret.of(AuthFactory.requireText(token, "token"));
        String name = AuthFactory.requireText(parameter, "parameter").strip();
        ApiTokenAuth auth = new ApiTokenAuth(name, secret);
        return new SaymonCredentials("SaymonCredentials[apiToken, parameter=" + name + ", token=****]",
                (runtime, errors) -> auth, "SAYMON refused the API token (unknown, revoked, or API tokens are disabled "
                        + "on the server): make a new one with POST /node/api/users/{id}/auth-token");
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

    /** {@return what a 401 with these credentials means, or null for the default words} */
    String refusedHint() {
        return refusedHint;
    }

    @Override
    public String toString() {
        return description;
    }
}
