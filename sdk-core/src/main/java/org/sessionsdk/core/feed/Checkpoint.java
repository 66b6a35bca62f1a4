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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.sessionsdk.core.internal.feed.CheckpointState;

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
    /** The values the feeds keep their position in: a time ({@code since}, {@code from}) or a cursor id. */
    private static final List<String> POSITIONS = java.util.List.of("since", "after", "next", "from");

    static {
        CheckpointState.install(new CheckpointState.Access() {
            @Override
            public Checkpoint create(String kind, String endpoint, Map<String, Object> state) {
                return new Checkpoint(kind, endpoint, state);
            }

            @Override
            public Map<String, Object> state(Checkpoint checkpoint) {
                return checkpoint.state;
            }
        });
    }

    private final String kind;
    private final String endpoint;
    private final Map<String, Object> state;

    private Checkpoint(String kind, String endpoint, Map<String, Object> state) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.state = state;
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
     * Whether this checkpoint stands further along than {@code other}, for a store that holds two
     * candidates for one feed (e.g. offsets an older release stored under another key): by the first
     * position both hold, a time or a cursor id.
     *
     * @param other another checkpoint, normally of the same feed
     * @return true if this one is further along; false if not, or if they hold no common position
     */
    public boolean isFurtherAlongThan(Checkpoint other) {
        for (String key : POSITIONS) {
            if (state.get(key) instanceof Long x && other.state.get(key) instanceof Long y) {
                return x > y;
            }
        }
        return false;
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
            return CheckpointState.checkpoint(kind, endpoint, state);
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
