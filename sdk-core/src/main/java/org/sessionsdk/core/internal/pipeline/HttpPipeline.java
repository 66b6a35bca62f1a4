package org.sessionsdk.core.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.internal.HttpLog;
import org.sessionsdk.core.internal.TransportErrors;
import org.sessionsdk.core.internal.concurrent.Futures;

/**
 * The policies every call passes, outermost first:
 * <ol>
 * <li>{@link RetryingPolicy}: attempts, backoff, Retry-After, the call timeout between attempts;</li>
 * <li>{@link AttemptTimeoutPolicy}: how long this attempt may wait for headers;</li>
 * <li>{@link AuthPolicy}: credentials on the request, and their one refresh when the server rejects them;</li>
 * <li>{@link UserAgentPolicy};</li>
 * <li>the vendor's own policies (e.g. an error envelope inside a 200);</li>
 * <li>{@link ErrorMappingPolicy}: a non-2xx answer becomes the vendor's exception;</li>
 * <li>{@link CallListenerPolicy}, when the client has call listeners: attempt started / ended, next to the wire;</li>
 * <li>{@link LoggingPolicy};</li>
 * <li>{@link SendPolicy}: the transport.</li>
 * </ol>
 * Auth sits outside the error mapping so that a rejection a vendor reports in its own words reaches
 * it as an exception; retry sits outside auth so every attempt is signed afresh.
 *
 * <p>SDK-internal.
 */
public final class HttpPipeline {
    private final List<HttpPipelinePolicy> policies;

    private HttpPipeline(List<HttpPipelinePolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    /**
     * The standard pipeline of a client.
     *
     * @param config    the client's settings
     * @param transport where requests go
     * @param auth      credentials
     * @param errors    the vendor's error decoder
     * @return a builder, to add vendor policies
     */
    public static Builder standard(ClientConfig config, HttpTransport transport, RequestAuth auth, ErrorDecoder errors) {
        return new Builder(config, transport, auth, errors);
    }

    /** {@return the policies in order, outermost first} */
    public List<HttpPipelinePolicy> policies() {
        return policies;
    }

    /**
     * Sends the call through every policy on the calling thread.
     *
     * @param call the call
     * @return the 2xx response, body unread
     */
    public SdkHttpResponse send(PipelineCall call) {
        CompletableFuture<SdkHttpResponse> f = proceed(call, 0);
        // every stage of a blocking call ran on this thread: the future is done, unless a vendor policy
        // went asynchronous, and then waiting here is what a blocking call does
        return Futures.await(f, interrupted -> {
            call.cancel();
            return TransportErrors.interrupted(call.toString(), interrupted);
        });
    }

    /**
     * Sends the call through every policy without a thread waiting for it: the transport's
     * asynchronous send, backoffs on a timer, and a 2xx body gathered before the future completes
     * (an error body up to what the error mapping reads).
     *
     * @param call the call
     * @return completes with the 2xx response, its body in memory, or fails with the call's exception
     */
    public CompletableFuture<SdkHttpResponse> sendAsync(PipelineCall call) {
        call.async();
        return proceed(call, 0);
    }

    private CompletableFuture<SdkHttpResponse> proceed(PipelineCall call, int index) {
        return Futures.call(() -> policies.get(index).process(call, () -> proceed(call, index + 1)));
    }

    /** Assembles a {@link HttpPipeline}. */
    public static final class Builder {
        private final ClientConfig config;
        private final HttpTransport transport;
        private final RequestAuth auth;
        private final ErrorDecoder errors;
        private final List<HttpPipelinePolicy> vendor = new ArrayList<>();

        private Builder(ClientConfig config, HttpTransport transport, RequestAuth auth, ErrorDecoder errors) {
            this.config = config;
            this.transport = transport;
            this.auth = auth;
            this.errors = errors;
        }

        /**
         * Adds a vendor policy between the user agent and the error mapping: it sees 2xx answers
         * only, and an exception it throws passes auth and retry like any other.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder vendorPolicy(HttpPipelinePolicy policy) {
            vendor.add(policy);
            return this;
        }

        /** {@return the pipeline} */
        public HttpPipeline build() {
            HttpLog log = new HttpLog(config.redactedHeaders());
            List<HttpPipelinePolicy> p = new ArrayList<>();
            p.add(new RetryingPolicy(config.retryPolicy(), log));
            p.add(new AttemptTimeoutPolicy(config));
            p.add(new AuthPolicy(auth, errors));
            p.add(new UserAgentPolicy(config.userAgent()));
            p.addAll(vendor);
            p.add(new ErrorMappingPolicy(errors, config.clock()));
            if (!config.listeners().isEmpty()) {
                p.add(new CallListenerPolicy()); // sees every attempt as sent and as answered
            }
            p.add(new LoggingPolicy(log));
            p.add(new SendPolicy(transport));
            return new HttpPipeline(p);
        }
    }
}
