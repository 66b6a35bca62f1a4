/**
 * OpenTelemetry for sessionsdk: {@link org.sessionsdk.opentelemetry.OpenTelemetryListener}, a
 * {@link org.sessionsdk.core.observe.CallListener} that turns calls into spans and metrics per the
 * OpenTelemetry semantic conventions for HTTP clients. Needs the OpenTelemetry API only.
 */
module org.sessionsdk.opentelemetry {
    requires transitive org.sessionsdk.core;
    requires transitive io.opentelemetry.api;
    requires io.opentelemetry.context;

    exports org.sessionsdk.opentelemetry;
}
