package org.sessionsdk.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.http.SdkHttpResponse;

class SendPolicyTest {
    @Test
    void handsTheRequestAndTheAttemptTimeoutToTheTransport() {
        AtomicReference<SdkHttpRequest> sent = new AtomicReference<>();
        AtomicReference<Duration> timeout = new AtomicReference<>();
        HttpTransport t = transport((r, d) -> {
            sent.set(r);
            timeout.set(d);
            return Calls.response(200, "");
        });
        PipelineCall call = Calls.get("/a");
        call.attemptTimeout(Duration.ofSeconds(3));
        Calls.sync(new SendPolicy(t)).process(call, () -> {
            throw new AssertionError("the transport is the end");
        });
        assertThat(sent.get().uri().getRawQuery()).isEqualTo("secret=q");
        assertThat(timeout.get()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void anIoFailureIsATransportExceptionNamingTheHost() {
        HttpTransport t = transport((r, d) -> {
            throw new java.net.ConnectException("Connection refused");
        });
        assertThatThrownBy(() -> Calls.sync(new SendPolicy(t)).process(Calls.get("/a"), () -> null))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT);
                    assertThat(e.getMessage()).contains("127.0.0.1:9").contains("connection refused");
                });
    }

    interface Send {
        SdkHttpResponse send(SdkHttpRequest r, Duration d) throws IOException;
    }

    static HttpTransport transport(Send s) {
        return new HttpTransport() {
            @Override
            public SdkHttpResponse send(SdkHttpRequest request, Duration timeout) throws IOException {
                return s.send(request, timeout);
            }

            @Override
            public void close() {
            }
        };
    }
}
