package org.sessionsdk.core.internal.xml;

import java.io.Reader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The only way the SDK makes XML readers: the JDK's own StAX parser with DTDs, external entities and
 * entity expansion off. An XXE payload or a billion-laughs bomb is refused, never expanded or fetched.
 *
 * <p>Text is not coalesced: a coalescing parser buffers a whole text node before handing it out,
 * so a 1 GB node would fill the heap before any limit could look at it. Without coalescing, a node
 * comes as chunks of a few kilobytes (split at CDATA sections and entity references too), and
 * {@link #reader} counts them against {@link TextLimitReader#MAX_TEXT} as they come.
 */
public final class SecureXml {
    private SecureXml() {
    }

    /**
     * A new hardened factory. XMLInputFactory instances are not guaranteed thread-safe to configure.
     * Its readers are not bounded: {@link #reader} wraps one that is.
     *
     * @return the JDK's StAX factory with DTDs, external entities, entity expansion and coalescing off
     */
    public static XMLInputFactory inputFactory() {
        // The JDK's parser on purpose: whichever StAX the classpath brings (Woodstox, Aalto) would
        // need its own hardening switches.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    /**
     * A hardened reader over decoded characters that refuses a run of text longer than
     * {@link TextLimitReader#MAX_TEXT}.
     *
     * @param chars the document's characters
     * @return the reader; its text comes in chunks, which the caller joins
     * @throws XMLStreamException if the document cannot be started
     */
    public static XMLStreamReader reader(Reader chars) throws XMLStreamException {
        return new TextLimitReader(inputFactory().createXMLStreamReader(chars), TextLimitReader.MAX_TEXT);
    }
}
