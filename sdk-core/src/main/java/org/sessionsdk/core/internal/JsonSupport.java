package org.sessionsdk.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.sessionsdk.core.error.ResponseFormatException;

/**
 * The one Jackson {@link JsonFactory} of the SDK, and the check that the application's Jackson is in
 * the range we support. Jackson types stay inside the SDK; nothing public exposes them.
 *
 * <p>SDK-internal.
 */
public final class JsonSupport {
    /** Oldest Jackson minor version we accept (2.15 brought the stream read constraints we rely on). */
    public static final int MIN_MINOR = 15;
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonSupport() {
    }

    public static JsonFactory factory() {
        requireSupportedJackson();
        return FACTORY;
    }

    /** Fails fast, naming the version found, when the classpath brings a Jackson outside 2.15 to 2.x. */
    public static void requireSupportedJackson() {
        Version v = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
        check(v.getMajorVersion(), v.getMinorVersion(), v.toString());
    }

    static void check(int major, int minor, String found) {
        if (major != 2 || minor < MIN_MINOR) {
            throw new IllegalStateException("sessionsdk needs jackson-core 2." + MIN_MINOR + " or a later 2.x; found "
                    + found + " on the classpath");
        }
    }

    /**
     * Compact JSON text of a raw value: a {@link CharSequence}, a {@link Number}, a {@link Boolean},
     * {@code null}, or a {@link Map} / {@link Iterable} of the same (what
     * {@link org.sessionsdk.core.internal.json.JsonObject#values()} gives), e.g. to carry a nested field
     * as one string, or to write a small request body.
     *
     * @param value the value
     * @return its JSON text
     * @throws IllegalArgumentException for any other type
     */
    public static String toJson(Object value) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof CharSequence s) {
            g.writeString(s.toString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger n) {
            g.writeNumber(n);
        } else if (v instanceof BigDecimal n) {
            g.writeNumber(n);
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                write(g, item);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    /** A number, or a string holding one ({@code "3600"}), as a long. */
    public static long longValue(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText().trim());
            } catch (NumberFormatException e) {
                throw new ResponseFormatException("a number in " + field, "\"" + p.getText() + "\"", field);
            }
        }
        throw new ResponseFormatException("a number in " + field, String.valueOf(t), field);
    }

    /**
     * Two top-level string fields of a small JSON object, e.g. an error body's code and message;
     * nulls where absent or unreadable. Never throws.
     */
    public static String[] twoStrings(byte[] body, String first, String second) {
        String[] out = new String[2];
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                    if (name.equals(first)) {
                        out[0] = p.getText();
                    } else if (name.equals(second)) {
                        out[1] = p.getText();
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // an error body that is not JSON: the status still says what failed
        }
        return out;
    }
}
