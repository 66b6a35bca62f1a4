package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sessionsdk.core.internal.JsonSupport;

/**
 * Small pieces of wire handling the JSON simulators share: writing JSON with Jackson core's
 * generator (already on the classpath through sdk-core, so the testkit adds no JSON library), and
 * reading the little a simulator has to read (a flat JSON object, a form, a Basic header, a cookie).
 */
final class SimWire {
    private SimWire() {
    }

    /** Writes JSON with a generator. */
    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    /** A small JSON text (an error body, a token answer). */
    static String json(JsonBody body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JsonSupport.factory().createGenerator(w)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return w.toString();
    }

    /** {@code {"message": text}}: the body many APIs and gateways answer an error with. */
    static String message(String text) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("message", text);
            g.writeEndObject();
        });
    }

    /** A generator over a streaming response body; closing it flushes but leaves the stream open. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = JsonSupport.factory().createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** The string (or number, as text) fields of a JSON object; null when the body is not one. */
    static Map<String, String> flatObject(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser p = JsonSupport.factory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT) {
                    fields.put(name, p.getText());
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
            return fields;
        } catch (IOException e) {
            return null;
        }
    }

    /** An {@code application/x-www-form-urlencoded} body. */
    static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return m;
        }
        for (String pair : body.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    /** {@code {user, password}} from an {@code Authorization: Basic ...} value, or null. */
    static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** A cookie's value from a {@code Cookie} header, or null. */
    static String cookie(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }
}
