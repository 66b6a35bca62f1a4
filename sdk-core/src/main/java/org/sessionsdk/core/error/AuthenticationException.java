package org.sessionsdk.core.error;

/** The server did not accept the credentials: HTTP 401, or a vendor error that means the same (a wrong Plesk secret key, an OAuth client the token endpoint refused). */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * The credentials were refused.
     *
     * @param details what is known about the failed call
     */
    public AuthenticationException(ErrorDetails details) {
        super(details);
    }
}
