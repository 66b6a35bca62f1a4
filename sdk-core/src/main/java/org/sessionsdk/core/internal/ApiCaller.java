package org.sessionsdk.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.concurrent.Futures;
import org.sessionsdk.core.internal.concurrent.SdkExecutors;
import org.sessionsdk.core.internal.pipeline.HttpPipeline;
import org.sessionsdk.core.internal.pipeline.PipelineCall;

/**
 * Sends one {@link Call} through the client's {@link HttpPipeline} (retry, attempt timeout, auth,
 * user agent, vendor policies, error mapping, logging, transport) and hands back the 2xx answer.
 *
 * <p>SDK-internal. Thread-safe.
 */
public final class ApiCaller {
    /** How much of an error body is read for the vendor's error decoder. */
    public static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final ClientConfig config;
    private final HttpPipeline pipeline;
    private final String vendor;
    private final CallListeners listeners;
    private final Executor executor;

    /**
     * @param config   the client's settings
     * @param pipeline the policies every call passes
     */
    public ApiCaller(ClientConfig config, HttpPipeline pipeline) {
        this(config, pipeline, "unknown");
    }

    /**
     * @param config   the client's settings, its call listeners among them
     * @param pipeline the policies every call passes
     * @param vendor   the vendor the listeners are told, e.g. {@code plesk}
     */
    public ApiCaller(ClientConfig config, HttpPipeline pipeline, String vendor) {
        this(config, pipeline, vendor, SdkExecutors.async());
    }

    /**
     * @param config   the client's settings, its call listeners among them
     * @param pipeline the policies every call passes
     * @param vendor   the vendor the listeners are told, e.g. {@code plesk}
     * @param executor where asynchronous calls parse their bodies and complete
     */
    public ApiCaller(ClientConfig config, HttpPipeline pipeline, String vendor, Executor executor) {
        this.config = Objects.requireNonNull(config, "config");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.listeners = CallListeners.of(config.listeners());
    }

    /** {@return where this caller's asynchronous calls parse their bodies and complete} */
    public Executor executor() {
        return executor;
    }

    /** Reads a successful body; the response is closed afterwards whatever happens. */
    @FunctionalInterface
    public interface BodyHandler<T> {
        T handle(CallResponse response) throws IOException;
    }

    public ClientConfig config() {
        return config;
    }

    /** {@return the policies this caller's calls pass} */
    public HttpPipeline pipeline() {
        return pipeline;
    }

    /** Sends the call and hands the 2xx body to {@code handler}, then closes the response. */
    public <T> T execute(Call call, BodyHandler<T> handler) {
        return handle(call, execute(call), handler);
    }

    /**
     * Sends the call without a thread waiting for it, gathers the 2xx body, then hands it to
     * {@code handler} on this caller's executor, where nothing waits for bytes any more, and closes
     * the response. The future fails with the exception {@link #execute(Call, BodyHandler)} would throw.
     *
     * @param call    the call
     * @param handler reads the body
     * @param <T>     what the handler makes of it
     * @return completes with the handler's result
     */
    public <T> CompletableFuture<T> executeAsync(Call call, BodyHandler<T> handler) {
        Sent sent = start(call);
        CompletableFuture<SdkHttpResponse> answered;
        if (sent.observation == null) {
            answered = pipeline.sendAsync(sent.call);
        } else {
            CallObservation o = sent.observation;
            answered = pipeline.sendAsync(sent.call).whenComplete((r, failure) -> {
                if (failure != null) {
                    o.failed(Futures.unwrap(failure));
                }
            });
        }
        // thenApplyAsync: the handler parses, which belongs on the caller's executor, not the HTTP threads
        return answered.exceptionallyCompose(Futures::failed)
                .thenApplyAsync(r -> handle(call, respond(sent, r), handler), executor);
    }

    private <T> T handle(Call call, CallResponse response, BodyHandler<T> handler) {
        try {
            return handler.handle(response);
        } catch (IOException e) {
            RuntimeException t = TransportErrors.whileReading(call.toString(), e);
            response.failed(t);
            throw t;
        } catch (RuntimeException e) {
            response.failed(e); // before the close, which would report a success
            throw e;
        } finally {
            response.close();
        }
    }

    /**
     * Sends the call and returns the 2xx response with its body unread. The caller must close it
     * (a stream's {@code close()} does).
     */
    public CallResponse execute(Call call) {
        Sent sent = start(call);
        SdkHttpResponse r;
        if (sent.observation == null) {
            r = pipeline.send(sent.call);
        } else {
            try {
                r = pipeline.send(sent.call);
            } catch (RuntimeException | Error e) {
                sent.observation.failed(e);
                throw e;
            }
        }
        return respond(sent, r);
    }

    /** A call on its way: the pipeline's view of it, the feed's scope it runs in, its listeners' view. */
    private record Sent(PipelineCall call, CallDeadline scope, CallObservation observation) {
    }

    /** The call's deadline (the earlier of the client's call timeout and an open scope's) and its listeners. */
    private Sent start(Call call) {
        long deadline = config.callTimeout() == null ? Long.MAX_VALUE
                : System.nanoTime() + config.callTimeout().toNanos();
        String deadlineName = "the call timeout of " + config.callTimeout();
        // a scope (a feed's poll) bounds the body too; the client's call timeout never did
        CallDeadline scope = CallDeadline.current();
        if (scope != null && scope.nanos() - deadline < 0) {
            deadline = scope.nanos();
            deadlineName = scope.name();
        }
        URI uri = resolve(call);
        PipelineCall pc = new PipelineCall(call, uri, deadline, deadlineName);
        CallObservation observation = null;
        if (!listeners.isEmpty()) {
            observation = listeners.start(vendor, call, uri);
            pc.observation(observation);
        }
        return new Sent(pc, scope, observation);
    }

    /** The 2xx answer as the vendor reads it: its details, and a body bounded by the scope's deadline. */
    private static CallResponse respond(Sent sent, SdkHttpResponse r) {
        PipelineCall pc = sent.call;
        Call call = pc.call();
        CallDeadline scope = sent.scope;
        CallObservation observation = sent.observation;
        String requestId = r.header("X-Request-Id");
        ErrorDetails details = new ErrorDetails(r.statusCode(), null, null, call.method(), pc.path(),
                requestId != null ? requestId : r.header("Request-Id"), pc.attempt(), null);
        InputStream body = r.body();
        if (scope != null) {
            body = new DeadlineBody(body, scope.nanos(), scope.name() + " ran out while the body was read");
        }
        return new CallResponse(r, body, details, observation);
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
}
