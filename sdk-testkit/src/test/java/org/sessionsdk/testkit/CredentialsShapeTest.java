package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;

/**
 * One credentials design: every factory of every vendor refuses a null value with a
 * {@link NullPointerException} and a blank one with an {@link IllegalArgumentException}, both naming
 * the value the same way, and no {@code toString()} shows a secret.
 */
class CredentialsShapeTest {
    /** A factory with one value left to vary, and that value's name. */
    record Factory(String name, Function<String, Object> make) {
    }

    static List<Factory> factories() {
        return List.of(
                new Factory("key", EkranCredentials::apiKey),
                new Factory("key", PleskCredentials::secretKey),
                new Factory("login", v -> PleskCredentials.password(v, "pw")),
                new Factory("password", v -> PleskCredentials.password("admin", v)),
                new Factory("login", v -> SaymonCredentials.basic(v, "pw")),
                new Factory("password", v -> SaymonCredentials.basic("admin", v)),
                new Factory("login", v -> SaymonCredentials.session(v, "pw")),
                new Factory("password", v -> SaymonCredentials.session("admin", v)),
                new Factory("clientId", v -> SenhaseguraCredentials.oauth2(v, "s")),
                new Factory("clientSecret", v -> SenhaseguraCredentials.oauth2("id", v)),
                new Factory("consumerKey", v -> SenhaseguraCredentials.oauth1(v, "cs", "tk", "ts")),
                new Factory("tokenKey", v -> SenhaseguraCredentials.oauth1("ck", "cs", v, "ts")));
    }

    @Test
    void nullAndBlankAreRefusedTheSameWayEverywhere() {
        for (Factory f : factories()) {
            assertThatThrownBy(() -> f.make().apply(null)).as(f.name()).isInstanceOf(NullPointerException.class)
                    .hasMessage(f.name());
            assertThatThrownBy(() -> f.make().apply("  ")).as(f.name()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(f.name() + " must not be blank");
        }
    }

    @Test
    void noSecretInToString() {
        List<Object> all = List.of(EkranCredentials.apiKey("ek-secret"), PleskCredentials.secretKey("pk-secret"),
                PleskCredentials.password("admin", "pp-secret"), SaymonCredentials.basic("admin", "sb-secret"),
                SaymonCredentials.session("admin", "ss-secret"), SenhaseguraCredentials.oauth2("app", "so-secret"),
                SenhaseguraCredentials.oauth2("app", "so-secret").withBasicAuthHeader(),
                SenhaseguraCredentials.oauth1("ck", "c-secret", "tk", "t-secret"));
        for (Object c : all) {
            assertThat(c.toString()).doesNotContain("secret").contains("****");
        }
        assertThat(SenhaseguraCredentials.oauth2("app", "x").withBasicAuthHeader().toString()).contains("basic-header");
        assertThatThrownBy(() -> SenhaseguraCredentials.oauth1("ck", "", "tk", "").withBasicAuthHeader())
                .isInstanceOf(IllegalStateException.class);
    }
}
