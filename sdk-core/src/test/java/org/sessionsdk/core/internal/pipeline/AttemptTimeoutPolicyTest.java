package org.sessionsdk.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.internal.Call;

class AttemptTimeoutPolicyTest {
    static final ClientConfig CONFIG = new org.sessionsdk.core.testing.TestConfig().endpoint(URI.create("http://127.0.0.1:9"))
            .requestTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofMinutes(5)).build();

    @Test
    void theClientsRequestTimeoutOrTheCallsOwn() {
        PipelineCall call = Calls.get("/a");
        Calls.sync(new AttemptTimeoutPolicy(CONFIG)).process(call, () -> Calls.response(200, ""));
        assertThat(call.attemptTimeout()).isEqualTo(Duration.ofSeconds(30));

        PipelineCall own = Calls.started(Call.get("/list").requestTimeout(Duration.ofMinutes(10)).build());
        Calls.sync(new AttemptTimeoutPolicy(CONFIG)).process(own, () -> Calls.response(200, ""));
        assertThat(own.attemptTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void cutToWhatIsLeftOfTheCallTimeoutAndFailsWhenNothingIs() {
        PipelineCall nearlyDone = new PipelineCall(Call.get("/a").build(), URI.create("http://127.0.0.1:9/a"),
                System.nanoTime() + Duration.ofSeconds(2).toNanos());
        nearlyDone.nextAttempt();
        Calls.sync(new AttemptTimeoutPolicy(CONFIG)).process(nearlyDone, () -> Calls.response(200, ""));
        assertThat(nearlyDone.attemptTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(2));

        PipelineCall spent = new PipelineCall(Call.get("/a").build(), URI.create("http://127.0.0.1:9/a"), System.nanoTime() - 1);
        spent.nextAttempt();
        assertThatThrownBy(() -> Calls.sync(new AttemptTimeoutPolicy(CONFIG)).process(spent, () -> Calls.response(200, "")))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CALL_TIMEOUT));
    }
}
