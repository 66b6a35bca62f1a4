package org.sessionsdk.saymon.internal;

import java.nio.charset.StandardCharsets;
import org.sessionsdk.core.internal.ApiErrors;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.internal.JsonSupport;

/**
 * Reads SAYMON's error body {@code {"code": "...", "message": "..."}}. When {@code message} is itself
 * JSON ({@code {"errorCode":3,"message":"Session expired."}}) the inner code and message are the ones
 * reported. {@code Unauthorized} / {@code InvalidCredentials} always mean an
 * {@link AuthenticationException}; a 403 names the permission the operation needs.
 *
 * <p>SDK-internal.
 */
public final class SaymonErrors {
    private SaymonErrors() {
    }

    /**
     * @param permission the SAYMON permission the operation needs (e.g. {@code read-session-log}),
     *                   named in the hint of a 403; null when none is documented
     */
    public static ErrorDecoder decoder(String permission) {
        return decoder(permission, null);
    }

    /**
     * @param permission  the SAYMON permission the operation needs, named in the hint of a 403; or null
     * @param refusedHint what a refusal of the client's credentials means (an API token refused), as the
     *                    hint of its {@link AuthenticationException}; null for none
     */
    public static ErrorDecoder decoder(String permission, String refusedHint) {
        return ctx -> {
            String[] outer = JsonSupport.twoStrings(ctx.body(), "code", "message");
            String code = outer[0];
            String message = outer[1];
            if (message != null && message.strip().startsWith("{")) {
                String[] inner = JsonSupport.twoStrings(message.getBytes(StandardCharsets.UTF_8), "errorCode", "message");
                if (inner[0] != null || inner[1] != null) {
                    code = inner[0] != null ? inner[0] : code;
                    message = inner[1];
                }
            }
            ErrorDetails d = ctx.details().withVendorError(code, message);
            if (d.statusCode() == 403 && permission != null) {
                d = d.withHint("The SAYMON user needs the permission '" + permission + "'");
            }
            if ("Unauthorized".equals(outer[0]) || "InvalidCredentials".equals(outer[0])) {
                return new AuthenticationException(refusedHint == null ? d : d.withHint(refusedHint));
            }
            if (d.statusCode() == 401 && refusedHint != null) {
                return new AuthenticationException(d.withHint(refusedHint));
            }
            return ApiErrors.forStatus(d, ctx.retryAfter());
        };
    }
}
