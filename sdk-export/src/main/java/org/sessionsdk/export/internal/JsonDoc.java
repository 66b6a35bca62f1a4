package org.sessionsdk.export.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON document built by dotted paths ({@code src_endpoint.ip}), in insertion order. Unknown
 * values are left out: a null, an empty or blank text, an empty list or object is never written, so
 * a document holds no {@code ""} and no {@code null}.
 */
public final class JsonDoc {
    /** An empty document. */
    public JsonDoc() {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Object> root = new LinkedHashMap<>();

    /**
     * Sets a value; nothing happens for an unknown one.
     *
     * @param path  dotted path, each part an object key
     * @param value text, number, boolean, list of those, or a map (written as an object)
     * @return this document
     */
    public JsonDoc put(String path, Object value) {
        if (absent(value)) {
            return this;
        }
        String[] parts = path.split("\\.");
        Map<String, Object> at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            at = child(at, parts[i]);
        }
        at.put(parts[parts.length - 1], value);
        return this;
    }

    /**
     * Sets one key of an object without splitting it at dots (label and unmapped names may hold dots).
     *
     * @param objectPath the object's dotted path
     * @param key        the key, taken as it is
     * @param value      the value; nothing happens for an unknown one
     * @return this document
     */
    public JsonDoc putKey(String objectPath, String key, Object value) {
        if (absent(value) || key == null || key.isBlank()) {
            return this;
        }
        Map<String, Object> at = root;
        for (String part : objectPath.split("\\.")) {
            at = child(at, part);
        }
        at.put(key, value);
        return this;
    }

    /**
     * {@return whether a value is known at this path}
     *
     * @param path dotted path
     */
    public boolean has(String path) {
        Object at = root;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return false;
            }
            at = m.get(part);
        }
        return true;
    }

    /** {@return the document as nested maps, to put inside another (e.g. one element of an array)} */
    public Map<String, Object> tree() {
        return root;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> at, String key) {
        Object c = at.get(key);
        if (c instanceof Map<?, ?>) {
            return (Map<String, Object>) c;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        at.put(key, m);
        return m;
    }

    private static boolean absent(Object v) {
        return v == null || (v instanceof String s && s.isBlank()) || (v instanceof List<?> l && l.isEmpty())
                || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    /** {@return the document as one line of compact JSON; empty objects left by unknown values are dropped} */
    public String toJson() {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            write(g, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> inner && inner.isEmpty()) {
                    continue;
                }
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        }
    }
}
