/**
 * {@link org.sessionsdk.opentelemetry.OpenTelemetryListener}: sessionsdk calls as OpenTelemetry spans
 * and metrics. Register it on any client builder:
 *
 * <pre>{@code
 * EkranClient client = EkranClient.builder()
 *         .endpoint(URI.create("https://ekran.example.com"))
 *         .credentials(EkranCredentials.apiKey(key))
 *         .listener(OpenTelemetryListener.create(openTelemetry))
 *         .build();
 * }</pre>
 */
package org.sessionsdk.opentelemetry;
