package org.sessionsdk.export.internal;

import java.util.Map;

/**
 * One OCSF enum attribute, its sibling string and the schema's id to caption table. The sibling is
 * always derived from the id here: OCSF's rule is that it is the id's caption (a SIEM that shows the
 * string shows that), except for 99 Other, where it is the source's own word.
 *
 * @param id       the id attribute, e.g. {@code severity_id}
 * @param sibling  its string sibling, e.g. {@code severity}
 * @param captions id to caption, as in the schema
 */
record OcsfEnum(String id, String sibling, Map<Integer, String> captions) {
    static final int UNKNOWN = 0;
    static final int OTHER = 99;

    /** {@return the caption of a value, failing for one the schema does not define} */
    String caption(int value) {
        String c = captions.get(value);
        if (c == null) {
            throw new IllegalArgumentException(id + " has no value " + value);
        }
        return c;
    }

    /**
     * Writes a defined value and its caption under {@code at} ("" for the event itself).
     *
     * @param d     the document
     * @param at    the object path, or "" for a top-level attribute
     * @param value a value other than 99 Other (which needs the source's word: {@link #other})
     */
    void put(JsonDoc d, String at, int value) {
        if (value == OTHER) {
            throw new IllegalArgumentException(id + " 99 Other takes the source's value");
        }
        d.put(at + id, value).put(at + sibling, caption(value));
    }

    /**
     * Writes 99 Other with the source's own word; without one the value is not known, so 0 Unknown.
     * A source whose word is "Other" itself gets the id alone: the word repeats what 99 says, and a
     * sibling equal to 99's caption is what validators flag as a mislabelled Other.
     *
     * @param d      the document
     * @param at     the object path, or "" for a top-level attribute
     * @param source the source's value
     * @return the value written
     */
    int other(JsonDoc d, String at, String source) {
        if (source == null || source.isBlank()) {
            put(d, at, UNKNOWN);
            return UNKNOWN;
        }
        d.put(at + id, OTHER);
        if (!source.equals(caption(OTHER))) {
            d.put(at + sibling, source);
        }
        return OTHER;
    }
}
