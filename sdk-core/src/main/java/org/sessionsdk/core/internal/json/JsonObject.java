package org.sessionsdk.core.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sessionsdk.core.error.ResponseFormatException;

/**
 * One JSON object as read from a response: its fields in wire order, with typed getters that fail
 * with a {@link ResponseFormatException} naming the field and where the object stood.
 *
 * <p>Scalars keep their wire text, so nothing is lost: {@code "id": 3} and {@code "id": "3"} both
 * read as {@code string("id") = "3"} and {@code int32("id") = 3}. Absent and {@code null} read the
 * same: as null from the optional getters.
 */
public final class JsonObject {
    /**
     * INTEGER: a JSON integer that fits a long, kept as one (no text); NUMBER: any other number, as text;
     * JSON: a field the reader was told to keep as JSON text ({@link JsonArrayStream.Builder#keepJson}).
     */
    enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, NULL, OBJECT, ARRAY, JSON }

    // Where the object stood, kept as parts: the text is built only for an error message.
    private final String name;
    private int index;
    private int line;
    private int column;
    private final JsonObject parent;
    // Parallel arrays rather than lists or a map: records have a handful of fields, read once each.
    private String[] names = new String[8];
    private Object[] values = new Object[8];
    private Kind[] kinds = new Kind[8];
    private long[] integers = new long[8];
    private int size;
    /** Where a lookup that misses {@link #plan} starts: mappers read fields mostly in wire order. */
    private int cursor;
    /**
     * The per-record binder, learnt from the first element and kept by the reader's one object: the
     * field the k-th lookup found in the element before ({@code plan[k]}). Every element of a list has
     * the same fields in the same order, and its mapper reads them in the same order, so after the
     * first element each lookup is one reference comparison at a known slot, whatever the two orders are.
     */
    private int[] plan = new int[8];
    /** Lookups past this many in one element are not planned (an object read over and over, not a record). */
    private static final int MAX_PLAN = 64;
    /** Lookups made in this element so far, up to {@link #MAX_PLAN}. */
    private int lookups;

    /** An object known by a description, e.g. "response envelope". */
    JsonObject(String description) {
        this(description, -1, 0, 0, null);
    }

    /** Element {@code index} of the array {@code listName}, starting at line and column. */
    JsonObject(String listName, int index, int line, int column) {
        this(listName, index, line, column, null);
    }

    /**
     * Makes this object element {@code index} of its array, starting at line and column, with no fields:
     * a reader reuses one object for every element, since mappers read it and let it go (none keeps it;
     * {@link #values()} and {@link #scalars()} are copies), so a list of a million records allocates
     * its field arrays once.
     */
    void reset(int index, int line, int column) {
        this.index = index;
        this.line = line;
        this.column = column;
        this.size = 0;
        this.cursor = 0;
        this.lookups = 0;
    }

    /** The object in field {@code field} of {@code parent}. */
    JsonObject(JsonObject parent, String field) {
        this(field, -1, 0, 0, parent);
    }

    private JsonObject(String name, int index, int line, int column, JsonObject parent) {
        this.name = name;
        this.index = index;
        this.line = line;
        this.column = column;
        this.parent = parent;
    }

    void put(String name, Kind kind, Object value) {
        int i = slot(name, kind);
        values[i] = value;
    }

    void putInteger(String name, long value) {
        int i = slot(name, Kind.INTEGER);
        integers[i] = value;
    }

    private int slot(String name, Kind kind) {
        if (size == names.length) {
            int n = size * 2;
            names = Arrays.copyOf(names, n);
            values = Arrays.copyOf(values, n);
            kinds = Arrays.copyOf(kinds, n);
            integers = Arrays.copyOf(integers, n);
        }
        names[size] = name;
        kinds[size] = kind;
        return size++;
    }

    private int indexOf(String name) {
        // the common case kept small enough to be inlined where a mapper reads a field: the slot this
        // lookup found in the element before holds the same interned name
        int k = lookups;
        if (k < MAX_PLAN) {
            lookups = k + 1;
        }
        int[] p = plan;
        if (k < p.length) {
            int i = p[k];
            if (i < size && names[i] == name) {
                return i;
            }
        }
        return learn(k, name);
    }

    /** Finds the field for lookup {@code k} of this element, and remembers the slot for the next element. */
    private int learn(int k, String name) {
        int i = find(name);
        if (i >= 0 && k < MAX_PLAN) {
            if (k >= plan.length) {
                plan = Arrays.copyOf(plan, Math.max(k + 1, plan.length * 2));
            }
            plan[k] = i;
        }
        return i;
    }

    private int find(String name) {
        int n = size;
        // field names from the parser and the mappers' literals are both interned: compare references
        // first, from where the last lookup stopped; only then by content
        int i = cursor;
        for (int k = 0; k < n; k++, i++) {
            if (i == n) {
                i = 0;
            }
            if (names[i] == name) {
                cursor = i + 1;
                return i;
            }
        }
        for (int j = 0; j < n; j++) {
            if (names[j].equals(name)) {
                return j;
            }
        }
        return -1;
    }

    /** The text of scalar {@code i}. */
    private String text(int i) {
        return kinds[i] == Kind.INTEGER ? Long.toString(integers[i]) : (String) values[i];
    }

    /** {@return where this object stood in the body, e.g. {@code "remote_sessions[3] (line 12, column 5)"}} */
    public String location() {
        if (parent != null) {
            return parent.location() + "." + name;
        }
        if (index < 0) {
            return name;
        }
        return name + "[" + index + "] (line " + line + ", column " + column + ")";
    }

    /**
     * Whether the object has a field, null or not.
     *
     * @param name the field name
     * @return true if the field was in the body, even as {@code null}
     */
    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** {@return the field names in wire order: a copy, since a reader reuses this object for the next element} */
    public List<String> fieldNames() {
        return List.of(Arrays.copyOf(names, size));
    }

    /**
     * A scalar as its wire text (numbers and booleans too); null when absent or null.
     *
     * @param name the field name
     * @return the text, or null
     * @throws ResponseFormatException if the field is an object or an array
     */
    public String string(String name) {
        int i = indexOf(name);
        if (i >= 0 && kinds[i] == Kind.STRING) {
            return (String) values[i]; // the common case, kept small
        }
        return otherString(name, i);
    }

    /** {@link #string} for field {@code i} (-1: absent) when it is not a string. */
    private String otherString(String name, int i) {
        if (i < 0) {
            return null;
        }
        Kind k = kinds[i];
        if (k == Kind.NULL) {
            return null;
        }
        if (k == Kind.OBJECT || k == Kind.ARRAY || k == Kind.JSON) {
            throw mismatch(name, "a text value", k == Kind.JSON ? "a JSON value" : k.name().toLowerCase());
        }
        return text(i);
    }

    /**
     * A field kept as JSON text ({@link JsonArrayStream.Builder#keepJson}): the value re-written
     * compactly by the parser ({@code {"a":1}}, {@code "text"}, {@code 3}), whatever its type; null when
     * the field is absent or JSON {@code null}.
     *
     * @param name the field name, one the reader keeps as JSON
     * @return the JSON text, or null
     * @throws ResponseFormatException if the field was not kept as JSON
     */
    public String json(String name) {
        int i = indexOf(name);
        if (i < 0 || kinds[i] == Kind.NULL) {
            return null;
        }
        if (kinds[i] != Kind.JSON) {
            throw mismatch(name, "a field kept as JSON text", kinds[i].name().toLowerCase());
        }
        return (String) values[i];
    }

    /**
     * Like {@link #string} but the field must be present and not null.
     *
     * @param name the field name
     * @return the text, never null
     * @throws ResponseFormatException if the field is absent, null, an object or an array
     */
    public String requiredString(String name) {
        String s = string(name);
        if (s == null) {
            throw mismatch(name, "a value", has(name) ? "null" : "no such field");
        }
        return s;
    }

    /**
     * A 32-bit integer, written as a number or as a string of digits; null when absent or null.
     *
     * @param name the field name
     * @return the value, or null
     * @throws ResponseFormatException if the field is not an integer or does not fit 32 bits
     */
    public Integer int32OrNull(String name) {
        Long v = int64OrNull(name);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw mismatch(name, "a 32-bit integer", v.toString());
        }
        return v.intValue();
    }

    /**
     * A 32-bit integer that must be present, written as a number or as a string of digits.
     *
     * @param name the field name
     * @return the value
     * @throws ResponseFormatException if the field is absent, null, not an integer or does not fit 32 bits
     */
    public int int32(String name) {
        int i = indexOf(name);
        if (i >= 0 && kinds[i] == Kind.INTEGER && integers[i] == (int) integers[i]) {
            return (int) integers[i]; // the common case, unboxed
        }
        Integer v = int32OrNull(name);
        if (v == null) {
            throw mismatch(name, "a 32-bit integer", has(name) ? "null" : "no such field");
        }
        return v;
    }

    /**
     * A 64-bit integer, written as a number or as a string of digits; null when absent or null.
     *
     * @param name the field name
     * @return the value, or null
     * @throws ResponseFormatException if the field is not an integer
     */
    public Long int64OrNull(String name) {
        int i = indexOf(name);
        if (i >= 0 && kinds[i] == Kind.INTEGER) {
            return integers[i];
        }
        return otherInt64(name, i);
    }

    /** {@link #int64OrNull} for field {@code i} (-1: absent) when it is not an integer number. */
    private Long otherInt64(String name, int i) {
        String s = otherString(name, i);
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw mismatch(name, "an integer", quote(s));
        }
    }

    /**
     * A time sent as milliseconds since the epoch, read like {@link #int64OrNull} (a number or a string
     * of digits), without boxing the number; null when absent or null.
     *
     * @param name the field name
     * @return the instant, or null
     * @throws ResponseFormatException if the field is not an integer
     */
    public Instant epochMillisOrNull(String name) {
        int i = indexOf(name);
        if (i >= 0 && kinds[i] == Kind.INTEGER) {
            return Instant.ofEpochMilli(integers[i]);
        }
        Long ms = otherInt64(name, i);
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    /**
     * A 64-bit integer that must be present, written as a number or as a string of digits.
     *
     * @param name the field name
     * @return the value
     * @throws ResponseFormatException if the field is absent, null or not an integer
     */
    public long int64(String name) {
        int i = indexOf(name);
        if (i >= 0 && kinds[i] == Kind.INTEGER) {
            return integers[i]; // the common case, unboxed
        }
        Long v = int64OrNull(name);
        if (v == null) {
            throw mismatch(name, "an integer", has(name) ? "null" : "no such field");
        }
        return v;
    }

    /**
     * A boolean ({@code true}/{@code false}, also as strings); null when absent or null.
     *
     * @param name the field name
     * @return the value, or null
     * @throws ResponseFormatException if the field holds anything else
     */
    public Boolean boolOrNull(String name) {
        String s = string(name);
        if (s == null) {
            return null;
        }
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw mismatch(name, "a boolean", quote(s));
    }

    /**
     * A nested object; null when absent or null.
     *
     * @param name the field name
     * @return the object, or null
     * @throws ResponseFormatException if the field is not an object
     */
    public JsonObject object(String name) {
        int i = indexOf(name);
        if (i < 0 || kinds[i] == Kind.NULL) {
            return null;
        }
        if (kinds[i] != Kind.OBJECT) {
            throw mismatch(name, "an object", kinds[i].name().toLowerCase());
        }
        return (JsonObject) values[i];
    }

    /** {@return every scalar field as text (nulls left out), e.g. to keep a vendor's extra fields} */
    public Map<String, String> scalars() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Kind k = kinds[i];
            if (k == Kind.STRING || k == Kind.INTEGER || k == Kind.NUMBER || k == Kind.BOOLEAN) {
                m.put(names[i], text(i));
            }
        }
        return m;
    }

    /**
     * Every field as a raw JSON value, in wire order: a {@link String}, a {@link Long} (an integer
     * that fits), a {@link java.math.BigInteger} or {@link java.math.BigDecimal} (any other number), a
     * {@link Boolean}, {@code null}, a {@code Map<String, Object>} of the same (an object) or a
     * {@code List<Object>} of the same (an array; empty unless the reader was built with
     * {@link JsonArrayStream.Builder#keepArrays()}), or the compact JSON text of a field kept with
     * {@link JsonArrayStream.Builder#keepJson}. Unmodifiable, nested parts too.
     *
     * @return the fields; values may be null
     */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            m.put(names[i], value(i));
        }
        return Collections.unmodifiableMap(m);
    }

    private Object value(int i) {
        return switch (kinds[i]) {
            case STRING -> values[i];
            case INTEGER -> integers[i];
            case NUMBER -> number((String) values[i]);
            case BOOLEAN -> Boolean.valueOf((String) values[i]);
            case NULL -> null;
            case OBJECT -> ((JsonObject) values[i]).values();
            case ARRAY -> values[i] == null ? List.of() : values[i];
            case JSON -> values[i];
        };
    }

    private static Number number(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            return new BigInteger(text);
        }
        return new BigDecimal(text);
    }

    /**
     * A {@link ResponseFormatException} about a field of this object.
     *
     * @param field    the field name
     * @param expected what the vendor documents there
     * @param found    what the body held instead
     * @return the exception, naming the field and this object's location; the caller throws it
     */
    public ResponseFormatException mismatch(String field, String expected, String found) {
        return new ResponseFormatException(expected + " in field '" + field + "'", found, location());
    }

    private static String quote(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return "\"" + cut + "\"";
    }

    @Override
    public String toString() {
        return "JsonObject" + fieldNames();
    }
}
