package org.sessionsdk.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.internal.HttpLog;
import org.sessionsdk.core.testing.Loopback;

class RetryingPolicyTest {
    final Loopback.RecordingSleeper sleeper = new Loopback.RecordingSleeper();
    final RetryingPolicy retrying = new RetryingPolicy(Loopback.fastRetry(3, sleeper), new HttpLog(Collections.emptySet()));

    static PipelineCall fresh(boolean write) {
        PipelineCall c = write ? Calls.post("/w") : Calls.get("/r");
        return new PipelineCall(c.call(), c.uri(), Long.MAX_VALUE);
    }

    static ServerException unavailable(int attempt) {
        return new ServerException(new ErrorDetails(503, null, null, "GET", "/r", null, attempt, null));
    }

    @Test
    void aReadIsTriedAgainOnARetryableStatusUpToMaxAttempts() {
        PipelineCall call = fresh(false);
        assertThatThrownBy(() -> Calls.sync(retrying).process(call, () -> {
            throw unavailable(call.attempt());
        })).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.attempts()).isEqualTo(3));
        assertThat(call.attempt()).isEqualTo(3);
        assertThat(sleeper.delays()).hasSize(2);
    }

    @Test
    void theServersRetryAfterIsHonoured() {
        PipelineCall call = fresh(false);
        int[] n = {0};
        Calls.sync(retrying).process(call, () -> {
            if (n[0]++ == 0) {
                call.retryAfter(Duration.ofSeconds(7));
                throw unavailable(1);
            }
            return Calls.response(200, "");
        });
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aWriteIsRepeatedOnlyWhenTheRequestNeverLeft() {
        PipelineCall write = fresh(true);
        assertThatThrownBy(() -> Calls.sync(retrying).process(write, () -> {
            throw new TransportException(TransportException.Kind.IO, "reset", null);
        })).isInstanceOf(TransportException.class);
        assertThat(write.attempt()).isEqualTo(1);

        PipelineCall refused = fresh(true);
        assertThatThrownBy(() -> Calls.sync(retrying).process(refused, () -> {
            throw new TransportException(TransportException.Kind.CONNECT, "refused", null);
        })).isInstanceOf(TransportException.class);
        assertThat(refused.attempt()).isEqualTo(3);

        PipelineCall status = fresh(true);
        assertThatThrownBy(() -> Calls.sync(retrying).process(status, () -> {
            throw unavailable(1);
        })).isInstanceOf(ServerException.class);
        assertThat(status.attempt()).isEqualTo(1);
    }

    @Test
    void neverAfterAnInterruptACallTimeoutOrAFinalFailure() {
        for (TransportException.Kind k : new TransportException.Kind[] {TransportException.Kind.INTERRUPTED,
                TransportException.Kind.CALL_TIMEOUT}) {
            PipelineCall call = fresh(false);
            assertThatThrownBy(() -> Calls.sync(retrying).process(call, () -> {
                throw new TransportException(k, "x", null);
            })).isInstanceOf(TransportException.class);
            assertThat(call.attempt()).isEqualTo(1);
        }
        PipelineCall noToken = fresh(false);
        assertThatThrownBy(() -> Calls.sync(retrying).process(noToken, () -> {
            noToken.failFinally();
            throw unavailable(1);
        })).isInstanceOf(ServerException.class);
        assertThat(noToken.attempt()).isEqualTo(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void aWaitThatWouldPassTheDeadlineIsNotStarted() {
        PipelineCall call = new PipelineCall(fresh(false).call(), fresh(false).uri(), System.nanoTime() + 1_000);
        assertThatThrownBy(() -> Calls.sync(retrying).process(call, () -> {
            call.retryAfter(Duration.ofSeconds(30));
            throw unavailable(1);
        })).isInstanceOf(ServerException.class);
        assertThat(sleeper.delays()).isEmpty();
    }
}
