package org.sessionsdk.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.internal.ErrorDecoder;

class AuthPolicyTest {
    /** Signs with token-1, token-2, ...; a rejection moves to the next. */
    static final class Tokens implements RequestAuth {
        int current = 1;
        final List<String> rejected = new ArrayList<>();

        @Override
        public void authorize(SdkHttpRequest.Builder request) {
            request.header("Authorization", "Bearer token-" + current);
        }

        @Override
        public boolean refreshAfterRejection(SdkHttpRequest r, ApiException rejection) {
            rejected.add(r.header("Authorization"));
            current++;
            return true;
        }
    }

    static ApiException error(int status, String vendorMessage) {
        return org.sessionsdk.core.internal.ApiErrors.forStatus(
                new ErrorDetails(status, null, vendorMessage, "GET", "/a", null, 1, null), null);
    }

    @Test
    void signsEachRequestAndRefreshesOnceOnA401() {
        Tokens auth = new Tokens();
        PipelineCall call = Calls.get("/a");
        List<String> sent = new ArrayList<>();
        var r = Calls.sync(new AuthPolicy(auth, ErrorDecoder.byStatus())).process(call, () -> {
            sent.add(call.finalRequest().header("Authorization"));
            if (sent.size() == 1) {
                throw error(401, null);
            }
            return Calls.response(200, "ok");
        });
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sent).containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(auth.rejected).containsExactly("Bearer token-1");
        assertThat(call.attempt()).isEqualTo(1); // a refresh is not an attempt
    }

    @Test
    void onlyOnceAndOnlyForWhatTheVendorCallsARejection() {
        Tokens auth = new Tokens();
        PipelineCall call = Calls.get("/a");
        assertThatThrownBy(() -> Calls.sync(new AuthPolicy(auth, ErrorDecoder.byStatus())).process(call, () -> {
            throw error(401, null);
        })).isInstanceOf(AuthenticationException.class);
        assertThat(auth.rejected).hasSize(1);

        Tokens other = new Tokens();
        assertThatThrownBy(() -> Calls.sync(new AuthPolicy(other, ErrorDecoder.byStatus())).process(Calls.get("/a"), () -> {
            throw error(500, "Client authentication failed");
        })).isInstanceOf(ServerException.class);
        assertThat(other.rejected).isEmpty();

        // a vendor that says so in its own words, with another status
        ErrorDecoder vendor = new ErrorDecoder() {
            @Override
            public ApiException decode(org.sessionsdk.core.internal.ErrorContext ctx) {
                return ctx.byStatus(null, null);
            }

            @Override
            public boolean credentialsRejected(ApiException e) {
                return "Client authentication failed".equals(e.vendorMessage().orElse(null));
            }
        };
        Tokens third = new Tokens();
        PipelineCall c3 = Calls.get("/a");
        int[] n = {0};
        Calls.sync(new AuthPolicy(third, vendor)).process(c3, () -> {
            if (n[0]++ == 0) {
                throw error(500, "Client authentication failed");
            }
            return Calls.response(200, "");
        });
        assertThat(third.rejected).containsExactly("Bearer token-1");
    }

    @Test
    void noCredentialsAtAllIsFinalForTheCall() {
        RequestAuth broken = request -> {
            throw new AuthenticationException(new ErrorDetails(400, null, null, "POST", "/token", null, 3, null));
        };
        PipelineCall call = Calls.get("/a");
        assertThatThrownBy(() -> Calls.sync(new AuthPolicy(broken, ErrorDecoder.byStatus())).process(call,
                () -> Calls.response(200, ""))).isInstanceOf(AuthenticationException.class);
        assertThat(call.failsFinally()).isTrue();
    }
}
