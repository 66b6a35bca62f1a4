package org.sessionsdk.plesk;

import java.util.List;
import org.sessionsdk.core.error.SdkException;

/**
 * The panel's XML API protocol lacks what the call needs: an operator older panels do not have
 * ({@code session} and {@code event_log} came with protocol 1.6.6.0, Plesk 12.0), or a
 * {@code packetVersion} the panel does not speak. Thrown instead of the panel's own error 1014 (unknown
 * operator) or 1005 (unsupported version), once the client has asked the panel which versions it
 * supports ({@code server/get_protos}, once per client); from then on such a call is refused before it
 * is sent.
 */
public final class PleskProtocolException extends SdkException {
    private static final long serialVersionUID = 1L;

    /** The refused operation. */
    private final String operation;
    /** The version it needs. */
    private final String needed;
    /** The panel's versions, oldest first. */
    private final List<String> supported;

    PleskProtocolException(String message, String operation, String needed, List<String> supported, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.needed = needed;
        this.supported = supported == null ? List.of() : List.copyOf(supported);
    }

    /** {@return the refused operation, e.g. {@code session/get}} */
    public String operation() {
        return operation;
    }

    /**
     * {@return the protocol version the call needs: the oldest that has the operation, or the pinned
     * {@code packetVersion} the panel lacks}
     */
    public String needed() {
        return needed;
    }

    /** {@return the protocol versions the panel said it supports, oldest first; empty if it did not say} */
    public List<String> supported() {
        return supported;
    }
}
