package org.sessionsdk.plesk.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSchema;
import jakarta.xml.bind.annotation.XmlTransient;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
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

    /**
     * One child element's field: how its text becomes the value, and the setter, compiled once per
     * type into a direct call ({@link Setters}); a primitive {@code long} or {@code int} field is parsed
     * and set without boxing.
     *
     * @param convert  text to value (reference fields); throws on text that is not one
     * @param setter   the setter, for messages and the reflective fallback
     * @param nillable whether {@code xsi:nil} sets the field to null
     * @param set      the compiled setter of a reference field, or null
     * @param setLong  the compiled setter of a {@code long} field, or null
     * @param setInt   the compiled setter of an {@code int} field, or null
     */
    private record Leaf(Function<String, Object> convert, Method setter, boolean nillable,
                        BiConsumer<Object, Object> set, ObjLongConsumer<Object> setLong, ObjIntConsumer<Object> setInt) {
    }

    private final Class<?> type;
    private final Constructor<?> constructor;
    /** The no-argument constructor compiled into a direct call, or null (then reflection). */
    private final Supplier<Object> create;
    private final Map<String, Leaf> leaves;
    /**
     * The same leaves in declaration order (the schema's order, the order a server sends them): an
     * element's name is looked up by reference from where the last one was found, since StAX and the
     * annotations both hand out interned names; by content only when that misses.
     */
    private final String[] leafNames;
    private final Leaf[] leafList;
    private final Function<String, Object> scalar;

    private FlatBinding(Class<?> type, Constructor<?> constructor, Map<String, Leaf> leaves,
                        Function<String, Object> scalar) {
        this.type = type;
        this.constructor = constructor;
        this.create = constructor == null ? null : Setters.constructor(constructor);
        this.leaves = leaves;
        this.leafNames = leaves.keySet().toArray(String[]::new);
        this.leafList = new Leaf[leafNames.length];
        for (int i = 0; i < leafNames.length; i++) {
            leafList[i] = leaves.get(leafNames[i]);
        }
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
        int expected = 0; // where the next child's name is looked for first
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return target;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                Leaf leaf = null;
                if (isUnqualified(r)) {
                    int k = leafIndex(name, expected);
                    if (k >= 0) {
                        leaf = leafList[k];
                        expected = k + 1;
                    }
                }
                if (leaf == null) {
                    skip(r);
                    continue;
                }
                if (leaf.nillable() && isNil(r)) {
                    skip(r);
                    set(leaf, target, null);
                    continue;
                }
                String text = text(r, name, where);
                if (leaf.setLong() != null) {
                    long v = parseLong(name, text, where, r);
                    try {
                        leaf.setLong().accept(target, v);
                    } catch (RuntimeException e) {
                        throw setterFailed(leaf.setter(), e);
                    }
                } else if (leaf.setInt() != null) {
                    int v = parseInt(name, text, where, r);
                    try {
                        leaf.setInt().accept(target, v);
                    } catch (RuntimeException e) {
                        throw setterFailed(leaf.setter(), e);
                    }
                } else {
                    set(leaf, target, convert(leaf.convert(), name, text, where, r));
                }
            } else if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new ResponseFormatException("XML without DTD or entities", "a DTD or entity reference",
                        where.apply(r));
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new ResponseFormatException("</" + element + ">", "end of body (truncated?)", where.apply(r));
            }
        }
    }

    /** The index of the leaf called {@code name}, looked for from {@code from} by reference first; -1 if none. */
    private int leafIndex(String name, int from) {
        String[] names = leafNames;
        int n = names.length;
        int i = from;
        for (int k = 0; k < n; k++, i++) {
            if (i >= n) {
                i = 0;
            }
            if (names[i] == name) {
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

    private static long parseLong(String name, String text, Function<XMLStreamReader, String> where,
                                  XMLStreamReader r) {
        try {
            return Long.parseLong(trim(text));
        } catch (NumberFormatException e) {
            throw notAValue(name, text, where, r, e);
        }
    }

    private static int parseInt(String name, String text, Function<XMLStreamReader, String> where,
                                XMLStreamReader r) {
        try {
            return Integer.parseInt(trim(text));
        } catch (NumberFormatException e) {
            throw notAValue(name, text, where, r, e);
        }
    }

    private static ResponseFormatException notAValue(String name, String text, Function<XMLStreamReader, String> where,
                                                     XMLStreamReader r, IllegalArgumentException e) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return new ResponseFormatException("a valid value in <" + name + ">", "\"" + shown + "\"", where.apply(r), e);
    }

    private Object newInstance() {
        if (create != null) {
            try {
                return create.get();
            } catch (RuntimeException e) {
                throw new SdkException("cannot create " + type.getName() + ": " + e, e);
            }
        }
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SdkException("cannot create " + type.getName() + ": " + e, e);
        }
    }

    private void set(Leaf leaf, Object target, Object value) {
        if (leaf.set() != null) {
            try {
                leaf.set().accept(target, value);
            } catch (RuntimeException e) {
                throw setterFailed(leaf.setter(), e);
            }
            return;
        }
        set(leaf.setter(), target, value);
    }

    /** What a setter that threw becomes: as the reflective call reported it. */
    private SdkException setterFailed(Method setter, RuntimeException e) {
        return new SdkException("cannot set " + setter.getName() + " on " + type.getName() + ": " + e, e);
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
        Map<String, Leaf> leaves = new LinkedHashMap<>(); // declaration order: the schema's
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
            leaves.put(name, Setters.leaf(convert, setter, nillable));
        }
        try {
            return new FlatBinding(type, type.getConstructor(), Collections.unmodifiableMap(leaves), null);
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

    /**
     * The per-type binder's calls, compiled once per type with {@link LambdaMetafactory} into classes
     * that call the constructor and setters directly: reflection ({@code Method.invoke}) cost about a
     * tenth of a Plesk event's parse (an argument array, boxing, access checks per call). Anything that
     * cannot be compiled so (a security manager, an inaccessible class) keeps the reflective call.
     */
    private static final class Setters {
        private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

        private Setters() {
        }

        static Leaf leaf(Function<String, Object> convert, Method setter, boolean nillable) {
            Class<?> t = setter.getParameterTypes()[0];
            try {
                MethodHandle h = LOOKUP.unreflect(setter);
                Class<?> owner = setter.getDeclaringClass();
                if (t == long.class) {
                    ObjLongConsumer<Object> f = compile(h, ObjLongConsumer.class,
                            MethodType.methodType(void.class, Object.class, long.class),
                            MethodType.methodType(void.class, owner, long.class));
                    return new Leaf(convert, setter, nillable, null, f, null);
                }
                if (t == int.class) {
                    ObjIntConsumer<Object> f = compile(h, ObjIntConsumer.class,
                            MethodType.methodType(void.class, Object.class, int.class),
                            MethodType.methodType(void.class, owner, int.class));
                    return new Leaf(convert, setter, nillable, null, null, f);
                }
                BiConsumer<Object, Object> f = compile(h, BiConsumer.class,
                        MethodType.methodType(void.class, Object.class, Object.class),
                        MethodType.methodType(void.class, owner, t));
                return new Leaf(convert, setter, nillable, f, null, null);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                return new Leaf(convert, setter, nillable, null, null, null); // reflection, as before
            }
        }

        static Supplier<Object> constructor(Constructor<?> c) {
            try {
                MethodHandle h = LOOKUP.unreflectConstructor(c);
                return compileSupplier(h, c.getDeclaringClass());
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                return null; // reflection, as before
            }
        }

        @SuppressWarnings("unchecked")
        private static Supplier<Object> compileSupplier(MethodHandle h, Class<?> type) throws Throwable {
            CallSite site = LambdaMetafactory.metafactory(LOOKUP, "get", MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class), h, MethodType.methodType(type));
            return (Supplier<Object>) site.getTarget().invoke();
        }

        @SuppressWarnings("unchecked")
        private static <F> F compile(MethodHandle h, Class<?> iface, MethodType erased, MethodType exact)
                throws Throwable {
            CallSite site = LambdaMetafactory.metafactory(LOOKUP, "accept", MethodType.methodType(iface), erased, h,
                    exact);
            return (F) site.getTarget().invoke();
        }
    }
}
