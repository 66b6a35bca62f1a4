/**
 * Plesk: open control-panel sessions, the action log and secret keys, over Plesk's XML API.
 *
 * <p>{@code org.sessionsdk.plesk} is the API. The JAXB classes generated from the XSD
 * ({@code org.sessionsdk.plesk.wire}) are not exported at all: they are opened, for deep reflection
 * only, to Jakarta XML Binding (which hands that access on to its implementation). The packet
 * exchange and the JAXB element streamer ({@code org.sessionsdk.plesk.internal}, {@code .internal.xml})
 * are not exported either.
 */
module org.sessionsdk.plesk {
    requires transitive org.sessionsdk.core;
    requires java.xml;
    requires jakarta.xml.bind;

    exports org.sessionsdk.plesk;

    opens org.sessionsdk.plesk.wire to jakarta.xml.bind;

    provides org.sessionsdk.core.client.VendorProvider with org.sessionsdk.plesk.PleskProvider;
}
