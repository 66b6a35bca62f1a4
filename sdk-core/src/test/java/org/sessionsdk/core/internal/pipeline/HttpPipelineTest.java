package org.sessionsdk.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.ErrorDecoder;

/** The pipeline reads as its list of policies, in the documented order, with vendor policies in their place. */
class HttpPipelineTest {
    @Test
    void thePoliciesInOrder() {
        ClientConfig config = new org.sessionsdk.core.testing.TestConfig().endpoint(URI.create("http://127.0.0.1:9")).build();
        List<String> seen = new ArrayList<>();
        HttpPipelinePolicy vendor = (call, next) -> {
            seen.add("vendor");
            return next.proceed();
        };
        HttpPipeline p = HttpPipeline.standard(config, SendPolicyTest.transport((r, d) -> Calls.response(200, "")),
                RequestAuth.none(), ErrorDecoder.byStatus()).vendorPolicy(vendor).build();

        assertThat(p.policies()).extracting(x -> x.getClass().getSimpleName()).containsExactly(
                "RetryingPolicy", "AttemptTimeoutPolicy", "AuthPolicy", "UserAgentPolicy",
                vendor.getClass().getSimpleName(), "ErrorMappingPolicy", "LoggingPolicy", "SendPolicy");
        PipelineCall call = new PipelineCall(Call.get("/a").build(), URI.create("http://127.0.0.1:9/a"), Long.MAX_VALUE);
        assertThat(p.send(call).statusCode()).isEqualTo(200);
        assertThat(seen).containsExactly("vendor");
        assertThat(call.attempt()).isEqualTo(1);
        assertThat(call.sent().header("User-Agent")).startsWith("sessionsdk/");
    }
}
