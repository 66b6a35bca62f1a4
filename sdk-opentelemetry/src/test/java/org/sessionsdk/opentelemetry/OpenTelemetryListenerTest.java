package org.sessionsdk.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraSession;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.RecordedRequest;
import org.sessionsdk.testkit.SenhaseguraSimulator;

class OpenTelemetryListenerTest {
    private static final RetryPolicy NO_WAIT = RetryPolicy.builder().maxAttempts(3).sleeper(d -> { }).build();

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private OpenTelemetrySdk otel;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void setUp() {
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        otel.close();
    }

    private <T extends AutoCloseable> T closing(T t) {
        toClose.add(t);
        return t;
    }

    private EkranClient ekran(EkranSimulator sim, OpenTelemetryListener listener) {
        EkranClient.Builder b = sim.clientBuilder().retryPolicy(NO_WAIT);
        if (listener != null) {
            b.listener(listener);
        }
        return closing(b.build());
    }

    private static SpanData only(List<SpanData> all, SpanKind kind) {
        List<SpanData> of = all.stream().filter(s -> s.getKind() == kind).toList();
        assertThat(of).hasSize(1);
        return of.get(0);
    }

    private MetricData metric(Collection<MetricData> all, String name) {
        return all.stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + all));
    }

    @Test
    void aRetriedCallIsOneInternalSpanWithAClientSpanPerAttempt() {
        EkranSimulator sim = closing(EkranSimulator.start().withSessions(4));
        EkranClient client = ekran(sim, OpenTelemetryListener.create(otel));
        sim.faults().failNext(503, "");

        List<EkranSession> got = client.sessions().list(EkranSessionQuery.all());
        assertThat(got).hasSize(4);

        List<SpanData> all = spans.getFinishedSpanItems();
        assertThat(all).hasSize(3);
        SpanData call = only(all, SpanKind.INTERNAL);
        assertThat(call.getName()).isEqualTo("ekran GET /ekranapi/sessions");
        assertThat(call.getParentSpanContext().isValid()).isFalse();
        assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(call.getAttributes().get(OpenTelemetryListener.VENDOR)).isEqualTo("ekran");
        assertThat(call.getAttributes().get(OpenTelemetryListener.OPERATION)).isEqualTo("GET /ekranapi/sessions");
        assertThat(call.getAttributes().get(OpenTelemetryListener.ATTEMPTS)).isEqualTo(2L);
        assertThat(call.getAttributes().get(OpenTelemetryListener.RECORDS)).isEqualTo(4L);
        assertThat(call.getAttributes().get(OpenTelemetryListener.BYTES_READ)).isPositive();
        assertThat(call.getAttributes().get(OpenTelemetryListener.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);

        List<SpanData> attempts = all.stream().filter(s -> s.getKind() == SpanKind.CLIENT)
                .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos())).toList();
        assertThat(attempts).hasSize(2).allSatisfy(a -> {
            assertThat(a.getName()).isEqualTo("GET /ekranapi/sessions");
            assertThat(a.getParentSpanId()).isEqualTo(call.getSpanId());
            assertThat(a.getTraceId()).isEqualTo(call.getTraceId());
            Attributes at = a.getAttributes();
            assertThat(at.get(OpenTelemetryListener.HTTP_REQUEST_METHOD)).isEqualTo("GET");
            assertThat(at.get(OpenTelemetryListener.SERVER_ADDRESS)).isEqualTo("127.0.0.1");
            assertThat(at.get(OpenTelemetryListener.SERVER_PORT)).isEqualTo((long) sim.endpoint().getPort());
            assertThat(at.get(OpenTelemetryListener.URL_TEMPLATE)).isEqualTo("/ekranapi/sessions");
            assertThat(at.get(OpenTelemetryListener.VENDOR)).isEqualTo("ekran");
            assertThat(at.get(OpenTelemetryListener.OPERATION)).isEqualTo("GET /ekranapi/sessions");
        });
        SpanData first = attempts.get(0);
        assertThat(first.getAttributes().get(OpenTelemetryListener.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(503L);
        assertThat(first.getAttributes().get(OpenTelemetryListener.ERROR_TYPE)).isEqualTo("503");
        assertThat(first.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(first.getAttributes().get(OpenTelemetryListener.HTTP_REQUEST_RESEND_COUNT)).isNull();
        SpanData second = attempts.get(1);
        assertThat(second.getAttributes().get(OpenTelemetryListener.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(200L);
        assertThat(second.getAttributes().get(OpenTelemetryListener.ERROR_TYPE)).isNull();
        assertThat(second.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(second.getAttributes().get(OpenTelemetryListener.HTTP_REQUEST_RESEND_COUNT)).isEqualTo(1L);
        assertThat(second.getAttributes().get(OpenTelemetryListener.RETRY_REASON)).isEqualTo("503");
        assertThat(second.getAttributes().get(OpenTelemetryListener.ATTEMPT)).isEqualTo(2L);

        Collection<MetricData> m = metrics.collectAllMetrics();
        MetricData duration = metric(m, "http.client.request.duration");
        assertThat(duration.getUnit()).isEqualTo("s");
        List<HistogramPointData> points = new ArrayList<>(duration.getHistogramData().getPoints());
        assertThat(points).hasSize(2).allSatisfy(p -> assertThat(p.getCount()).isEqualTo(1));
        assertThat(points).extracting(p -> p.getAttributes().get(OpenTelemetryListener.HTTP_RESPONSE_STATUS_CODE))
                .containsExactlyInAnyOrder(503L, 200L);
        assertThat(points).extracting(p -> p.getAttributes().get(OpenTelemetryListener.ERROR_TYPE))
                .containsExactlyInAnyOrder("503", null);
        assertThat(points).allSatisfy(p -> {
            assertThat(p.getAttributes().get(OpenTelemetryListener.HTTP_REQUEST_METHOD)).isEqualTo("GET");
            assertThat(p.getAttributes().get(OpenTelemetryListener.SERVER_ADDRESS)).isEqualTo("127.0.0.1");
            assertThat(p.getAttributes().get(OpenTelemetryListener.OPERATION)).isEqualTo("GET /ekranapi/sessions");
        });
        assertThat(sum(metric(m, "sessionsdk.client.records"))).isEqualTo(4);
        MetricData retries = metric(m, "sessionsdk.client.retries");
        assertThat(sum(retries)).isEqualTo(1);
        assertThat(retries.getLongSumData().getPoints().iterator().next().getAttributes()
                .get(OpenTelemetryListener.RETRY_REASON)).isEqualTo("503");
        assertThat(metric(m, "sessionsdk.client.response.body.size").getHistogramData().getPoints())
                .singleElement().satisfies(p -> assertThat(p.getSum()).isPositive());
    }

    private static long sum(MetricData m) {
        return m.getLongSumData().getPoints().stream().mapToLong(LongPointData::getValue).sum();
    }

    @Test
    void aFailedCallEndsItsSpansWithTheErrorAndTheContextCurrentIsTheParent() {
        SenhaseguraSimulator sim = closing(SenhaseguraSimulator.start().withSessions(2));
        SenhaseguraClient client = closing(sim.clientBuilder().retryPolicy(NO_WAIT)
                .listener(OpenTelemetryListener.create(otel)).build());
        Span user = otel.getTracer("test").spanBuilder("user work").startSpan();
        try (Scope ignored = user.makeCurrent()) {
            assertThatThrownBy(() -> client.sessions().get("987654")).isInstanceOf(NotFoundException.class);
        } finally {
            user.end();
        }

        List<SpanData> all = spans.getFinishedSpanItems();
        SpanData call = all.stream().filter(s -> s.getName().equals("senhasegura GET /api/session/remotesessions/{id}"))
                .findFirst().orElseThrow(() -> new AssertionError(names(all)));
        assertThat(call.getParentSpanId()).isEqualTo(user.getSpanContext().getSpanId());
        assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(call.getAttributes().get(OpenTelemetryListener.ERROR_TYPE)).isEqualTo(NotFoundException.class.getName());
        SpanData attempt = all.stream().filter(s -> s.getKind() == SpanKind.CLIENT
                && s.getParentSpanId().equals(call.getSpanId())).findFirst().orElseThrow();
        assertThat(attempt.getAttributes().get(OpenTelemetryListener.URL_TEMPLATE))
                .isEqualTo("/api/session/remotesessions/{id}");
        assertThat(attempt.getAttributes().get(OpenTelemetryListener.HTTP_RESPONSE_STATUS_CODE)).isEqualTo(404L);
        assertThat(attempt.getAttributes().get(OpenTelemetryListener.ERROR_TYPE)).isEqualTo("404");
        // the token call is a call of its own, with its own name
        assertThat(names(all)).contains("senhasegura POST " + SenhaseguraSimulator.TOKEN_PATH);
    }

    @Test
    void noAttributeHoldsASecretAnIdOrAQuery() {
        SenhaseguraSimulator senha = closing(SenhaseguraSimulator.start().withSessions(3));
        OpenTelemetryListener listener = OpenTelemetryListener.builder(otel).propagateTraceContext(true).build();
        SenhaseguraClient s = closing(senha.clientBuilder().retryPolicy(NO_WAIT).listener(listener).build());
        SenhaseguraSession one = s.sessions().list().get(1);
        s.sessions().get(one.id());
        EkranSimulator ek = closing(EkranSimulator.start().withSessions(2));
        EkranClient e = ekran(ek, listener);
        ek.faults().failNext(503, "");
        e.sessions().list(EkranSessionQuery.since(java.time.Instant.parse("2024-05-01T00:00:00Z")));

        List<String> values = new ArrayList<>();
        spans.getFinishedSpanItems().forEach(sp -> {
            values.add(sp.getName());
            sp.getAttributes().forEach((k, v) -> values.add(k.getKey() + "=" + v));
        });
        metrics.collectAllMetrics().forEach(md -> md.getData().getPoints()
                .forEach(p -> p.getAttributes().forEach((k, v) -> values.add(k.getKey() + "=" + v))));
        String text = String.join("\n", values);
        assertThat(text).isNotEmpty()
                .doesNotContain(EkranSimulator.API_KEY)
                .doesNotContain(SenhaseguraSimulator.CLIENT_SECRET)
                .doesNotContain(SenhaseguraSimulator.CLIENT_ID)
                .doesNotContain("remotesessions/" + one.id())
                .doesNotContain("?").doesNotContain("start=").doesNotContain("2024-05")
                .doesNotContain("Bearer").doesNotContain("http://");
        for (RecordedRequest r : senha.requests()) {
            String auth = r.header("Authorization");
            if (auth != null) {
                assertThat(text).doesNotContain(auth.replaceFirst("(?i)^(bearer|basic) ", ""));
            }
        }
    }

    @Test
    void traceContextIsSentOnlyWhenAskedFor() {
        EkranSimulator sim = closing(EkranSimulator.start().withSessions(1));
        ekran(sim, OpenTelemetryListener.create(otel)).sessions().list(EkranSessionQuery.all());
        assertThat(sim.lastRequest().orElseThrow().header("traceparent")).isNull();

        ekran(sim, OpenTelemetryListener.builder(otel).propagateTraceContext(true).build())
                .sessions().list(EkranSessionQuery.all());
        String traceparent = sim.lastRequest().orElseThrow().header("traceparent");
        SpanData attempt = spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(traceparent).startsWith("00-" + attempt.getTraceId() + "-" + attempt.getSpanId() + "-");
    }

    @Test
    void noSpansAndNoMetricsWithoutTheListener() {
        EkranSimulator sim = closing(EkranSimulator.start().withSessions(3));
        sim.faults().failNext(503, "");
        assertThat(ekran(sim, null).sessions().list(EkranSessionQuery.all())).hasSize(3);

        assertThat(spans.getFinishedSpanItems()).isEmpty();
        assertThat(metrics.collectAllMetrics()).isEmpty();
        assertThat(sim.lastRequest().orElseThrow().header("traceparent")).isNull();
    }

    @Test
    void aNoopOpenTelemetryCostsNothingButWorks() {
        EkranSimulator sim = closing(EkranSimulator.start().withSessions(3));
        EkranClient c = ekran(sim, OpenTelemetryListener.builder(OpenTelemetry.noop()).propagateTraceContext(true).build());
        assertThat(c.sessions().list(EkranSessionQuery.all())).hasSize(3);
        assertThat(sim.lastRequest().orElseThrow().header("traceparent")).isNull();
    }

    @Test
    void feedPollsBecomeMetrics() throws InterruptedException {
        EkranSimulator sim = closing(EkranSimulator.start().withSessions(3));
        OpenTelemetryListener listener = OpenTelemetryListener.create(otel);
        EkranClient c = ekran(sim, listener);
        try (var feed = c.sessionFeed(org.sessionsdk.core.feed.FeedOptions.builder().clock(sim.clock())
                .since(sim.anchor().minus(Duration.ofDays(365))).listener(listener).build())) {
            feed.poll(Duration.ZERO);
        }
        Collection<MetricData> m = metrics.collectAllMetrics();
        HistogramPointData poll = metric(m, "sessionsdk.feed.poll.duration").getHistogramData().getPoints()
                .iterator().next();
        assertThat(poll.getCount()).isEqualTo(1);
        assertThat(poll.getAttributes().get(OpenTelemetryListener.FEED)).startsWith("ekran/");
        assertThat(metric(m, "sessionsdk.feed.checkpoint.size").getHistogramData().getPoints())
                .singleElement().satisfies(p -> assertThat(p.getSum()).isPositive());
    }

    private static List<String> names(List<SpanData> all) {
        return all.stream().map(SpanData::getName).collect(Collectors.toList());
    }
}
