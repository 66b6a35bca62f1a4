package org.sessionsdk.benchmarks.vendor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What the baselines share: the hand-written loops' token readers on Jackson's {@link JsonParser}, and
 * the naive baselines' {@link ObjectMapper}.
 */
final class JsonTokens {
    /** The hand-written loops' parser factory. */
    static final JsonFactory JSON = new JsonFactory();
    /** Whole-document binding, unknown properties ignored. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonTokens() {
    }

    /** A scalar's text; null for null; skips an object or array. */
    static String text(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** A number, or a number in a string; null for null; skips anything else. */
    static Long number(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (v == JsonToken.VALUE_STRING) {
            return Long.parseLong(p.getText().trim());
        }
        if (v != JsonToken.VALUE_NULL) {
            p.skipChildren();
        }
        return null;
    }

    static void expect(JsonToken got, JsonToken want) throws IOException {
        if (got != want) {
            throw new IOException("expected " + want + ", found " + got);
        }
    }
}
