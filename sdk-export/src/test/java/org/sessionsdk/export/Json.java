package org.sessionsdk.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict reader of one JSON document into maps and lists, and a dotted-path getter, for the tests. */
final class Json {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Json() {
    }

    static Map<String, Object> parse(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new AssertionError("not an object: " + text);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) value(p, t);
            if (p.nextToken() != null) {
                throw new AssertionError("more than one document on the line: " + text);
            }
            return m;
        } catch (IOException e) {
            throw new AssertionError("not valid JSON: " + text, e);
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    l.add(value(p, e));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new AssertionError("unexpected " + t);
        }
    }

    /** The value at a dotted path, or null. */
    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> doc, String path) {
        Object at = doc;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = ((Map<String, Object>) m).get(part);
        }
        return at;
    }

    /** Every leaf of a document, to check that none is null or an empty text. */
    static void leaves(Object v, String path, java.util.function.BiConsumer<String, Object> each) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                each.accept(path, m);
            }
            m.forEach((k, x) -> leaves(x, path.isEmpty() ? (String) k : path + "." + k, each));
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                each.accept(path, l);
            }
            for (int i = 0; i < l.size(); i++) {
                leaves(l.get(i), path + "[" + i + "]", each);
            }
        } else {
            each.accept(path, v);
        }
    }
}
