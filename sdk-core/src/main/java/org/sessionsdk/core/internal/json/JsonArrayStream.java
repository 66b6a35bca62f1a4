package org.sessionsdk.core.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.io.StringWriter;
import com.fasterxml.jackson.core.JsonGenerator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.internal.ClosingIterator;
import org.sessionsdk.core.internal.JsonSupport;
import org.sessionsdk.core.internal.TransportErrors;

/**
 * Streams the elements of a JSON array one at a time, as bytes arrive: a top-level array
 * ({@code [ {...}, ... ]}) or an array field inside an envelope ({@code {"code":200, "items":[...]}}).
 *
 * <p>Memory stays constant however long the array is. The returned stream is lazy and must be
 * closed; closing it (or reaching the end, or a failure) closes the body and its connection.
 * Malformed or truncated JSON becomes a {@link ResponseFormatException} naming where; an I/O failure
 * mid-body a {@link org.sessionsdk.core.error.TransportException}. Never a raw Jackson exception.
 *
 * @param <T> the record each element maps to
 */
public final class JsonArrayStream<T> {
    private final String arrayField;
    private final Function<JsonObject, T> mapper;
    private final Consumer<JsonObject> envelopeCheck;
    private final boolean flattenNested;
    private final boolean missingArrayIsEmpty;
    private final Set<String> keepJson;
    /** Most readers keep no field as JSON: then no field name is hashed to look it up. */
    private final boolean hasKeepJson;
    private final boolean keepArrays;
    private final String what;

    private JsonArrayStream(Builder<T> b) {
        this.arrayField = b.arrayField;
        this.mapper = Objects.requireNonNull(b.mapper, "mapper");
        this.envelopeCheck = b.envelopeCheck;
        this.flattenNested = b.flattenNested;
        this.missingArrayIsEmpty = b.missingArrayIsEmpty;
        this.keepJson = Set.copyOf(b.keepJson);
        this.hasKeepJson = !keepJson.isEmpty();
        this.keepArrays = b.keepArrays;
        this.what = b.what;
    }

    /**
     * Starts a reader for one kind of list.
     *
     * @param what   names the list in messages, e.g. {@code "Ekran sessions"}
     * @param mapper turns one element into a record; returning null skips the element
     * @param <T>    the record each element maps to
     * @return a builder; by default the body itself is the array
     */
    public static <T> Builder<T> of(String what, Function<JsonObject, T> mapper) {
        return new Builder<>(what, mapper);
    }

    /**
     * A lazy stream over the body. {@code resource} (the HTTP response) is closed with the stream.
     *
     * @param body     the response body
     * @param resource closed when the stream is closed, used up or fails
     * @return the records, parsed as the bytes arrive; close it
     */
    public Stream<T> stream(InputStream body, AutoCloseable resource) {
        JsonParser parser;
        try {
            parser = JsonSupport.factory().createParser(body);
        } catch (IOException e) {
            ClosingIterator.closeQuietly(resource);
            throw TransportErrors.whileReading(what, e);
        }
        return new Reader(parser, resource).toStream();
    }

    /**
     * Reads the whole body into a list (for small answers); the resource is closed.
     *
     * @param body     the response body
     * @param resource closed once the body is read
     * @return every record
     */
    public List<T> list(InputStream body, AutoCloseable resource) {
        try (Stream<T> s = stream(body, resource)) {
            List<T> out = new ArrayList<>();
            s.forEach(out::add);
            return out;
        }
    }

    private final class Reader extends ClosingIterator<T> {
        private final JsonParser p;
        private JsonObject envelope;
        private int state; // 0 before the array, 1 in it, 2 in a nested envelope's array, 3 done
        private int index;
        /** The one object every element is read into, in turn (see {@link JsonObject#reset}). */
        private JsonObject element;

        Reader(JsonParser p, AutoCloseable resource) {
            super(resource);
            this.p = p;
        }

        @Override
        protected RuntimeException translate(Exception e) {
            if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException eof) {
                return new ResponseFormatException("more JSON (" + what + ")", "end of body (truncated?)",
                        where(eof.getLocation()), e);
            }
            if (e instanceof JsonProcessingException jpe) {
                return new ResponseFormatException("well-formed JSON (" + what + ")", describe(jpe),
                        where(jpe.getLocation()), e);
            }
            return TransportErrors.whileReading(what, (IOException) e);
        }

        @Override
        protected void releaseParser() {
            state = 3;
            try {
                p.close();
            } catch (IOException ignored) {
                // the connection is dropped by the caller either way
            }
        }

        @Override
        protected T advance() throws IOException {
            if (state == 3) {
                return null;
            }
            return step();
        }

        private T step() throws IOException {
            if (state == 0 && !enterArray()) {
                state = 3;
                return null;
            }
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw new ResponseFormatException("more JSON (" + what + ")", "end of body (truncated?)",
                            where(p.currentLocation()));
                }
                if (t == JsonToken.END_ARRAY) {
                    if (state == 2) {
                        skipRestOfObject();
                        state = 1;
                        continue;
                    }
                    finishEnvelope();
                    state = 3;
                    return null;
                }
                if (t != JsonToken.START_OBJECT) {
                    throw new ResponseFormatException("an object in " + listName(), t.asString() == null
                            ? t.name() : t.asString(), where(p.currentLocation()));
                }
                // where the element starts, for messages: read off the parser without a JsonLocation per element
                int line;
                int column;
                if (p instanceof ParserBase pb) {
                    line = pb.getTokenLineNr();
                    int c = pb.getTokenColumnNr(); // one more than the location's column, when there is one
                    column = c > 0 ? c - 1 : c;
                } else {
                    JsonLocation at = p.currentTokenLocation();
                    line = at.getLineNr();
                    column = at.getColumnNr();
                }
                if (element == null) {
                    element = new JsonObject(listName(), index, line, column);
                } else {
                    element.reset(index, line, column);
                }
                JsonObject o = readObject(element, state == 1 && flattenNested, true);
                if (o == null) {
                    state = 2; // a whole envelope nested as an element: stream its array
                    continue;
                }
                index++;
                T mapped = mapper.apply(o);
                if (mapped != null) {
                    return mapped;
                }
            }
        }

        /** Positions the parser inside the array; false when the envelope has none (or it is null). */
        private boolean enterArray() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ResponseFormatException("a JSON " + (arrayField == null ? "array" : "object"),
                        "an empty body", what);
            }
            if (arrayField == null) {
                if (t != JsonToken.START_ARRAY) {
                    throw new ResponseFormatException("a JSON array of " + what, tokenName(t), where(p.currentLocation()));
                }
                state = 1;
                return true;
            }
            if (t != JsonToken.START_OBJECT) {
                throw new ResponseFormatException("a JSON object holding '" + arrayField + "'", tokenName(t),
                        where(p.currentLocation()));
            }
            envelope = new JsonObject("response envelope");
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals(arrayField) && v == JsonToken.START_ARRAY) {
                    checkEnvelope(envelope);
                    state = 1;
                    return true;
                }
                putValue(envelope, name, v);
            }
            expectEndOfObject(t);
            checkEnvelope(envelope);
            expectEndOfBody();
            if (missingArrayIsEmpty) {
                return false;
            }
            throw new ResponseFormatException("the field '" + arrayField + "'", "an object without it", what);
        }

        private void finishEnvelope() throws IOException {
            if (arrayField == null) {
                expectEndOfBody();
                return;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                putValue(envelope, name, p.nextToken());
            }
            expectEndOfObject(t);
            checkEnvelope(envelope);
            expectEndOfBody();
        }

        /**
         * Reads the object the parser stands at. Returns null when {@code nestedOk} and the object
         * turned out to be an envelope: its array field has just been entered.
         */
        private JsonObject readObject(JsonObject o, boolean nestedOk, boolean element) throws IOException {
            JsonToken t;
            boolean keep = element && hasKeepJson;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                // the two kinds almost every field is, stored here in the loop; everything else below
                if (v == JsonToken.VALUE_STRING && !keep) {
                    o.put(name, JsonObject.Kind.STRING, p.getText());
                    continue;
                }
                if (v == JsonToken.VALUE_NUMBER_INT && !keep) {
                    JsonParser.NumberType type = p.getNumberType();
                    if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                        o.putInteger(name, p.getLongValue());
                        continue;
                    }
                }
                if (nestedOk && v == JsonToken.START_ARRAY && name.equals(arrayField)) {
                    checkEnvelope(o);
                    return null;
                }
                if (keep && v != null && v != JsonToken.VALUE_NULL && keepJson.contains(name)) {
                    o.put(name, JsonObject.Kind.JSON, copyValue());
                    continue;
                }
                putValue(o, name, v);
            }
            if (t != JsonToken.END_OBJECT) {
                expectEndOfObject(t);
            }
            return o;
        }

        private void putValue(JsonObject o, String name, JsonToken v) throws IOException {
            if (v == null) {
                throw new ResponseFormatException("a value for '" + name + "'", "end of body (truncated?)",
                        where(p.currentLocation()));
            }
            switch (v) {
                case VALUE_STRING -> o.put(name, JsonObject.Kind.STRING, p.getText());
                case VALUE_NUMBER_INT -> {
                    JsonParser.NumberType type = p.getNumberType();
                    if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                        o.putInteger(name, p.getLongValue());
                    } else {
                        o.put(name, JsonObject.Kind.NUMBER, p.getText());
                    }
                }
                case VALUE_NUMBER_FLOAT -> o.put(name, JsonObject.Kind.NUMBER, p.getText());
                case VALUE_TRUE, VALUE_FALSE -> o.put(name, JsonObject.Kind.BOOLEAN, p.getText());
                case VALUE_NULL -> o.put(name, JsonObject.Kind.NULL, null);
                case START_OBJECT -> o.put(name, JsonObject.Kind.OBJECT, readObject(new JsonObject(o, name), false, false));
                case START_ARRAY -> {
                    if (keepArrays) {
                        o.put(name, JsonObject.Kind.ARRAY, readArray(o, name));
                    } else {
                        p.skipChildren();
                        o.put(name, JsonObject.Kind.ARRAY, null);
                    }
                }
                default -> throw new ResponseFormatException("a value for '" + name + "'", tokenName(v),
                        where(p.currentLocation()));
            }
        }

        /** The value the parser stands at, re-written compactly as JSON text. */
        private String copyValue() throws IOException {
            StringWriter text = new StringWriter();
            try (JsonGenerator g = JsonSupport.factory().createGenerator(text)) {
                g.copyCurrentStructure(p);
            }
            return text.toString();
        }

        /** The array the parser stands at, as raw values ({@link JsonObject#values()} explains them). */
        private List<Object> readArray(JsonObject owner, String name) throws IOException {
            List<Object> items = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new ResponseFormatException("a value in '" + name + "'", "end of body (truncated?)",
                            where(p.currentLocation()));
                }
                // each element goes through putValue on a scratch object, so arrays read as fields do
                JsonObject slot = new JsonObject(owner, name);
                putValue(slot, name, t);
                items.add(slot.values().get(name));
            }
            return Collections.unmodifiableList(items);
        }

        private void skipRestOfObject() throws IOException {
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                p.nextToken();
                p.skipChildren();
            }
            expectEndOfObject(t);
        }

        private void expectEndOfObject(JsonToken t) {
            if (t != JsonToken.END_OBJECT) {
                throw new ResponseFormatException("end of object", t == null ? "end of body (truncated?)"
                        : tokenName(t), where(p.currentLocation()));
            }
        }

        private void expectEndOfBody() throws IOException {
            JsonToken t = p.nextToken();
            if (t != null) {
                throw new ResponseFormatException("end of body", tokenName(t), where(p.currentLocation()));
            }
        }

        private void checkEnvelope(JsonObject o) {
            if (envelopeCheck != null) {
                envelopeCheck.accept(o);
            }
        }

        private String listName() {
            return arrayField == null ? what : arrayField;
        }

        private String where(JsonLocation l) {
            String at = listName() + "[" + index + "]";
            return l == null ? at : at + " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
        }
    }

    private static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "malformed JSON";
        }
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    private static String tokenName(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    /** Configures a {@link JsonArrayStream}. */
    public static final class Builder<T> {
        private final String what;
        private final Function<JsonObject, T> mapper;
        private String arrayField;
        private Consumer<JsonObject> envelopeCheck;
        private boolean flattenNested;
        private boolean missingArrayIsEmpty;
        private final Set<String> keepJson = new java.util.HashSet<>();
        private boolean keepArrays;

        private Builder(String what, Function<JsonObject, T> mapper) {
            this.what = what;
            this.mapper = mapper;
        }

        /**
         * The array is this field of a top-level object (default: the body is the array).
         *
         * @param name the envelope's field holding the array
         * @return this builder
         */
        public Builder<T> inField(String name) {
            this.arrayField = name;
            return this;
        }

        /**
         * Called with the envelope's other fields when the array is reached and again at the end;
         * throws to fail the call (an error flagged inside a 200 response).
         *
         * @param check inspects the envelope and throws to fail the call
         * @return this builder
         */
        public Builder<T> envelopeCheck(Consumer<JsonObject> check) {
            this.envelopeCheck = check;
            return this;
        }

        /**
         * Tolerate a whole envelope nested as an element of the array: stream its array instead.
         *
         * @return this builder
         */
        public Builder<T> flattenNestedEnvelopes() {
            this.flattenNested = true;
            return this;
        }

        /**
         * An envelope without the array field (or with null) is an empty list, not an error.
         *
         * @return this builder
         */
        public Builder<T> missingArrayIsEmpty() {
            this.missingArrayIsEmpty = true;
            return this;
        }

        /**
         * Keep these fields of each element as JSON text, whatever their type (read them with
         * {@link JsonObject#json}): for a vendor's free-form values, e.g. a changed object's old and
         * new body. The value is re-written compactly by the parser, so equal values read the same
         * text however the server spaced them.
         *
         * @param fields field names of the array's elements
         * @return this builder
         */
        public Builder<T> keepJson(String... fields) {
            keepJson.addAll(List.of(fields));
            return this;
        }

        /**
         * Keep arrays inside elements (as lists, see {@link JsonObject#values()}) instead of skipping
         * them: for records whose fields are kept whole. Each element is then held with its arrays.
         *
         * @return this builder
         */
        public Builder<T> keepArrays() {
            this.keepArrays = true;
            return this;
        }

        /** {@return the reader; it holds no state between bodies and may be reused} */
        public JsonArrayStream<T> build() {
            return new JsonArrayStream<>(this);
        }
    }
}
