package org.sessionsdk.core.error;

/**
 * The response body is not what the vendor documents: malformed, truncated, or a field of the wrong
 * type. Says what was expected, what was found and where (field, record index, line and column).
 */
public class ResponseFormatException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String found;
    private final String location;

    public ResponseFormatException(String expected, String found, String location, Throwable cause) {
        super("Unexpected response: expected " + expected + ", found " + found
                + (location == null ? "" : " at " + location), cause);
        this.expected = expected;
        this.found = found;
        this.location = location;
    }

    public ResponseFormatException(String expected, String found, String location) {
        this(expected, found, location, null);
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    /** Where in the body, e.g. {@code "remote_sessions[12].start, line 40, column 18"}; may be null. */
    public String location() {
        return location;
    }
}
