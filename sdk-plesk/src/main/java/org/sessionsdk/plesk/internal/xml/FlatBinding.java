package org.sessionsdk.plesk.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSchema;
import jakarta.xml.bind.annotation.XmlTransient;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.internal.xml.TextChunks;
import org.sessionsdk.core.internal.xml.TextLimitReader;

/**
 * Reads a flat element (only text children) straight into its JAXB-generated class, or a single text
 * element into a String or a number, without going through a JAXB unmarshaller.
 *
 * <p>Why: JAXB costs about 11 µs per small element when called once per record (it interns every tag
 * name and sets up per-call state), three times what reading the same leaves with StAX costs. Records
 * in list answers are flat, so they take this path; anything else (attributes, nested types,
 * adapters, namespaces) is not eligible and stays with JAXB. The result matches JAXB's for the
 * eligible shapes: strings kept as sent, numbers and booleans whitespace-trimmed, a missing child
 * leaves the field unset, {@code xsi:nil} sets a nillable one to null, unknown children are skipped, the last of a repeated child wins. Unlike
 * JAXB's default, a number that does not parse is an error, as the SDK configures JAXB to do too.
 * Strings, longs, ints and big integers are read this way; a field of any other type makes the
 * class JAXB's.
 */
final class FlatBinding {
    /**
     * A leaf longer than this is refused, by the reader {@link Utf8XmlReader} opens, as the chunks
     * come: no field of a session or event record comes near it.
     */
    static final int MAX_LEAF = TextLimitReader.MAX_TEXT;

    private static final ClassValue<FlatBinding> CACHE = new ClassValue<>() {
        @Override
        protected FlatBinding computeValue(Class<?> type) {
            return analyse(type);
        }
    };

    /** Converts trimmed or raw text to a field value; throws on text that is not one. */
    private record Leaf(Function<String, Object> convert, Method setter, boolean nillable) {
    }

    private final Class<?> type;
    private final Constructor<?> constructor;
    private final Map<String, Leaf> leaves;
    private final Function<String, Object> scalar;

    private FlatBinding(Class<?> type, Constructor<?> constructor, Map<String, Leaf> leaves,
                        Function<String, Object> scalar) {
        this.type = type;
        this.constructor = constructor;
        this.leaves = leaves;
        this.scalar = scalar;
    }

    /** The binding for {@code type}, or null when it is not flat and needs JAXB. */
    static FlatBinding of(Class<?> type) {
        FlatBinding b = CACHE.get(type);
        return b.constructor == null && b.scalar == null ? null : b;
    }

    /**
     * Reads the element the reader is on (its START_ELEMENT) up to and including its END_ELEMENT.
     *
     * @param where describes the current position for an error message
     */
    Object read(XMLStreamReader r, Function<XMLStreamReader, String> where) throws XMLStreamException {
        String element = r.getLocalName();
        if (scalar != null) {
            return convert(scalar, element, text(r, element, where), where, r);
        }
        Object target = newInstance();
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return target;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                Leaf leaf = isUnqualified(r) ? leaves.get(name) : null;
                if (leaf == null) {
                    skip(r);
                    continue;
                }
                if (leaf.nillable() && isNil(r)) {
                    skip(r);
                    set(leaf.setter(), target, null);
                    continue;
                }
                Object value = convert(leaf.convert(), name, text(r, name, where), where, r);
                set(leaf.setter(), target, value);
            } else if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new ResponseFormatException("XML without DTD or entities", "a DTD or entity reference",
                        where.apply(r));
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new ResponseFormatException("</" + element + ">", "end of body (truncated?)", where.apply(r));
            }
        }
    }

    /** {@code xsi:nil="true"}: JAXB reads such an element as null. */
    private static boolean isNil(XMLStreamReader r) {
        if (r.getAttributeCount() == 0) {
            return false;
        }
        String nil = r.getAttributeValue("http://www.w3.org/2001/XMLSchema-instance", "nil");
        return nil != null && (nil.trim().equals("true") || nil.trim().equals("1"));
    }

    private static boolean isUnqualified(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return ns == null || ns.isEmpty();
    }

    /** The text of a leaf, from chunks the reader has bounded; nested elements inside it are skipped, as JAXB skips them. */
    private static String text(XMLStreamReader r, String name, Function<XMLStreamReader, String> where)
            throws XMLStreamException {
        TextChunks text = new TextChunks();
        while (true) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.add(r.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    // JAXB keeps only the text after a nested element; so does this
                    skip(r);
                    text.clear();
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.text();
                }
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new ResponseFormatException("XML without DTD or entities", "a DTD or entity reference",
                                where.apply(r));
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new ResponseFormatException("</" + name + ">", "end of body (truncated?)", where.apply(r));
                default -> {
                    // comments and processing instructions carry no value
                }
            }
        }
    }

    /** Skips the element the reader is on, through its END_ELEMENT. */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                return; // the caller sees the end of the document next and reports the truncation
            }
        }
    }

    private static Object convert(Function<String, Object> convert, String name, String text,
                                  Function<XMLStreamReader, String> where, XMLStreamReader r) {
        try {
            return convert.apply(text);
        } catch (IllegalArgumentException e) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            throw new ResponseFormatException("a valid value in <" + name + ">", "\"" + shown + "\"", where.apply(r), e);
        }
    }

    private Object newInstance() {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SdkException("cannot create " + type.getName() + ": " + e, e);
        }
    }

    private void set(Method setter, Object target, Object value) {
        try {
            setter.invoke(target, value);
        } catch (InvocationTargetException e) {
            throw new SdkException("cannot set " + setter.getName() + " on " + type.getName() + ": " + e.getCause(),
                    e.getCause());
        } catch (IllegalAccessException e) {
            throw new SdkException("cannot set " + setter.getName() + " on " + type.getName() + ": " + e, e);
        }
    }

    private static final FlatBinding NOT_FLAT = new FlatBinding(Object.class, null, Map.of(), null);

    private static FlatBinding analyse(Class<?> type) {
        Function<String, Object> scalar = converter(type);
        if (scalar != null) {
            return new FlatBinding(type, null, Map.of(), scalar);
        }
        XmlAccessorType access = type.getAnnotation(XmlAccessorType.class);
        if (access == null || access.value() != XmlAccessType.FIELD || type.getSuperclass() != Object.class
                || !unqualified(type)) {
            return NOT_FLAT;
        }
        Map<String, Leaf> leaves = new HashMap<>();
        for (Field f : type.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isAnnotationPresent(XmlTransient.class)) {
                continue;
            }
            // any binding annotation other than a plain @XmlElement changes how JAXB reads the field
            for (var a : f.getAnnotations()) {
                if (a.annotationType().getPackageName().equals("jakarta.xml.bind.annotation")
                        && a.annotationType() != XmlElement.class) {
                    return NOT_FLAT;
                }
            }
            Function<String, Object> convert = converter(f.getType());
            if (convert == null) {
                return NOT_FLAT;
            }
            XmlElement el = f.getAnnotation(XmlElement.class);
            if (el != null && !el.namespace().equals("##default") && !el.namespace().isEmpty()) {
                return NOT_FLAT;
            }
            String name = el == null || el.name().equals("##default") ? f.getName() : el.name();
            Method setter;
            try {
                setter = type.getMethod("set" + Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1),
                        f.getType());
            } catch (NoSuchMethodException e) {
                return NOT_FLAT;
            }
            // JAXB honours xsi:nil only where the schema allows it; elsewhere it reads the text
            boolean nillable = el != null && el.nillable() && !f.getType().isPrimitive();
            leaves.put(name, new Leaf(convert, setter, nillable));
        }
        try {
            return new FlatBinding(type, type.getConstructor(), Map.copyOf(leaves), null);
        } catch (NoSuchMethodException e) {
            return NOT_FLAT;
        }
    }

    private static boolean unqualified(Class<?> type) {
        XmlSchema schema = type.getPackage() == null ? null : type.getPackage().getAnnotation(XmlSchema.class);
        return schema == null || schema.namespace().isEmpty();
    }

    /** JAXB's lexical rules for the simple types records use; null for any other type. */
    private static Function<String, Object> converter(Class<?> t) {
        if (t == String.class) {
            return s -> s;
        }
        if (t == long.class || t == Long.class) {
            return s -> Long.parseLong(trim(s));
        }
        if (t == int.class || t == Integer.class) {
            return s -> Integer.parseInt(trim(s));
        }
        if (t == BigInteger.class) {
            return s -> new BigInteger(trim(s));
        }
        return null;
    }

    /** XML whitespace only, as JAXB trims numbers. */
    private static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isXmlSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isXmlSpace(s.charAt(to - 1))) {
            to--;
        }
        return from == 0 && to == s.length() ? s : s.substring(from, to);
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
