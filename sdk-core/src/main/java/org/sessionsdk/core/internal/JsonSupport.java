package org.sessionsdk.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import java.io.IOException;
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
