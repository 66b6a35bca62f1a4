package org.sessionsdk.saymon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;

class SaymonUsersTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String PATH = "/node/api/users/current";

    static SaymonClient client() {
        return SaymonClient.builder().endpoint(Loopback.endpoint(wm)).credentials(SaymonCredentials.basic("admin", "pw"))
                .retryPolicy(RetryPolicy.none()).build();
    }

    static void answer(int status, String body) {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    @Test
    void readsTheCurrentUserKeepingItsScalarFields() {
        answer(200, """
                {"id":"5f5f420005a91e683e101ca7","login":"admin","name":"Administrator","active":true,"loginCount":12,
                 "permissions":["read-session-log"],"settings":{"lang":"en"},"email":null}""");
        try (SaymonClient saymon = client()) {
            SaymonUser u = saymon.users().current();

            assertThat(u.id()).isEqualTo("5f5f420005a91e683e101ca7");
            assertThat(u.login()).isEqualTo("admin");
            assertThat(u.name()).isEqualTo("Administrator");
            assertThat(u.attributes()).containsEntry("active", "true").containsEntry("loginCount", "12")
                    .doesNotContainKeys("permissions", "settings", "email");
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aMissingNameIsNull() {
        answer(200, "{\"id\":\"u1\",\"login\":\"ops\"}");
        try (SaymonClient saymon = client()) {
            assertThat(saymon.users().current()).isEqualTo(new SaymonUser("u1", "ops", null,
                    java.util.Map.of("id", "u1", "login", "ops")));
        }
    }

    @Test
    void wrongCredentialsFailTheCheck() {
        answer(401, "{\"code\":\"InvalidCredentials\",\"message\":\"Wrong login or password\"}");
        try (SaymonClient saymon = client()) {
            assertThatThrownBy(() -> saymon.users().current()).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("Wrong login or password");
        }
    }

    @Test
    void anythingButOneObjectIsAResponseFormatException() {
        try (SaymonClient saymon = client()) {
            answer(200, "{\"id\":\"u1\",\"login\":");
            assertThatThrownBy(() -> saymon.users().current()).isInstanceOf(ResponseFormatException.class);
            answer(200, "[{\"id\":\"u1\"}]");
            assertThatThrownBy(() -> saymon.users().current()).isInstanceOf(ResponseFormatException.class);
            answer(200, "{\"id\":\"u1\"} {\"id\":\"u2\"}");
            assertThatThrownBy(() -> saymon.users().current()).isInstanceOf(ResponseFormatException.class);
            answer(200, "");
            assertThatThrownBy(() -> saymon.users().current()).isInstanceOf(ResponseFormatException.class);
        }
    }
}
