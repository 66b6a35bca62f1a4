package org.sessionsdk.plesk.internal;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionsdk.core.internal.ApiErrors;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.internal.ErrorContext;
import org.sessionsdk.plesk.internal.xml.Utf8XmlReader;

/**
 * Plesk's error codes as exceptions: 1001 (wrong login or password), 11003 (wrong secret key) and
 * 1029 (no auth method) mean authentication; 1006 permission denied; 1013 object not found; the rest
 * are {@link ApiException}s carrying the code and text.
 */
public final class PleskErrors {
    private PleskErrors() {
    }

    /**
     * The exception for an error Plesk put in a packet, through the same table as HTTP errors.
     *
     * @param answer    status, request id and attempts of the call that got the packet
     * @param operation names the call, e.g. {@code session/get}
     * @param errcode   Plesk's code
     * @param errtext   Plesk's text
     * @return the exception
     */
    public static ApiException fromPacket(ErrorDetails answer, String operation, long errcode, String errtext) {
        ErrorDetails d = new ErrorDetails(answer.statusCode(), String.valueOf(errcode), errtext, answer.method(),
                operation, answer.requestId(), answer.attempts(), hint(errcode, operation));
        return ApiErrors.forStatus(statusFor(errcode), d, null);
    }

    /** Reads a non-2xx answer: its body may still be a packet with an error. */
    public static ApiException decode(ErrorContext ctx) {
        Long code = null;
        String text = null;
        try {
            XMLStreamReader r = Utf8XmlReader.open(new ByteArrayInputStream(ctx.body()));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    if (r.getLocalName().equals("errcode")) {
                        code = Long.parseLong(r.getElementText().trim());
                    } else if (r.getLocalName().equals("errtext")) {
                        text = r.getElementText();
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException notAPacket) {
            // an HTML error page from a proxy: the status says enough
        }
        if (code == null) {
            return ctx.byStatus(null, text);
        }
        ApiException byStatus = ctx.byStatus(String.valueOf(code), text);
        int stands = statusFor(code);
        String hint = hint(code, "");
        if (stands == 0 && hint == null) {
            return byStatus;
        }
        ErrorDetails d = hint == null ? byStatus.details() : byStatus.details().withHint(hint);
        return ApiErrors.forStatus(stands == 0 ? d.statusCode() : stands, d, ctx.retryAfter());
    }

    /** The HTTP status a Plesk code stands for, or 0 for a plain {@link ApiException}. */
    private static int statusFor(long errcode) {
        if (errcode == 1001 || errcode == 11003 || errcode == 1029) {
            return 401;
        }
        if (errcode == 1006) {
            return 403;
        }
        if (errcode == 1013) {
            return 404;
        }
        return 0;
    }

    /**
     * What to do about an error, from its code and the operation alone: {@code errtext} is in the panel's
     * language, so it is never looked at.
     */
    static String hint(long errcode, String operation) {
        if (errcode == 1006 && (operation.startsWith("session/") || operation.startsWith("event_log/"))) {
            return operation + " is for the Plesk administrator only (the session and event_log operators,"
                    + " Plesk 12.0+): a reseller's or customer's secret key or login cannot use it. Use the"
                    + " administrator's credentials, or a secret key created for the administrator";
        }
        if (errcode == 11003) {
            return "Plesk did not accept the secret key (header KEY). A key is bound to the IP address it was"
                    + " created for (secret_key/create ip_address, else the creator's address): a valid key sent"
                    + " from another address is refused the same way. Check the key, and that this machine's"
                    + " address (as the panel sees it, after any proxy or NAT) is the key's, or create a key for it";
        }
        if (errcode == 1005) {
            return "The packet version pinned with packetVersion(...) is not supported by this server";
        }
        if (errcode == 1029) {
            return "Plesk saw no credentials: check the client's credentials(...)";
        }
        return null;
    }
}
