package org.sessionsdk.plesk.internal.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.internal.ClosingIterator;
import org.sessionsdk.core.internal.TransportErrors;

/**
 * Streams the elements with one local name out of an XML document, each read on its own and mapped to
 * a record, while the rest of the document is walked with a hardened StAX reader. Memory stays
 * constant however many elements there are. Flat elements (text children only) are read straight into
 * their JAXB class by {@link FlatBinding}; anything richer is unmarshalled by JAXB.
 *
 * <p>Vendors watch the rest of the document through listeners: short text elements (a status, an
 * error code), whole small elements unmarshalled (an error block), the end of an element (to check
 * what was collected), and the end of the document.
 *
 * <p>The stream is lazy and must be closed; closing it, reaching the end or failing closes the body.
 * Malformed XML, a DTD, an entity or a wrong element type is a {@link ResponseFormatException}.
 *
 * <p>SDK-internal: vendor modules build these; its signatures carry JAXB types, which the public API
 * never does.
 *
 * @param <T> the record each element maps to
 */
public final class XmlElementStream<T> {
    /** Text elements longer than this are refused: a status or error code is never that long. */
    static final int MAX_TEXT = 64 * 1024;

    private final JAXBContext context;
    private final String elementName;
    private final List<String> ancestors;
    private final Class<?> wireType;
    private final Function<Object, T> mapper;
    private final Map<String, TextListener> textListeners;
    private final Map<String, Typed<?>> elementListeners;
    private final Map<String, EndListener> endListeners;
    private final StartListener onStart;
    private final Runnable onFinish;
    private final String what;

    /** Receives the text of a leaf element, with the names of its ancestors ({@code [packet, session, get, result]}). */
    @FunctionalInterface
    public interface TextListener {
        void text(List<String> parents, String text);
    }

    /** Receives a small element unmarshalled whole. */
    @FunctionalInterface
    public interface ElementListener<V> {
        void element(List<String> parents, V value);
    }

    /**
     * Called at the start tag of every element that is walked through rather than streamed or
     * handed to another listener: the envelope around the records, so that a vendor can check the
     * document is the answer it asked for.
     */
    @FunctionalInterface
    public interface StartListener {
        void start(List<String> parents, String name);
    }

    /** Called at an element's end tag. */
    @FunctionalInterface
    public interface EndListener {
        void end(List<String> parents);
    }

    private XmlElementStream(Builder<T> b) {
        this.context = b.context;
        this.elementName = b.elementName;
        this.ancestors = b.ancestors;
        this.wireType = b.wireType;
        this.mapper = b.mapper;
        this.textListeners = Map.copyOf(b.textListeners);
        this.elementListeners = Map.copyOf(b.elementListeners);
        this.endListeners = Map.copyOf(b.endListeners);
        this.onStart = b.onStart;
        this.onFinish = b.onFinish;
        this.what = b.what;
    }

    /**
     * @param context     the JAXB context of the vendor's wire classes
     * @param elementName local name of the elements to stream, e.g. {@code "event"}
     * @param wireType    the JAXB type of that element
     * @param mapper      wire object to record; null skips the element
     * @param what        names the list in messages
     */
    @SuppressWarnings("unchecked")
    public static <W, T> Builder<T> of(JAXBContext context, String elementName, Class<W> wireType,
                                       Function<W, T> mapper, String what) {
        return new Builder<>(context, elementName, wireType, (Function<Object, T>) (Function<?, T>) mapper, what);
    }

    /** A lazy stream over the body; {@code resource} is closed with it. */
    public Stream<T> stream(InputStream body, AutoCloseable resource) {
        XMLStreamReader reader;
        try {
            reader = Utf8XmlReader.open(body);
        } catch (XMLStreamException e) {
            ClosingIterator.closeQuietly(resource);
            // the reader reads the first bytes at once: a broken or stalled connection is not a format error
            IOException io = ioCause(e);
            if (io != null) {
                throw TransportErrors.whileReading(what, io);
            }
            throw new ResponseFormatException("an XML document (" + what + ")", message(e), where(e.getLocation()), e);
        }
        return new Walker(reader, resource).toStream();
    }

    /** JAXB for the elements {@link FlatBinding} cannot read; made on first use. */
    private Unmarshaller newUnmarshaller() throws JAXBException {
        Unmarshaller u = context.createUnmarshaller();
        // JAXB's default handler turns <id>abc</id> into 0 and carries on: fail instead. Events
        // without a cause (an element the schema does not know) stay tolerated.
        u.setEventHandler(event -> event.getLinkedException() == null
                && event.getSeverity() != jakarta.xml.bind.ValidationEvent.FATAL_ERROR);
        return u;
    }

    /** Reads every element into a list; the resource is closed. */
    public List<T> list(InputStream body, AutoCloseable resource) {
        try (Stream<T> s = stream(body, resource)) {
            List<T> out = new ArrayList<>();
            s.forEach(out::add);
            return out;
        }
    }

    private final class Walker extends ClosingIterator<T> {
        private final XMLStreamReader r;
        private Unmarshaller u;
        private final Deque<String> path = new ArrayDeque<>();
        private boolean done;
        private int index;
        /** Describes the position for a record's error; made once, not per record. */
        private final Function<XMLStreamReader, String> whereAt = at -> where(at.getLocation());
        /** The binding of the last type read, and that type: records are one type, looked up once. */
        private Class<?> boundType;
        private FlatBinding bound;

        Walker(XMLStreamReader r, AutoCloseable resource) {
            super(resource);
            this.r = r;
        }

        @Override
        protected RuntimeException translate(Exception e) {
            if (e instanceof XMLStreamException xe) {
                IOException io = ioCause(xe);
                if (io != null) {
                    return TransportErrors.whileReading(what, io);
                }
                return new ResponseFormatException("well-formed XML (" + what + ")", message(xe), where(xe.getLocation()), e);
            }
            JAXBException je = (JAXBException) e;
            Throwable cause = je.getLinkedException() != null ? je.getLinkedException() : je.getCause();
            if (cause instanceof XMLStreamException xe && ioCause(xe) != null) {
                return TransportErrors.whileReading(what, ioCause(xe));
            }
            if (cause instanceof IOException io) {
                return TransportErrors.whileReading(what, io);
            }
            return new ResponseFormatException("a valid <" + elementName + "> element", message(je), where(r.getLocation()), e);
        }

        @Override
        protected void releaseParser() {
            done = true;
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // the body is closed right after
            }
        }

        @Override
        protected T advance() throws XMLStreamException, JAXBException {
            while (!done) {
                int ev = reuseCurrent ? r.getEventType() : nextEvent();
                reuseCurrent = false;
                if (ev == XMLStreamConstants.END_DOCUMENT) {
                    done = true;
                    if (!path.isEmpty()) {
                        throw new ResponseFormatException("</" + path.peek() + ">", "end of body (truncated?)",
                                where(r.getLocation()));
                    }
                    if (onFinish != null) {
                        onFinish.run();
                    }
                    return null;
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals(elementName) && (ancestors == null || atAncestors())) {
                        Object wire = unmarshal(wireType);
                        index++;
                        T mapped = mapper.apply(wire);
                        if (mapped != null) {
                            return mapped;
                        }
                        continue;
                    }
                    Typed<?> el = elementListeners.get(name);
                    if (el != null) {
                        el.deliver(reversed(), unmarshal(el.type()));
                        continue;
                    }
                    TextListener tl = textListeners.get(name);
                    if (tl != null) {
                        String text = r.getElementText();
                        if (text.length() > MAX_TEXT) {
                            throw new ResponseFormatException("a short text in <" + name + ">",
                                    text.length() + " characters", where(r.getLocation()));
                        }
                        tl.text(reversed(), text);
                        continue;
                    }
                    if (onStart != null) {
                        onStart.start(reversed(), name);
                    }
                    path.push(name);
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = path.isEmpty() ? r.getLocalName() : path.pop();
                    EndListener end = endListeners.get(name);
                    if (end != null) {
                        end.end(reversed());
                    }
                } else if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new ResponseFormatException("XML without DTD or entities", "a DTD or entity reference",
                            where(r.getLocation()));
                }
            }
            return null;
        }

        private boolean reuseCurrent;

        private int nextEvent() throws XMLStreamException {
            if (!r.hasNext()) {
                return XMLStreamConstants.END_DOCUMENT;
            }
            return r.next();
        }

        /** Reads the element the reader is on; leaves the reader so that the next event is the one after it. */
        private Object unmarshal(Class<?> type) throws JAXBException, XMLStreamException {
            if (type != boundType) {
                bound = FlatBinding.of(type);
                boundType = type;
            }
            FlatBinding flat = bound;
            if (flat != null) {
                return flat.read(r, whereAt);
            }
            if (u == null) {
                u = newUnmarshaller();
            }
            JAXBElement<?> el = u.unmarshal(r, type);
            reuseCurrent = true; // JAXB stops on the event after the end tag
            Object v = el.getValue();
            if (v == null) {
                throw new ResponseFormatException("content in <" + el.getName().getLocalPart() + ">", "nothing",
                        where(r.getLocation()));
            }
            return v;
        }

        /** Whether the open elements are exactly {@link #ancestors}, outermost first. */
        private boolean atAncestors() {
            if (path.size() != ancestors.size()) {
                return false;
            }
            java.util.Iterator<String> open = path.descendingIterator();
            for (String expected : ancestors) {
                if (!expected.equals(open.next())) {
                    return false;
                }
            }
            return true;
        }

        private List<String> reversed() {
            List<String> l = new ArrayList<>(path);
            java.util.Collections.reverse(l);
            return l;
        }

        private String where(Location l) {
            return XmlElementStream.this.where(l) + ", after " + index + " <" + elementName + "> elements";
        }
    }

    private record Typed<V>(Class<V> type, ElementListener<V> listener) {
        void deliver(List<String> parents, Object value) {
            listener.element(parents, type.cast(value));
        }
    }

    /**
     * The I/O failure under a StAX exception (the JDK nests it, or sets it as the cause), or null. Bytes
     * that are not UTF-8 are the body's fault, not the connection's: those are not I/O failures here.
     */
    private static IOException ioCause(XMLStreamException e) {
        Throwable t = e.getNestedException() instanceof IOException ? e.getNestedException() : e.getCause();
        return t instanceof IOException io && !(io instanceof CharacterCodingException) ? io : null;
    }

    private String where(Location l) {
        return l == null ? what : what + " (line " + l.getLineNumber() + ", column " + l.getColumnNumber() + ")";
    }

    private static String message(Exception e) {
        if (e instanceof XMLStreamException xe && xe.getNestedException() instanceof CharacterCodingException) {
            return "bytes that are not UTF-8";
        }
        String m = e.getMessage();
        if (m == null && e instanceof JAXBException j && j.getLinkedException() != null) {
            m = j.getLinkedException().getMessage();
        }
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + 9) : m;
    }

    /** Configures an {@link XmlElementStream}. */
    public static final class Builder<T> {
        private final JAXBContext context;
        private final String elementName;
        private final Class<?> wireType;
        private final Function<Object, T> mapper;
        private final String what;
        private List<String> ancestors;
        private StartListener onStart;
        private final Map<String, TextListener> textListeners = new HashMap<>();
        private final Map<String, Typed<?>> elementListeners = new HashMap<>();
        private final Map<String, EndListener> endListeners = new HashMap<>();
        private Runnable onFinish;

        private Builder(JAXBContext context, String elementName, Class<?> wireType, Function<Object, T> mapper,
                        String what) {
            this.context = context;
            this.elementName = elementName;
            this.wireType = wireType;
            this.mapper = mapper;
            this.what = what;
        }

        /**
         * Stream the element only where the elements around it are exactly {@code path}, outermost
         * first ({@code packet, session, get, result}): Plesk's {@code <session>} is both an operator
         * and a record, and a record found anywhere else belongs to an answer that was not asked for.
         */
        public Builder<T> at(String... path) {
            this.ancestors = List.of(path);
            return this;
        }

        /** Called at every element walked through (see {@link StartListener}). */
        public Builder<T> onStart(StartListener listener) {
            this.onStart = listener;
            return this;
        }

        /** Hand the text of every {@code <name>} leaf element to {@code listener}. */
        public Builder<T> onText(String name, TextListener listener) {
            textListeners.put(name, listener);
            return this;
        }

        /** Unmarshal every {@code <name>} element as {@code type} and hand it to {@code listener}. */
        public <V> Builder<T> onElement(String name, Class<V> type, ElementListener<V> listener) {
            elementListeners.put(name, new Typed<>(type, listener));
            return this;
        }

        /** Called at every {@code </name>}. */
        public Builder<T> onEnd(String name, EndListener listener) {
            endListeners.put(name, listener);
            return this;
        }

        /** Called once at the end of the document (e.g. to check a result was seen). */
        public Builder<T> onFinish(Runnable r) {
            this.onFinish = r;
            return this;
        }

        public XmlElementStream<T> build() {
            return new XmlElementStream<>(this);
        }
    }
}
