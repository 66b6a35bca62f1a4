package org.sessionsdk.ekran.internal;

import java.nio.charset.StandardCharsets;
import org.sessionsdk.core.internal.ApiErrors;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.internal.JsonSupport;

/**
 * Reads Ekran's error answers. Their body is undocumented: a JSON {@code message} / {@code Message}
 * (ASP.NET), an RFC 7807 problem ({@code title}, {@code detail}) or short plain text are picked up;
 * anything else leaves the status alone to speak.
 *
 * <p>SDK-internal.
 */
public final class EkranErrors {
    private static final int MAX_TEXT = 300;

    private EkranErrors() {
    }

    public static ErrorDecoder decoder() {
        return ctx -> {
            ErrorDetails d = ctx.details().withVendorError(null, message(ctx.body()));
            int s = d.statusCode();
            if (s == 401 || s == 403) {
                d = d.withHint("Ekran did not accept the API key (header ApiKey) for this call: check the key"
                        + " and that API access is enabled for it");
            }
            return ApiErrors.forStatus(d, ctx.retryAfter());
        };
    }

    static String message(byte[] body) {
        String[] plain = JsonSupport.twoStrings(body, "message", "Message");
        String[] problem = JsonSupport.twoStrings(body, "detail", "title");
        for (String m : new String[] {plain[0], plain[1], problem[0], problem[1]}) {
            if (m != null && !m.isBlank()) {
                return cap(m.strip());
            }
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty() || text.startsWith("{") || text.startsWith("[") || text.startsWith("<")) {
            return null; // empty, JSON without a message, or an HTML error page
        }
        return cap(text);
    }

    private static String cap(String s) {
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "..." : s;
    }
}
