package org.sessionsdk.core.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Where a feed stands: opaque, versioned text ({@link #toString()}, {@link #parse(String)}) to store
 * and hand back. Small: it holds what the feed needs to go on (e.g. the sessions open now and a
 * time), bounded by the sessions open at once and a constant, never by history.
 *
 * <p>The text is {@code sdkcp1.} followed by base64url JSON, or, once that JSON passes a few
 * kilobytes, {@code sdkcp2.} followed by the base64url of the same JSON deflated: the de-dup state of
 * a busy feed (thousands of open sessions, an overlap of audit entries) is what makes a checkpoint
 * large, and it must stay small enough for a Kafka offset and a file written every poll. A small
 * checkpoint keeps the first form, so a quiet feed's checkpoint is still read by the releases before
 * the second. Both forms are read. Feeds read their own kind only: a
 * checkpoint of another vendor, stream or strategy is refused with a clear error. A feed's checkpoint
 * also names the endpoint it read ({@link #endpoint()}), and a feed of another endpoint refuses it
 * unless told otherwise ({@link FeedOptions.Builder#acceptCheckpointFromOtherEndpoint}).
 */
public final class Checkpoint {
    private static final String PREFIX = "sdkcp1.";
    private static final String DEFLATED = "sdkcp2.";
    /** JSON longer than this is written deflated ({@code sdkcp2}); shorter stays plain ({@code sdkcp1}). */
    private static final int DEFLATE_ABOVE = 2048;
    /** A damaged or hostile deflated body is refused past this size instead of filling the heap. */
    private static final int MAX_INFLATED = 64 * 1024 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private static final String ENDPOINT = "endpoint";

    private final String kind;
    private final String endpoint;
    private final Map<String, Object> state;

    private Checkpoint(String kind, String endpoint, Map<String, Object> state) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.state = state;
    }

    /**
     * A checkpoint; for feed implementations.
     *
     * @param kind  which feed wrote it, e.g. {@code plesk/sessions/diff}
     * @param state text, whole numbers and tables of id to text or whole number; the text lists the
     *              values by name and a table's rows in the table's own order (pass an ordered map)
     * @return the checkpoint
     * @throws IllegalArgumentException if a value is of another type, or is named {@code kind} or
     *     {@code endpoint} (the checkpoint's own)
     */
    public static Checkpoint of(String kind, Map<String, ?> state) {
        Objects.requireNonNull(kind, "kind");
        if (state.containsKey("kind") || state.containsKey(ENDPOINT)) {
            throw new IllegalArgumentException("'kind' and 'endpoint' are the checkpoint's own, not a feed's values");
        }
        // sorted, so the text is the same whatever map the caller built (Map.of's order changes per JVM);
        // a table keeps the order given, which the feeds build in first-seen order
        Map<String, Object> copy = new TreeMap<>();
        state.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> t = new LinkedHashMap<>();
                m.forEach((id, n) -> {
                    if (!(n instanceof Long || n instanceof String)) {
                        throw new IllegalArgumentException("table values are text or whole numbers: " + k);
                    }
                    t.put((String) id, n);
                });
                copy.put(k, Collections.unmodifiableMap(t));
            } else if (v instanceof String || v instanceof Long) {
                copy.put(k, v);
            } else if (v != null) {
                throw new IllegalArgumentException("checkpoint values are text, whole numbers or tables: " + k);
            }
        });
        return new Checkpoint(kind, null, Collections.unmodifiableMap(copy));
    }

    /**
     * This checkpoint, naming the endpoint its feed read; for feed implementations.
     *
     * @param endpoint the endpoint's stable form (scheme, host, port, path; never credentials), or
     *                 null for none
     * @return the checkpoint
     */
    public Checkpoint withEndpoint(String endpoint) {
        return Objects.equals(endpoint, this.endpoint) ? this : new Checkpoint(kind, endpoint, state);
    }

    /**
     * {@return the endpoint the feed that wrote it read, e.g. {@code https://panel.example.com:8443};
     * null for a checkpoint written before checkpoints named one}
     */
    public String endpoint() {
        return endpoint;
    }

    /** {@return which feed wrote it, e.g. {@code plesk/sessions/diff}} */
    public String kind() {
        return kind;
    }

    /**
     * {@return a text value, or null}
     *
     * @param key the value's name
     */
    public String text(String key) {
        Object v = state.get(key);
        return v instanceof String s ? s : null;
    }

    /**
     * {@return a whole number, or null}
     *
     * @param key the value's name
     */
    public Long number(String key) {
        Object v = state.get(key);
        return v instanceof Long n ? n : null;
    }

    /**
     * {@return a table of id to whole number (or text), empty when absent}
     *
     * @param key the table's name
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> table(String key) {
        Object v = state.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * {@return a table of id to whole number, empty when absent}
     *
     * @param key the table's name
     * @throws IllegalArgumentException if the table holds something else (a damaged checkpoint)
     */
    public Map<String, Long> numbers(String key) {
        Map<String, Long> out = new LinkedHashMap<>();
        table(key).forEach((id, v) -> {
            if (!(v instanceof Long n)) {
                throw new IllegalArgumentException("a damaged checkpoint: '" + key + "' holds a value that is not a number");
            }
            out.put(id, n);
        });
        return out;
    }

    /**
     * {@return a table of id to text, empty when absent}
     *
     * @param key the table's name
     * @throws IllegalArgumentException if the table holds something else (a damaged checkpoint)
     */
    public Map<String, String> texts(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        table(key).forEach((id, v) -> {
            if (!(v instanceof String t)) {
                throw new IllegalArgumentException("a damaged checkpoint: '" + key + "' holds a value that is not text");
            }
            out.put(id, t);
        });
        return out;
    }

    /**
     * Checks that the checkpoint was written by the feed about to read it.
     *
     * @param expected the reader's kind
     * @return this checkpoint
     * @throws IllegalArgumentException if it is another feed's
     */
    public Checkpoint requireKind(String expected) {
        if (!kind.equals(expected)) {
            throw new IllegalArgumentException("this checkpoint belongs to a " + kind + " feed, not to a " + expected
                    + " feed: resume each feed from its own checkpoint");
        }
        return this;
    }

    /**
     * Reads a checkpoint's text.
     *
     * @param text what {@link #toString()} gave
     * @return the checkpoint
     * @throws IllegalArgumentException if the text is not a checkpoint, is damaged, or is of a version
     *     this SDK cannot read
     */
    public static Checkpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (!t.startsWith("sdkcp")) {
            throw new IllegalArgumentException("not a sessionsdk checkpoint (it should start with '" + PREFIX + "')");
        }
        boolean deflated = t.startsWith(DEFLATED);
        if (!t.startsWith(PREFIX) && !deflated) {
            throw new IllegalArgumentException("a checkpoint of another version (" + t.substring(0, Math.min(t.length(),
                    t.indexOf('.') < 0 ? 8 : t.indexOf('.'))) + "): this SDK reads sdkcp1 and sdkcp2");
        }
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(t.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a damaged checkpoint: its body is not base64url", e);
        }
        if (deflated) {
            json = inflate(json);
        }
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken() == JsonToken.START_OBJECT);
            String kind = null;
            String endpoint = null;
            Map<String, Object> state = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("kind") && v == JsonToken.VALUE_STRING) {
                    kind = p.getText();
                } else if (name.equals(ENDPOINT) && v == JsonToken.VALUE_STRING) {
                    endpoint = p.getText();
                } else if (v == JsonToken.VALUE_STRING) {
                    state.put(name, p.getText());
                } else if (v == JsonToken.VALUE_NUMBER_INT) {
                    state.put(name, p.getLongValue());
                } else if (v == JsonToken.START_OBJECT) {
                    Map<String, Object> table = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String id = p.currentName();
                        JsonToken cell = p.nextToken();
                        expect(cell == JsonToken.VALUE_NUMBER_INT || cell == JsonToken.VALUE_STRING);
                        table.put(id, cell == JsonToken.VALUE_STRING ? p.getText() : (Object) p.getLongValue());
                    }
                    state.put(name, table);
                } else {
                    expect(false);
                }
            }
            expect(kind != null && p.nextToken() == null);
            return of(kind, state).withEndpoint(endpoint);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("a damaged checkpoint: " + e.getMessage(), e);
        }
    }

    private static byte[] inflate(byte[] body) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] buf = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("a damaged checkpoint: its deflated body is cut short");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new IllegalArgumentException("a damaged checkpoint: its body inflates past "
                            + MAX_INFLATED / (1024 * 1024) + " MB");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("a damaged checkpoint: its body is not deflated data", e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] deflate(byte[] json) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(json);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
            byte[] buf = new byte[16384];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void expect(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("unexpected content");
        }
    }

    /**
     * {@return the checkpoint as text, {@code sdkcp1.} and base64url JSON, or {@code sdkcp2.} and the
     * base64url of that JSON deflated once it passes a few kilobytes; store it as it is}
     */
    @Override
    public String toString() {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("kind", kind);
            if (endpoint != null) {
                g.writeStringField(ENDPOINT, endpoint);
            }
            for (Map.Entry<String, Object> e : state.entrySet()) {
                if (e.getValue() instanceof String s) {
                    g.writeStringField(e.getKey(), s);
                } else if (e.getValue() instanceof Long n) {
                    g.writeNumberField(e.getKey(), n);
                } else {
                    g.writeObjectFieldStart(e.getKey());
                    for (Map.Entry<?, ?> r : ((Map<?, ?>) e.getValue()).entrySet()) {
                        if (r.getValue() instanceof Long n) {
                            g.writeNumberField((String) r.getKey(), n);
                        } else {
                            g.writeStringField((String) r.getKey(), (String) r.getValue());
                        }
                    }
                    g.writeEndObject();
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] json = w.toString().getBytes(StandardCharsets.UTF_8);
        if (json.length > DEFLATE_ABOVE) {
            return DEFLATED + Base64.getUrlEncoder().withoutPadding().encodeToString(deflate(json));
        }
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.kind.equals(kind) && Objects.equals(c.endpoint, endpoint)
                && c.state.equals(state);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + Objects.hashCode(endpoint)) * 31 + state.hashCode();
    }
}
