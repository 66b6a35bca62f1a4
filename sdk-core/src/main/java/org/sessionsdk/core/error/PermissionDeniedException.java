package org.sessionsdk.core.error;

/** The credentials were accepted but lack a permission the call needs (HTTP 403, or the vendor's equivalent). */
public class PermissionDeniedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * The call needs a permission the credentials lack.
     *
     * @param details what is known about the failed call
     */
    public PermissionDeniedException(ErrorDetails details) {
        super(details);
    }
}
