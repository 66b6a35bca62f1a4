package org.sessionsdk.core.internal.pipeline;

import java.net.URI;
import java.time.Duration;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.CallObservation;

/**
 * One call going through the pipeline: what is asked, the request being built for the current
 * attempt, which attempt this is, and the call's deadline. A blocking call's policies all run on the
 * calling thread; an asynchronous call's run one after the other on whichever thread completed the
 * stage before (never two at once), so its state needs no locks.
 */
public final class PipelineCall {
    private final Call call;
    private final URI uri;
    private final long deadlineNanos;
    private final String deadlineName;
    private int attempt;
    private SdkHttpRequest.Builder request;
    private SdkHttpRequest sent;
    private Duration attemptTimeout;
    private Duration retryAfter;
    private boolean credentialsRefreshed;
    private boolean final_;
    private CallObservation observation;
    private String retryReason;
    private Duration retryDelay;
    private boolean async;
    private volatile boolean cancelled;
    private volatile java.util.concurrent.CompletableFuture<?> inFlight;

    /**
     * @param call          what the vendor asked for
     * @param uri           the endpoint joined with the call's path and query
     * @param deadlineNanos {@link System#nanoTime()} by which the whole call must end, or {@link Long#MAX_VALUE}
     */
    public PipelineCall(Call call, URI uri, long deadlineNanos) {
        this(call, uri, deadlineNanos, "the call timeout");
    }

    /**
     * @param call          what the vendor asked for
     * @param uri           the endpoint joined with the call's path and query
     * @param deadlineNanos {@link System#nanoTime()} by which the whole call must end, or {@link Long#MAX_VALUE}
     * @param deadlineName  names the deadline in messages, e.g. {@code "the poll timeout of PT5M"}
     */
    public PipelineCall(Call call, URI uri, long deadlineNanos, String deadlineName) {
        this.call = call;
        this.uri = uri;
        this.deadlineNanos = deadlineNanos;
        this.deadlineName = deadlineName;
    }

    /** Makes this an asynchronous call: the transport's {@code sendAsync}, backoffs on a timer, bodies gathered. */
    public void async() {
        this.async = true;
    }

    /** {@return whether this call runs without a thread waiting for it} */
    public boolean isAsync() {
        return async;
    }

    /** Stops the call: no further attempt starts, and the request on the wire is cancelled. */
    public void cancel() {
        cancelled = true;
        java.util.concurrent.CompletableFuture<?> f = inFlight;
        if (f != null) {
            f.cancel(true);
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    void inFlight(java.util.concurrent.CompletableFuture<?> f) {
        this.inFlight = f;
        if (cancelled) {
            f.cancel(true);
        }
    }

    /** {@return what the deadline is, for messages: the client's call timeout or a feed's poll timeout} */
    public String deadlineName() {
        return deadlineName;
    }

    /** {@return what the vendor asked for} */
    public Call call() {
        return call;
    }

    /** {@return the full URI, query included; never log it} */
    public URI uri() {
        return uri;
    }

    /** {@return the path without the query, safe for logs and messages} */
    public String path() {
        return uri.getRawPath();
    }

    /** {@return scheme, host, port and path: safe for messages} */
    public String url() {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    /** {@return the deadline of the whole call in nanoTime, or Long.MAX_VALUE} */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** {@return the attempt in progress, from 1} */
    public int attempt() {
        return attempt;
    }

    /** Starts the next attempt; a credential refresh within an attempt is not one. */
    void nextAttempt() {
        attempt++;
        retryAfter = null;
        request = null;
        sent = null;
    }

    /** Starts the request over from the call (method, URI, the call's headers and body). */
    public SdkHttpRequest.Builder freshRequest() {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(call.method()).uri(uri);
        call.headers().forEach(b::header);
        if (call.body() != null) {
            b.body(call.body());
        }
        request = b;
        sent = null;
        return b;
    }

    /** {@return the request as it goes to the transport, built once per fresh request} */
    public SdkHttpRequest finalRequest() {
        if (sent == null) {
            sent = request().build();
        }
        return sent;
    }

    /** {@return the request being built for this attempt} */
    public SdkHttpRequest.Builder request() {
        return request == null ? freshRequest() : request;
    }

    /** {@return the request last built for the transport, or null before one was} */
    public SdkHttpRequest sent() {
        return sent;
    }

    /**
     * Marks what fails now as final for this call: e.g. no credentials could be had (a token endpoint
     * that refused, with retries of its own), which another attempt of this call would only repeat.
     */
    void failFinally() {
        this.final_ = true;
    }

    boolean failsFinally() {
        return final_;
    }

    boolean credentialsRefreshed() {
        return credentialsRefreshed;
    }

    void credentialsRefreshed(boolean on) {
        this.credentialsRefreshed = on;
    }

    /** {@return how long this attempt may wait for response headers} */
    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    void attemptTimeout(Duration d) {
        this.attemptTimeout = d;
    }

    /** {@return the server's Retry-After on the last error answer, or null} */
    public Duration retryAfter() {
        return retryAfter;
    }

    void retryAfter(Duration d) {
        this.retryAfter = d;
    }

    /** {@return what the call's listeners hear of it, or null when it has none} */
    public CallObservation observation() {
        return observation;
    }

    /**
     * Lets the call's listeners hear its attempts.
     *
     * @param o the call's observation
     */
    public void observation(CallObservation o) {
        this.observation = o;
    }

    /** Notes why the attempt that just failed is repeated and after what wait, for the next attempt's listeners. */
    void retrying(String reason, Duration delay) {
        this.retryReason = reason;
        this.retryDelay = delay;
    }

    /** {@return why the previous attempt is repeated ({@code "503"}, {@code "connect"}), or null on the first} */
    String retryReason() {
        return retryReason;
    }

    /** {@return the wait before this attempt, or null on the first} */
    Duration retryDelay() {
        return retryDelay;
    }

    /** Adds a header to this attempt's request unless it has one of that name already. */
    void addHeaderIfAbsent(String name, String value) {
        if (name == null || value == null || finalRequest().header(name) != null) {
            return;
        }
        request().header(name, value);
        sent = null;
    }

    @Override
    public String toString() {
        return call.toString();
    }
}
