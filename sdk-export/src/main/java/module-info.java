/**
 * Sessions and audit events as SIEM documents: OCSF 1.8.0 and ECS 9.4.0 JSON, one document per line.
 *
 * <p>{@code org.sessionsdk.export} is the API; {@code org.sessionsdk.export.internal} (the two
 * mappings) is not exported.
 */
module org.sessionsdk.export {
    requires transitive org.sessionsdk.core;
    requires com.fasterxml.jackson.core;

    exports org.sessionsdk.export;
}
