package org.sessionsdk.core.error;

/** The object or the path does not exist on the server (HTTP 404, or the vendor's equivalent such as Plesk's 1013). */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * The object or path does not exist.
     *
     * @param details what is known about the failed call
     */
    public NotFoundException(ErrorDetails details) {
        super(details);
    }
}
