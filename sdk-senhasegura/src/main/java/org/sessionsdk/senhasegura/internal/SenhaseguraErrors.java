package org.sessionsdk.senhasegura.internal;

import java.util.Locale;
import org.sessionsdk.core.internal.ApiErrors;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.internal.ErrorContext;
import org.sessionsdk.core.internal.ErrorDecoder;

/**
 * Turns senhasegura's answers into exceptions: the status of a non-2xx answer, an error flagged
 * inside a 200 envelope, and the documented texts, which decide the type whatever the status
 * ("You are not authorized..." arrives as a 500).
 */
public final class SenhaseguraErrors implements ErrorDecoder {
    private final String sessionsPath;
    private final String terminatePath;

    public SenhaseguraErrors(String sessionsPath, String terminatePath) {
        this.sessionsPath = sessionsPath;
        this.terminatePath = terminatePath;
    }

    @Override
    public ApiException decode(ErrorContext ctx) {
        Envelope e = Envelope.parse(ctx.body());
        ErrorDetails d = ctx.details().withVendorError(e.code(), e.message());
        ApiException byText = byText(d, e.message());
        if (byText != null) {
            return byText;
        }
        if (ctx.details().statusCode() == 404) {
            return new NotFoundException(d.withHint(notFoundHint(d.path())));
        }
        return ctx.byStatus(e.code(), e.message());
    }

    /** The exception for an envelope that reports a failure inside a 2xx response. */
    public ApiException inBody(Envelope e, ErrorDetails base) {
        ErrorDetails d = base.withVendorError(e.code(), e.message());
        ApiException byText = byText(d, e.message());
        if (byText != null) {
            return byText;
        }
        int s = e.status() == null ? 0 : e.status();
        if (s == 404) {
            d = d.withHint(notFoundHint(d.path()));
        }
        return ApiErrors.forStatus(s, d, null);
    }

    /**
     * A 401, or "Client authentication failed" with any status or inside a 200: the token that was
     * sent is no longer accepted, and one fresh token may be tried.
     */
    @Override
    public boolean credentialsRejected(ApiException error) {
        return error.statusCode() == 401 || isClientAuthFailed(error.vendorMessage().orElse(null));
    }

    /** Throws when the envelope reports a failure. */
    public void check(Envelope e, ErrorDetails base) {
        if (e.failed()) {
            throw inBody(e, base);
        }
    }

    /** Whether a vendor text is "Client authentication failed": a token the server no longer takes. */
    public static boolean isClientAuthFailed(String message) {
        return "client authentication failed".equals(normalize(message));
    }

    private ApiException byText(ErrorDetails d, String message) {
        String m = normalize(message);
        if (m == null) {
            return null;
        }
        switch (m) {
            case "client authentication failed":
                return new AuthenticationException(d.withHint(
                        "check the client id and secret (or the OAuth 1 keys) and the token URL"));
            case "invalid signature":
                return new AuthenticationException(d.withHint(
                        "the OAuth 1 signature was refused: check the consumer and token secrets, and that the "
                                + "endpoint URL is the one the server sees"));
            case "no route matched with those values":
                return new AuthenticationException(d.withHint(
                        "the API gateway found no Authorization header it accepts; request a new access token"));
            case "resource sub not found":
                return new NotFoundException(d.withHint(notFoundHint(d.path())));
            default:
                break;
        }
        if (m.startsWith("you are not authorized")) {
            return new PermissionDeniedException(d.withHint(
                    "ask the administrator to grant this A2A application access to Web Proxy sessions"));
        }
        return null;
    }

    private String notFoundHint(String path) {
        if (path != null && (path.contains(terminatePath) || path.contains("/session/drop/"))) {
            return "the session may have ended already, or this server version uses another drop path: "
                    + "older servers use terminatePath(\"/iso/session/drop\")";
        }
        String start = path != null && path.contains(sessionsPath + "/") ? "no remote session has this id, or t" : "t";
        return start + "he remote sessions path may differ on this server version (now " + sessionsPath
                + "): older servers use remoteSessionsPath(\"/api/pam/session/remotesessions\") or "
                + "remoteSessionsPath(\"/iso/session/remotesessions\")";
    }

    private static String normalize(String message) {
        if (message == null) {
            return null;
        }
        String m = message.trim().toLowerCase(Locale.ROOT);
        while (m.endsWith(".")) {
            m = m.substring(0, m.length() - 1).trim();
        }
        return m.isEmpty() ? null : m;
    }
}
