package org.sessionsdk.core.error;

/** The server failed (HTTP 5xx). Retried by the SDK for idempotent calls on 502, 503 and 504 before this is thrown. */
public class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * The server failed.
     *
     * @param details what is known about the failed call
     */
    public ServerException(ErrorDetails details) {
        super(details);
    }
}
