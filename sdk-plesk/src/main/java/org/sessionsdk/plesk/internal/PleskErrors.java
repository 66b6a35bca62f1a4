package org.sessionsdk.plesk.internal;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.PermissionDeniedException;
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

    /** The exception for an error Plesk put in a packet. */
    public static ApiException fromPacket(String operation, long errcode, String errtext) {
        ErrorDetails d = new ErrorDetails(200, String.valueOf(errcode), errtext, "POST", operation, null, 1,
                hint(errcode));
        return byCode(errcode, d);
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
        ApiException byCode = byCode(code, byStatus.details());
        return byCode.getClass() == ApiException.class ? byStatus : byCode;
    }

    private static ApiException byCode(long errcode, ErrorDetails d) {
        if (errcode == 1001 || errcode == 11003 || errcode == 1029) {
            return new AuthenticationException(d);
        }
        if (errcode == 1006) {
            return new PermissionDeniedException(d);
        }
        if (errcode == 1013) {
            return new NotFoundException(d);
        }
        return new ApiException(d);
    }

    private static String hint(long errcode) {
        if (errcode == 1005) {
            return "The packet version pinned with packetVersion(...) is not supported by this server";
        }
        if (errcode == 1029) {
            return "Plesk saw no credentials: check the client's credentials(...)";
        }
        return null;
    }
}
