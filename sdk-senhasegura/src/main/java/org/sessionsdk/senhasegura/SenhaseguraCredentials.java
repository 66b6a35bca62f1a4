package org.sessionsdk.senhasegura;

import java.util.Objects;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.ErrorDecoder;
import org.sessionsdk.core.internal.auth.AuthFactory;
import org.sessionsdk.core.internal.auth.OAuth2ClientCredentials;
import org.sessionsdk.core.internal.auth.OAuth2ClientCredentials.ClientAuthentication;
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
    /** Set for OAuth 2 only: the client id, to derive the other token request forms. */
    private final String clientId;
    /** Set for OAuth 2 only: the client secret. */
    private final Secret clientSecret;

    private SenhaseguraCredentials(String description, AuthFactory auth, String clientId, Secret clientSecret) {
        this.description = description;
        this.auth = auth;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /**
     * OAuth 2 client credentials of an A2A application: a token from {@code POST /iso/oauth2/token},
     * cached until shortly before it expires, sent as a bearer token. Newer servers take the id and
     * secret in the form body, older ones (3.25) only in a Basic header: the body is tried first and,
     * once when the token endpoint refuses the client ("Client authentication failed",
     * {@code invalid_client}), the Basic header; the form that worked is kept for the client's later
     * token requests. When both are refused the error says so. {@link #withFormBody()} and
     * {@link #withBasicAuthHeader()} fix one form.
     *
     * @param clientId     the application's client id, not blank
     * @param clientSecret its secret, not blank
     * @return the credentials
     */
    public static SenhaseguraCredentials oauth2(String clientId, String clientSecret) {
        AuthFactory.requireText(clientId, "clientId");
        Secret secret = Secret.of(AuthFactory.requireText(clientSecret, "clientSecret"));
        return oauth2(clientId, secret, ClientAuthentication.AUTO);
    }

    private static SenhaseguraCredentials oauth2(String clientId, Secret secret, ClientAuthentication form) {
        return new SenhaseguraCredentials(oauth2Description(clientId, secret, form), oauth2Factory(clientId, secret, form),
                clientId, secret);
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
                        OAuth1Signer.randomNonces()), null, null);
    }

    /**
     * The same OAuth 2 client, always sending its id and secret in a Basic header (servers that want
     * it, as 3.25's documentation says); no other form is tried.
     *
     * @return the credentials
     * @throws IllegalStateException for OAuth 1 credentials
     */
    public SenhaseguraCredentials withBasicAuthHeader() {
        return fixed(ClientAuthentication.BASIC_HEADER, "withBasicAuthHeader()");
    }

    /**
     * The same OAuth 2 client, always sending its id and secret in the form body (as the newest
     * documentation shows); no other form is tried.
     *
     * @return the credentials
     * @throws IllegalStateException for OAuth 1 credentials
     */
    public SenhaseguraCredentials withFormBody() {
        return fixed(ClientAuthentication.FORM_BODY, "withFormBody()");
    }

    private SenhaseguraCredentials fixed(ClientAuthentication form, String method) {
        if (clientId == null) {
            throw new IllegalStateException(method + " applies to OAuth 2 credentials only");
        }
        return oauth2(clientId, clientSecret, form);
    }

    private static AuthFactory oauth2Factory(String clientId, Secret secret, ClientAuthentication form) {
        return (runtime, errors) -> OAuth2ClientCredentials.builder()
                .tokenCaller(runtime.caller(RequestAuth.none(), OAuth2ClientCredentials.tokenErrors(errors)))
                .tokenPath(TOKEN_PATH)
                .clientId(clientId)
                .clientSecret(secret)
                .clientAuthentication(form)
                .build();
    }

    private static String oauth2Description(String clientId, Secret secret, ClientAuthentication form) {
        String how = switch (form) {
            case FORM_BODY -> "form-body";
            case BASIC_HEADER -> "basic-header";
            case AUTO -> "auto (form-body, else basic-header)";
        };
        return "SenhaseguraCredentials[oauth2, clientId=" + clientId + ", clientSecret=" + secret
                + ", clientAuth=" + how + "]";
    }

    RequestAuth auth(ClientRuntime runtime, ErrorDecoder errors) {
        return auth.create(runtime, errors);
    }

    @Override
    public String toString() {
        return description;
    }
}
