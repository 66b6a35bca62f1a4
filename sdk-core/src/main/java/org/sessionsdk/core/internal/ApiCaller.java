package org.sessionsdk.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.retry.RetryAfter;
import org.sessionsdk.core.retry.RetryPolicy;

/**
 * Sends one {@link Call} through the pipeline every vendor shares: credentials, user agent, the
 * per-attempt timeout, logging, the status-to-exception mapping, one credential refresh on a 401,
 * and retries with backoff for calls that are safe to repeat.
 *
 * <p>Writes are retried only when the connection failed before anything was sent. A body that fails
 * mid-stream is never retried: the caller may already have consumed part of it.
 *
 * <p>SDK-internal. Thread-safe.
 */
public final class ApiCaller {
    /** How much of an error body is read for the vendor's error decoder. */
    public static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final ClientConfig config;
    private final HttpTransport transport;
    private final RequestAuth auth;
    private final ErrorDecoder errorDecoder;
    private final HttpLog log;

    public ApiCaller(ClientConfig config, HttpTransport transport, RequestAuth auth, ErrorDecoder errorDecoder) {
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder");
        this.log = new HttpLog(config.redactedHeaders());
    }

    /** Reads a successful body; the response is closed afterwards whatever happens. */
    @FunctionalInterface
    public interface BodyHandler<T> {
        T handle(SdkHttpResponse response) throws IOException;
    }

    public ClientConfig config() {
        return config;
    }

    /** Sends the call and hands the 2xx body to {@code handler}, then closes the response. */
    public <T> T execute(Call call, BodyHandler<T> handler) {
        SdkHttpResponse response = execute(call);
        try (response) {
            return handler.handle(response);
        } catch (IOException e) {
            throw TransportErrors.whileReading(call.toString(), e);
        }
    }

    /**
     * Sends the call and returns the 2xx response with its body unread. The caller must close it
     * (a stream's {@code close()} does).
     */
    public SdkHttpResponse execute(Call call) {
        RetryPolicy policy = config.retryPolicy();
        long deadline = config.callTimeout() == null ? Long.MAX_VALUE
                : System.nanoTime() + config.callTimeout().toNanos();
        URI uri = resolve(call);
        boolean refreshedAuth = false;
        int attempt = 0;
        while (true) {
            attempt++;
            SdkHttpRequest request = buildRequest(call, uri);
            Duration timeout = attemptTimeout(call, deadline);
            long start = System.nanoTime();
            SdkHttpResponse response;
            try {
                log.sent(call.method(), uri.getRawPath(), attempt, request.headers());
                response = transport.send(request, timeout);
            } catch (IOException e) {
                TransportException te = TransportErrors.whileSending(call.toString(), uri, e);
                log.failed(call.method(), uri.getRawPath(), millisSince(start), attempt, te.getMessage());
                boolean mayRepeat = call.idempotent() || TransportErrors.notSent(te);
                if (mayRepeat && attempt < policy.maxAttempts()
                        && pause(policy, call, uri, attempt, null, deadline)) {
                    continue;
                }
                throw te;
            } catch (InterruptedException e) {
                throw TransportErrors.interrupted(call.toString(), e);
            }
            int status = response.statusCode();
            log.received(call.method(), uri.getRawPath(), status, millisSince(start), attempt, response.headers());
            if (status >= 200 && status < 300) {
                return response;
            }
            byte[] errorBody = readCapped(response);
            if (status == 401 && !refreshedAuth && auth.refreshAfterRejection(request, response)) {
                refreshedAuth = true;
                attempt--; // a credential refresh is not a retry
                continue;
            }
            Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), config.clock());
            ErrorDetails details = new ErrorDetails(status, null, null, call.method(), uri.getRawPath(),
                    requestId(response), attempt, null);
            ApiException error = decode(new ErrorContext(details, retryAfter, errorBody, response,
                    uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()));
            if (call.idempotent() && RetryPolicy.isRetryableStatus(status) && attempt < policy.maxAttempts()
                    && pause(policy, call, uri, attempt, retryAfter, deadline)) {
                continue;
            }
            throw error;
        }
    }

    private ApiException decode(ErrorContext ctx) {
        try {
            ApiException e = errorDecoder.decode(ctx);
            return e != null ? e : ctx.byStatus(null, null);
        } catch (RuntimeException decoderBug) {
            return ctx.byStatus(null, null);
        }
    }

    /** Waits before the next attempt; false when the wait would not fit in the call's deadline. */
    private boolean pause(RetryPolicy policy, Call call, URI uri, int attempt, Duration retryAfter, long deadline) {
        Duration delay = policy.delayBefore(attempt, retryAfter);
        if (delay == null) {
            return false;
        }
        if (deadline != Long.MAX_VALUE && System.nanoTime() + delay.toNanos() >= deadline) {
            return false;
        }
        log.retrying(call.method(), uri.getRawPath(), attempt, delay.toMillis());
        try {
            policy.sleeper().sleep(delay);
            return true;
        } catch (InterruptedException e) {
            throw TransportErrors.interrupted(call.toString(), e);
        }
    }

    private Duration attemptTimeout(Call call, long deadline) {
        Duration t = call.requestTimeout() != null ? call.requestTimeout() : config.requestTimeout();
        if (deadline == Long.MAX_VALUE) {
            return t;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TransportException(TransportException.Kind.CALL_TIMEOUT,
                    call + ": the call timeout of " + config.callTimeout() + " ran out", null);
        }
        return Duration.ofNanos(Math.min(t.toNanos(), left));
    }

    private SdkHttpRequest buildRequest(Call call, URI uri) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(call.method()).uri(uri)
                .header("User-Agent", config.userAgent());
        call.headers().forEach(b::header);
        if (call.body() != null) {
            b.body(call.body());
        }
        auth.authorize(b);
        return b.build();
    }

    /** The endpoint joined with the call's path and query. */
    public URI resolve(Call call) {
        URI endpoint = config.endpoint();
        String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String path = call.path().startsWith("/") ? call.path() : "/" + call.path();
        StringBuilder sb = new StringBuilder();
        sb.append(endpoint.getScheme()).append("://").append(endpoint.getRawAuthority()).append(base).append(path);
        if (!call.query().isEmpty()) {
            char sep = '?';
            for (Map.Entry<String, String> q : call.query().entrySet()) {
                sb.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
                sep = '&';
            }
        }
        return URI.create(sb.toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] readCapped(SdkHttpResponse response) {
        try (response) {
            InputStream in = response.body();
            return in.readNBytes(ERROR_BODY_LIMIT);
        } catch (IOException e) {
            return new byte[0]; // the status alone still says what failed
        }
    }

    private static String requestId(SdkHttpResponse r) {
        String id = r.header("X-Request-Id");
        return id != null ? id : r.header("Request-Id");
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
