package org.sessionsdk.senhasegura;

import java.util.Objects;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.internal.auth.AuthFactory;
import org.sessionsdk.core.internal.auth.OAuth2ClientCredentials;
import org.sessionsdk.senhasegura.internal.OAuth1Signer;

/**
 * How the client proves itself to senhasegura's A2A API: OAuth 2 client credentials (the current
 * scheme) or OAuth 1.0a with HMAC-SHA1 signatures (the legacy one). Secrets are kept in
 * {@link Secret}s and never printed.
 */
public final class SenhaseguraCredentials {
    /** Where the token request goes, under the endpoint. */
    static final String TOKEN_PATH = "/iso/oauth2/token";

    private final String description;
    private final AuthFactory auth;
    /** Set for OAuth 2 only: the same client with its id and secret in a Basic header. */
    private final AuthFactory basicHeaderVariant;

    private SenhaseguraCredentials(String description, AuthFactory auth, AuthFactory basicHeaderVariant) {
        this.description = description;
        this.auth = auth;
        this.basicHeaderVariant = basicHeaderVariant;
    }

    /**
     * OAuth 2 client credentials of an A2A application: a token from {@code POST /iso/oauth2/token}
     * (id and secret in the form body), cached until shortly before it expires, sent as a bearer token.
     *
     * @param clientId     the application's client id, not blank
     * @param clientSecret its secret, not blank
     * @return the credentials
     */
    public static SenhaseguraCredentials oauth2(String clientId, String clientSecret) {
        AuthFactory.requireText(clientId, "clientId");
        Secret secret = Secret.of(AuthFactory.requireText(clientSecret, "clientSecret"));
        return new SenhaseguraCredentials(oauth2Description(clientId, secret, false),
                oauth2(clientId, secret, false), oauth2(clientId, secret, true));
    }

    /**
     * OAuth 1.0a with HMAC-SHA1 signatures (the legacy scheme). The two secrets may be empty, as
     * RFC 5849 allows; the keys may not.
     *
     * @param consumerKey    the consumer key, not blank
     * @param consumerSecret the consumer secret
     * @param tokenKey       the token key, not blank
     * @param tokenSecret    the token secret
     * @return the credentials
     */
    public static SenhaseguraCredentials oauth1(String consumerKey, String consumerSecret, String tokenKey,
                                                String tokenSecret) {
        AuthFactory.requireText(consumerKey, "consumerKey");
        Secret cs = Secret.of(Objects.requireNonNull(consumerSecret, "consumerSecret"));
        Secret tk = Secret.of(AuthFactory.requireText(tokenKey, "tokenKey"));
        Secret ts = Secret.of(Objects.requireNonNull(tokenSecret, "tokenSecret"));
        return new SenhaseguraCredentials("SenhaseguraCredentials[oauth1, consumerKey=" + consumerKey
                + ", consumerSecret=" + cs + ", tokenKey=" + tk + ", tokenSecret=" + ts + "]",
                (runtime, errors) -> new OAuth1Signer(consumerKey, cs, tk, ts, runtime.config().clock(),
                        OAuth1Signer.randomNonces()), null);
    }

    /**
     * The same OAuth 2 client, sending its id and secret in a Basic header instead of the form body
     * (older servers).
     *
     * @return the credentials
     * @throws IllegalStateException for OAuth 1 credentials
     */
    public SenhaseguraCredentials withBasicAuthHeader() {
        if (basicHeaderVariant == null) {
            throw new IllegalStateException("withBasicAuthHeader() applies to OAuth 2 credentials only");
        }
        return new SenhaseguraCredentials(description.replace("clientAuth=form-body", "clientAuth=basic-header"),
                basicHeaderVariant, basicHeaderVariant);
    }

    private static AuthFactory oauth2(String clientId, Secret secret, boolean basicHeader) {
        return (runtime, errors) -> OAuth2ClientCredentials.builder()
                .tokenCaller(runtime.caller(RequestAuth.none(), OAuth2ClientCredentials.tokenErrors(errors)))
                .tokenPath(TOKEN_PATH)
                .clientId(clientId)
                .clientSecret(secret)
                .basicHeader(basicHeader)
                .build();
    }

    private static String oauth2Description(String clientId, Secret secret, boolean basicHeader) {
        return "SenhaseguraCredentials[oauth2, clientId=" + clientId + ", clientSecret=" + secret
                + ", clientAuth=" + (basicHeader ? "basic-header" : "form-body") + "]";
    }

    RequestAuth auth(ClientRuntime runtime, ErrorDecoder errors) {
        return auth.create(runtime, errors);
    }

    @Override
    public String toString() {
        return description;
    }
}
