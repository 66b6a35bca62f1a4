package org.sessionsdk.senhasegura.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.internal.JsonSupport;
import org.sessionsdk.core.internal.json.JsonObject;

/**
 * What senhasegura says about a call, read from its envelope
 * {@code {code, response{status, message, error, error_code, detail, mensagem, erro, cod_erro}}}, or
 * from the bodies that are not envelopes: an API gateway's {@code {"message": ...}} or the token
 * endpoint's RFC 6749 {@code {"error", "error_description"}}. The Portuguese twins stand in when the
 * English fields are empty.
 *
 * @param status  {@code response.status}, else the top-level {@code code}; null when absent
 * @param flagged {@code response.error} or {@code response.erro} is true
 * @param code    the vendor's error code, or null
 * @param message the vendor's error text, or null
 */
public record Envelope(Integer status, boolean flagged, String code, String message) {
    private static final Envelope EMPTY = new Envelope(null, false, null, null);

    /** Whether the body reports a failure (even inside an HTTP 200). */
    public boolean failed() {
        return flagged || (status != null && status >= 400);
    }

    /** Reads an envelope from an already parsed object (the fields before the array). */
    public static Envelope from(JsonObject o) {
        Map<String, String> response = Map.of();
        try {
            JsonObject r = o.object("response");
            if (r != null) {
                response = r.scalars();
            }
        } catch (ResponseFormatException notAnObject) {
            // a scalar "response": nothing to read from it
        }
        return of(o.scalars(), response);
    }

    /** Reads a small body (an error body, a terminate answer). Never throws; unreadable is empty. */
    public static Envelope parse(byte[] body) {
        if (body == null || body.length == 0) {
            return EMPTY;
        }
        Map<String, String> top = new HashMap<>();
        Map<String, String> response = new HashMap<>();
        try (JsonParser p = JsonSupport.factory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return EMPTY;
            }
            readScalars(p, top, response);
        } catch (IOException | RuntimeException unreadable) {
            // not JSON (an HTML error page): keep what was read, the status says the rest
        }
        return of(top, response);
    }

    /**
     * Whether a small body is empty (whitespace only) or one well-formed JSON object: anything else
     * (an HTML page from a proxy, a cut-off body) cannot say whether the call took effect.
     */
    public static boolean emptyOrObject(byte[] body) {
        try (JsonParser p = JsonSupport.factory().createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return true;
            }
            if (t != JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private static void readScalars(JsonParser p, Map<String, String> into, Map<String, String> response)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT && response != null && name.equals("response")) {
                readScalars(p, response, null);
            } else if (v != null && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                into.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
    }

    static Envelope of(Map<String, String> top, Map<String, String> response) {
        Integer status = integer(response.get("status"));
        if (status == null) {
            status = integer(top.get("code"));
        }
        boolean flagged = truthy(response.get("error")) || truthy(response.get("erro"));
        String message = first(response.get("message"), response.get("mensagem"), top.get("message"),
                top.get("error_description"), top.get("mensagem"), response.get("detail"));
        String topError = top.get("error");
        if (topError != null && (truthy(topError) || topError.equalsIgnoreCase("false"))) {
            topError = null; // a flag, not an RFC 6749 error code
        }
        String code = firstCode(response.get("error_code"), response.get("cod_erro"), top.get("error_code"), topError);
        return new Envelope(status, flagged, code, message);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /** Like {@link #first} but {@code 0} means "no code" too. */
    private static String firstCode(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank() && !v.trim().equals("0")) {
                return v.trim();
            }
        }
        return null;
    }

    private static boolean truthy(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
    }

    private static Integer integer(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
