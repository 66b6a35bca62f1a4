package org.sessionsdk.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.sessionsdk.core.config.SdkVersion;
import org.sessionsdk.core.observe.AttemptEnded;
import org.sessionsdk.core.observe.AttemptStarted;
import org.sessionsdk.core.observe.CallEnded;
import org.sessionsdk.core.observe.CallInfo;
import org.sessionsdk.core.observe.CallListener;
import org.sessionsdk.core.observe.CallStarted;
import org.sessionsdk.core.observe.FeedPolled;
import org.sessionsdk.core.observe.HeaderSetter;

/**
 * A {@link CallListener} that records sessionsdk calls with the OpenTelemetry API, per the semantic
 * conventions for HTTP clients:
 * <ul>
 * <li>an {@code INTERNAL} span per logical call, named {@code <vendor> <operation>}
 *     ({@code ekran GET /ekranapi/sessions}, {@code plesk session/get}), child of the context current
 *     when the call starts; it lasts until the body is read and closed;</li>
 * <li>inside it a {@code CLIENT} span per HTTP attempt, so retries show as siblings under their call,
 *     with {@code http.request.method}, {@code server.address}, {@code server.port},
 *     {@code http.response.status_code}, {@code error.type}, {@code url.template} where the operation is
 *     a path template, {@code http.request.resend_count} on a resend, and {@code sessionsdk.vendor} /
 *     {@code sessionsdk.operation};</li>
 * <li>metrics: {@code http.client.request.duration} (histogram, seconds, per attempt),
 *     {@code sessionsdk.client.records} and {@code sessionsdk.client.retries} (counters),
 *     {@code sessionsdk.client.response.body.size} (histogram, bytes per call), and per feed poll
 *     {@code sessionsdk.feed.poll.duration}, {@code sessionsdk.feed.items},
 *     {@code sessionsdk.feed.checkpoint.size}.</li>
 * </ul>
 * No attribute holds a URL, a query, a header or an id from a path: only the fixed operation name,
 * the host and port, statuses and exception class names.
 *
 * <p>W3C trace context ({@code traceparent}) is sent to the servers only when
 * {@link Builder#propagateTraceContext(boolean)} turns it on: the vendors do not read it and some
 * gateways reject unknown headers.
 *
 * <p>Thread-safe; one listener may serve several clients.
 */
public final class OpenTelemetryListener implements CallListener {
    /** The instrumentation scope name of the spans and metrics. */
    public static final String INSTRUMENTATION_NAME = "org.sessionsdk";

    static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<Long> HTTP_REQUEST_RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> VENDOR = AttributeKey.stringKey("sessionsdk.vendor");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("sessionsdk.operation");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("sessionsdk.attempt");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("sessionsdk.attempts");
    static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("sessionsdk.retry.reason");
    static final AttributeKey<Double> RETRY_DELAY = AttributeKey.doubleKey("sessionsdk.retry.delay");
    static final AttributeKey<Long> RECORDS = AttributeKey.longKey("sessionsdk.records");
    static final AttributeKey<Long> BYTES_READ = AttributeKey.longKey("sessionsdk.response.body.bytes_read");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("sessionsdk.request_id");
    static final AttributeKey<String> FEED = AttributeKey.stringKey("sessionsdk.feed");

    /** The semantic conventions' advice for {@code http.client.request.duration}. */
    private static final List<Double> DURATION_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5,
            0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
    private static final TextMapSetter<HeaderSetter> SETTER = (headers, name, value) -> {
        if (headers != null) {
            headers.set(name, value);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final DoubleHistogram duration;
    private final LongCounter records;
    private final LongCounter retries;
    private final LongHistogram bodySize;
    private final DoubleHistogram pollDuration;
    private final LongCounter feedItems;
    private final LongHistogram checkpointSize;
    private final ConcurrentMap<CallInfo, InFlight> calls = new ConcurrentHashMap<>();

    private OpenTelemetryListener(Builder b) {
        OpenTelemetry otel = b.openTelemetry;
        this.tracer = otel.tracerBuilder(INSTRUMENTATION_NAME).setInstrumentationVersion(SdkVersion.version()).build();
        Meter meter = otel.meterBuilder(INSTRUMENTATION_NAME).setInstrumentationVersion(SdkVersion.version()).build();
        this.propagator = b.propagate ? otel.getPropagators().getTextMapPropagator() : null;
        this.duration = meter.histogramBuilder("http.client.request.duration").setUnit("s")
                .setDescription("Duration of HTTP client requests.")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
        this.records = meter.counterBuilder("sessionsdk.client.records").setUnit("{record}")
                .setDescription("Records parsed from response bodies and handed to the application.").build();
        this.retries = meter.counterBuilder("sessionsdk.client.retries").setUnit("{retry}")
                .setDescription("Attempts repeated after a retryable failure.").build();
        this.bodySize = meter.histogramBuilder("sessionsdk.client.response.body.size").ofLongs().setUnit("By")
                .setDescription("Bytes of a successful response body read, per call.").build();
        this.pollDuration = meter.histogramBuilder("sessionsdk.feed.poll.duration").setUnit("s")
                .setDescription("Duration of one feed poll, its calls included.")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
        this.feedItems = meter.counterBuilder("sessionsdk.feed.items").setUnit("{item}")
                .setDescription("Items feeds returned.").build();
        this.checkpointSize = meter.histogramBuilder("sessionsdk.feed.checkpoint.size").ofLongs().setUnit("By")
                .setDescription("Size of a feed's checkpoint text after a poll.").build();
    }

    /**
     * A listener with the defaults: no trace context sent to servers.
     *
     * @param openTelemetry where spans and metrics go, e.g. {@code GlobalOpenTelemetry.get()}
     * @return the listener; register it with {@code .listener(...)} on a client builder
     */
    public static OpenTelemetryListener create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * A builder, to turn trace context propagation on.
     *
     * @param openTelemetry where spans and metrics go
     * @return the builder
     */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    /** What is open of one call. Its attempts run on one thread, one after the other. */
    private static final class InFlight {
        final Span call;
        final Context context;
        Span attempt;
        int lastAttempt;

        InFlight(Span call, Context context) {
            this.call = call;
            this.context = context;
        }
    }

    @Override
    public void callStarted(CallStarted event) {
        CallInfo c = event.call();
        Context parent = Context.current();
        Span span = tracer.spanBuilder(c.vendor() + " " + c.operation()).setParent(parent)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(VENDOR, c.vendor())
                .setAttribute(OPERATION, c.operation())
                .setAttribute(HTTP_REQUEST_METHOD, c.method())
                .setAttribute(SERVER_ADDRESS, c.serverAddress())
                .setAttribute(SERVER_PORT, (long) c.serverPort())
                .startSpan();
        calls.put(c, new InFlight(span, parent.with(span)));
    }

    @Override
    public void attemptStarted(AttemptStarted event, HeaderSetter headers) {
        CallInfo c = event.call();
        InFlight f = calls.get(c);
        if (f == null) {
            return;
        }
        var b = tracer.spanBuilder(clientSpanName(c)).setParent(f.context).setSpanKind(SpanKind.CLIENT)
                .setAttribute(HTTP_REQUEST_METHOD, c.method())
                .setAttribute(SERVER_ADDRESS, c.serverAddress())
                .setAttribute(SERVER_PORT, (long) c.serverPort())
                .setAttribute(VENDOR, c.vendor())
                .setAttribute(OPERATION, c.operation())
                .setAttribute(ATTEMPT, (long) event.attempt());
        String template = urlTemplate(c);
        if (template != null) {
            b.setAttribute(URL_TEMPLATE, template);
        }
        if (event.resendCount() > 0) {
            b.setAttribute(HTTP_REQUEST_RESEND_COUNT, (long) event.resendCount());
        }
        if (event.retryReason() != null) {
            b.setAttribute(RETRY_REASON, event.retryReason());
            if (event.retryDelay() != null) {
                b.setAttribute(RETRY_DELAY, seconds(event.retryDelay()));
            }
            if (event.attempt() > f.lastAttempt) {
                retries.add(1, Attributes.of(VENDOR, c.vendor(), OPERATION, c.operation(), RETRY_REASON,
                        event.retryReason()));
            }
        }
        f.lastAttempt = event.attempt();
        f.attempt = b.startSpan();
        if (propagator != null) {
            propagator.inject(f.context.with(f.attempt), headers, SETTER);
        }
    }

    @Override
    public void attemptEnded(AttemptEnded event) {
        CallInfo c = event.call();
        InFlight f = calls.get(c);
        String errorType = errorType(event.statusCode(), event.exceptionType());
        AttributesBuilder a = Attributes.builder()
                .put(HTTP_REQUEST_METHOD, c.method())
                .put(SERVER_ADDRESS, c.serverAddress())
                .put(SERVER_PORT, (long) c.serverPort())
                .put(VENDOR, c.vendor())
                .put(OPERATION, c.operation());
        if (event.statusCode() > 0) {
            a.put(HTTP_RESPONSE_STATUS_CODE, (long) event.statusCode());
        }
        if (errorType != null) {
            a.put(ERROR_TYPE, errorType);
        }
        duration.record(seconds(event.duration()), a.build());
        if (f == null || f.attempt == null) {
            return;
        }
        Span span = f.attempt;
        f.attempt = null;
        if (event.statusCode() > 0) {
            span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) event.statusCode());
        }
        if (event.requestId() != null) {
            span.setAttribute(REQUEST_ID, event.requestId());
        }
        if (errorType != null) {
            span.setAttribute(ERROR_TYPE, errorType);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    @Override
    public void callEnded(CallEnded event) {
        CallInfo c = event.call();
        InFlight f = calls.remove(c);
        Attributes metric = Attributes.of(VENDOR, c.vendor(), OPERATION, c.operation());
        if (event.recordsParsed() > 0) {
            records.add(event.recordsParsed(), metric);
        }
        if (event.bytesRead() > 0) {
            bodySize.record(event.bytesRead(), metric);
        }
        if (f == null) {
            return;
        }
        if (f.attempt != null) {
            f.attempt.end();
        }
        Span span = f.call;
        span.setAttribute(ATTEMPTS, (long) event.attempts());
        span.setAttribute(RECORDS, event.recordsParsed());
        span.setAttribute(BYTES_READ, event.bytesRead());
        if (event.statusCode() > 0) {
            span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) event.statusCode());
        }
        if (event.exceptionType() != null) {
            span.setAttribute(ERROR_TYPE, event.exceptionType());
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    @Override
    public void feedPolled(FeedPolled event) {
        Attributes feed = Attributes.of(FEED, event.feed());
        Attributes withError = event.exceptionType() == null ? feed
                : Attributes.of(FEED, event.feed(), ERROR_TYPE, event.exceptionType());
        pollDuration.record(seconds(event.duration()), withError);
        if (event.items() > 0) {
            feedItems.add(event.items(), feed);
        }
        checkpointSize.record(event.checkpointSize(), feed);
    }

    /** {@code {method} {url.template}} when the operation is one, else the method alone. */
    private static String clientSpanName(CallInfo c) {
        return urlTemplate(c) != null ? c.operation() : c.method();
    }

    /** The path template of an operation named {@code GET /path/{id}}, or null for another kind of name. */
    private static String urlTemplate(CallInfo c) {
        String op = c.operation();
        int n = c.method().length();
        if (op.length() > n + 1 && op.startsWith(c.method()) && op.charAt(n) == ' ' && op.charAt(n + 1) == '/') {
            return op.substring(n + 1);
        }
        return null;
    }

    /** The status code as text from 400 on, else the exception class, else null: as the conventions say. */
    static String errorType(int status, String exceptionType) {
        if (status >= 400) {
            return Integer.toString(status);
        }
        return exceptionType;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** Builds an {@link OpenTelemetryListener}. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean propagate;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        }

        /**
         * Sends the trace context (the {@code OpenTelemetry}'s propagators, e.g. W3C {@code traceparent}
         * and {@code tracestate}) with every attempt's request, so a server or gateway that takes part
         * in tracing joins the trace. Default false: the vendors do not read it and some gateways
         * reject unknown headers. A header the request already has is never replaced.
         *
         * @param on true to send it
         * @return this builder
         */
        public Builder propagateTraceContext(boolean on) {
            this.propagate = on;
            return this;
        }

        /** {@return the listener} */
        public OpenTelemetryListener build() {
            return new OpenTelemetryListener(this);
        }
    }
}
