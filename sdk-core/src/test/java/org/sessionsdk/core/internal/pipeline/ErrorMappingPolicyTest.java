package org.sessionsdk.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.RateLimitedException;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.ErrorContext;
import org.sessionsdk.core.internal.ErrorDecoder;

class ErrorMappingPolicyTest {
    @Test
    void aSuccessPassesWithItsBodyUnread() throws Exception {
        SdkHttpResponse ok = Calls.response(204, "body");
        SdkHttpResponse r = Calls.sync(new ErrorMappingPolicy(ErrorDecoder.byStatus(), Clock.systemUTC())).process(Calls.get("/a"), () -> ok);
        assertThat(r).isSameAs(ok);
        assertThat(new String(r.body().readAllBytes())).isEqualTo("body");
    }

    @Test
    void anErrorGoesToTheVendorsDecoderWithItsDetails() {
        AtomicReference<ErrorContext> seen = new AtomicReference<>();
        ErrorDecoder vendor = ctx -> {
            seen.set(ctx);
            return ctx.byStatus("E42", ctx.bodyText());
        };
        PipelineCall call = Calls.get("/items");
        call.nextAttempt(); // the second attempt
        assertThatThrownBy(() -> Calls.sync(new ErrorMappingPolicy(vendor, Clock.systemUTC())).process(call,
                () -> Calls.response(404, "no such item", "X-Request-Id", "req-7")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.vendorCode()).contains("E42");
                    assertThat(e.vendorMessage()).contains("no such item");
                    assertThat(e.requestId()).contains("req-7");
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("GET /items").doesNotContain("secret=q");
                });
        assertThat(seen.get().url()).isEqualTo("http://127.0.0.1:9/items");
    }

    @Test
    void retryAfterIsKeptForTheRetryPolicyAndABrokenDecoderFallsBackToTheTable() {
        PipelineCall call = Calls.get("/a");
        ErrorDecoder broken = ctx -> {
            throw new IllegalStateException("bug");
        };
        assertThatThrownBy(() -> Calls.sync(new ErrorMappingPolicy(broken, Clock.systemUTC())).process(call,
                () -> Calls.response(429, "", "Retry-After", "12")))
                .isInstanceOf(RateLimitedException.class);
        assertThat(call.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThatThrownBy(() -> Calls.sync(new ErrorMappingPolicy(ctx -> null, Clock.systemUTC())).process(Calls.get("/a"),
                () -> Calls.response(418, ""))).isExactlyInstanceOf(ApiException.class);
    }
}
