/**
 * senhasegura: remote (proxy) sessions of the privileged access manager, over its JSON REST API.
 *
 * <p>{@code org.sessionsdk.senhasegura} is the API; {@code org.sessionsdk.senhasegura.internal} (error decoding, mapping,
 * auth helpers) is not exported.
 */
module org.sessionsdk.senhasegura {
    requires transitive org.sessionsdk.core;
    requires com.fasterxml.jackson.core;

    exports org.sessionsdk.senhasegura;

    provides org.sessionsdk.core.client.VendorProvider with org.sessionsdk.senhasegura.SenhaseguraProvider;
}
