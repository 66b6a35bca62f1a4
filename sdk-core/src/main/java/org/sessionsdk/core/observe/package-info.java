/**
 * Watching calls: a {@link org.sessionsdk.core.observe.CallListener} registered on any client builder
 * ({@code .listener(...)}) or on {@link org.sessionsdk.core.feed.FeedOptions.Builder#listener feed options}
 * hears when each logical call and each HTTP attempt starts and ends, and when a feed polls. The events
 * are immutable records of low-cardinality, secret-free facts: vendor, operation name, method, host,
 * port, status, durations, retry reason and delay, bytes and records read. No telemetry library is
 * needed here; {@code sdk-opentelemetry} maps the events to OpenTelemetry spans and metrics.
 */
package org.sessionsdk.core.observe;
