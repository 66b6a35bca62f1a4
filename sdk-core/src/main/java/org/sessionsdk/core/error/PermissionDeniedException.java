package org.sessionsdk.core.error;

/** The credentials were accepted but lack a permission the call needs (HTTP 403, or the vendor's equivalent). */
public class PermissionDeniedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(ErrorDetails details) {
        super(details);
    }
}
