package org.sessionsdk.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.internal.HttpLog;
import org.sessionsdk.core.testing.CapturedLogs;

class LoggingPolicyTest {
    @Test
    void oneLinePerAttemptWithoutTheQueryOrSecretHeaders() {
        int mark = CapturedLogs.mark();
        PipelineCall call = Calls.get("/items");
        call.request().header("Authorization", "Bearer s3cr3t");
        Calls.sync(new LoggingPolicy(new HttpLog(Set.of()))).process(call, () -> Calls.response(200, ""));
        assertThatThrownBy(() -> Calls.sync(new LoggingPolicy(new HttpLog(Set.of()))).process(Calls.get("/down"), () -> {
            throw new TransportException(TransportException.Kind.CONNECT, "GET /down: connection refused", null);
        })).isInstanceOf(TransportException.class);

        String logs = CapturedLogs.textSince(mark);
        assertThat(logs).contains("GET /items -> 200").contains("(attempt 1)").contains("GET /down -> failed")
                .doesNotContain("secret=q").doesNotContain("s3cr3t");
    }
}
