/**
 * SAYMON: the users' session log, audit logs and users, over its JSON REST API.
 *
 * <p>{@code org.sessionsdk.saymon} is the API; {@code org.sessionsdk.saymon.internal} (error decoding, mapping,
 * auth helpers) is not exported.
 */
module org.sessionsdk.saymon {
    requires transitive org.sessionsdk.core;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;

    exports org.sessionsdk.saymon;

    provides org.sessionsdk.core.client.VendorProvider with org.sessionsdk.saymon.SaymonProvider;
}
