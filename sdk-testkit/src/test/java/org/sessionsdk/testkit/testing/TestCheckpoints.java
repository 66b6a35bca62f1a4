package org.sessionsdk.testkit.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Inflater;
import org.sessionsdk.core.feed.Checkpoint;

/**
 * Checkpoints as tests outside the feeds build and inspect them: through the checkpoint's text only, as a
 * store or an older release would see it (the values themselves are the feeds' own business).
 */
public final class TestCheckpoints {
    private static final JsonFactory JSON = new JsonFactory();

    private TestCheckpoints() {
    }

    /**
     * {@return a checkpoint of a feed kind holding these top-level numbers and texts}
     *
     * @param kind   the feed kind, e.g. {@code plesk/audit/id}
     * @param values whole numbers ({@code Long}) and texts
     */
    public static Checkpoint of(String kind, Map<String, ?> values) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("kind", kind);
            for (Map.Entry<String, ?> e : new TreeMap<>(values).entrySet()) {
                if (e.getValue() instanceof Long n) {
                    g.writeNumberField(e.getKey(), n);
                } else {
                    g.writeStringField(e.getKey(), (String) e.getValue());
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Checkpoint.parse("sdkcp1." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(w.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@return a checkpoint's values read back from its text: numbers as {@code Long}, texts as
     * {@code String}, tables as ordered maps}
     *
     * @param cp a checkpoint
     */
    public static Map<String, Object> values(Checkpoint cp) {
        String t = cp.toString();
        byte[] body = Base64.getUrlDecoder().decode(t.substring(t.indexOf('.') + 1));
        if (t.startsWith("sdkcp2.")) {
            body = inflate(body);
        }
        try (JsonParser p = JSON.createParser(body)) {
            p.nextToken();
            return object(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@return a table of a checkpoint, empty when absent}
     *
     * @param cp  a checkpoint
     * @param key the table's name
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> table(Checkpoint cp, String key) {
        return values(cp).get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * {@return a whole number of a checkpoint, or null}
     *
     * @param cp  a checkpoint
     * @param key the value's name
     */
    public static Long number(Checkpoint cp, String key) {
        return values(cp).get(key) instanceof Long n ? n : null;
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            out.put(name, v == JsonToken.START_OBJECT ? object(p)
                    : v == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue() : p.getText());
        }
        return out;
    }

    private static byte[] inflate(byte[] body) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(body);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                out.write(buf, 0, inflater.inflate(buf));
            }
            return out.toByteArray();
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException(e);
        } finally {
            inflater.end();
        }
    }
}
