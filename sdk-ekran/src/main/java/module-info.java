/**
 * Ekran System: sessions between two times and alerts, over its JSON REST API.
 *
 * <p>{@code org.sessionsdk.ekran} is the API; {@code org.sessionsdk.ekran.internal} (error decoding, mapping,
 * auth helpers) is not exported.
 */
module org.sessionsdk.ekran {
    requires transitive org.sessionsdk.core;

    exports org.sessionsdk.ekran;

    provides org.sessionsdk.core.client.VendorProvider with org.sessionsdk.ekran.EkranProvider;
}
