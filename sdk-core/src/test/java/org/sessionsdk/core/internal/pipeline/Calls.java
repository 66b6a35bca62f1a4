package org.sessionsdk.core.internal.pipeline;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.concurrent.Futures;

/** What the policy tests share: a call in flight and canned responses. */
final class Calls {
    private Calls() {
    }

    static PipelineCall get(String path) {
        return started(Call.get(path).build());
    }

    static PipelineCall post(String path) {
        return started(Call.post(path).body("x", "text/plain").build());
    }

    static PipelineCall started(Call call) {
        PipelineCall c = new PipelineCall(call, URI.create("http://127.0.0.1:9" + call.path() + "?secret=q"), Long.MAX_VALUE);
        c.nextAttempt();
        return c;
    }

    /** The rest of a pipeline as a blocking test writes it: returns a response or throws. */
    @FunctionalInterface
    interface SyncNext {
        SdkHttpResponse proceed();
    }

    /** A policy driven the way a blocking call drives it: every future complete, its failure thrown. */
    interface SyncPolicy {
        SdkHttpResponse process(PipelineCall call, SyncNext next);
    }

    static SyncPolicy sync(HttpPipelinePolicy policy) {
        return (call, next) -> Futures.await(policy.process(call,
                () -> Futures.call(() -> CompletableFuture.completedFuture(next.proceed()))),
                e -> new IllegalStateException(e));
    }

    static SdkHttpResponse response(int status, String body, String... headers) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], List.of(headers[i + 1]));
        }
        return new SdkHttpResponse(status, h, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
