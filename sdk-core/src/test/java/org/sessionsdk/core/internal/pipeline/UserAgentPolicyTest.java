package org.sessionsdk.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentPolicyTest {
    @Test
    void namesTheSdkOnTheRequest() {
        PipelineCall call = Calls.get("/a");
        Calls.sync(new UserAgentPolicy("sessionsdk/1 java/17 app")).process(call, () -> Calls.response(200, ""));
        assertThat(call.finalRequest().header("User-Agent")).isEqualTo("sessionsdk/1 java/17 app");
    }
}
