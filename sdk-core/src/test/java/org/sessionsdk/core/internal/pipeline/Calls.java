package org.sessionsdk.core.internal.pipeline;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.Call;

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

    static SdkHttpResponse response(int status, String body, String... headers) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], List.of(headers[i + 1]));
        }
        return new SdkHttpResponse(status, h, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
