package org.sessionsdk.core.internal.xml;

import javax.xml.stream.XMLInputFactory;

/**
 * The only way the SDK makes XML readers: the JDK's own StAX parser with DTDs, external entities and
 * entity expansion off. An XXE payload or a billion-laughs bomb is refused, never expanded or fetched.
 */
public final class SecureXml {
    private SecureXml() {
    }

    /**
     * A new hardened factory. XMLInputFactory instances are not guaranteed thread-safe to configure.
     *
     * @return the JDK's StAX factory with DTDs, external entities and entity expansion off
     */
    public static XMLInputFactory inputFactory() {
        // The JDK's parser on purpose: whichever StAX the classpath brings (Woodstox, Aalto) would
        // need its own hardening switches.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new javax.xml.stream.XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }
}
