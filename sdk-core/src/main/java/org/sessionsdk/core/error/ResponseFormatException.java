package org.sessionsdk.core.error;

/**
 * The response body is not what the vendor documents: malformed, truncated, or a field of the wrong
 * type. Says what was expected, what was found and where (field, record index, line and column).
 */
public class ResponseFormatException extends SdkException {
    private static final long serialVersionUID = 1L;

    /** What the vendor documents at this place. */
    private final String expected;
    /** What the body held instead. */
    private final String found;
    /** Where in the body, or null. */
    private final String location;

    /**
     * A body that does not match the vendor's documented format.
     *
     * @param expected what the vendor documents, e.g. {@code "a string"}
     * @param found    what the body held instead
     * @param location where in the body (field, record index, line and column), or null
     * @param cause    the parser's exception, or null
     */
    public ResponseFormatException(String expected, String found, String location, Throwable cause) {
        super("Unexpected response: expected " + expected + ", found " + found
                + (location == null ? "" : " at " + location), cause);
        this.expected = expected;
        this.found = found;
        this.location = location;
    }

    /**
     * A body that does not match the vendor's documented format.
     *
     * @param expected what the vendor documents, e.g. {@code "a string"}
     * @param found    what the body held instead
     * @param location where in the body (field, record index, line and column), or null
     */
    public ResponseFormatException(String expected, String found, String location) {
        this(expected, found, location, null);
    }

    /** {@return what the vendor documents at this place, e.g. {@code "a string"}} */
    public String expected() {
        return expected;
    }

    /** {@return what the body held instead} */
    public String found() {
        return found;
    }

    /** {@return where in the body, e.g. {@code "remote_sessions[12].start, line 40, column 18"}; may be null} */
    public String location() {
        return location;
    }
}
