package org.sessionsdk.senhasegura;

import java.util.Objects;
import org.sessionsdk.core.auth.Secret;

/**
 * How the client proves itself to senhasegura's A2A API: OAuth 2 client credentials (the current
 * scheme) or OAuth 1.0a with HMAC-SHA1 signatures (the legacy one). Secrets are kept in
 * {@link Secret}s and never printed.
 */
public final class SenhaseguraCredentials {
    enum Kind { OAUTH2, OAUTH1 }

    final Kind kind;
    final String clientId;
    final Secret clientSecret;
    final boolean basicHeader;
    final String consumerKey;
    final Secret consumerSecret;
    final Secret tokenKey;
    final Secret tokenSecret;

    private SenhaseguraCredentials(Kind kind, String clientId, Secret clientSecret, boolean basicHeader,
                                   String consumerKey, Secret consumerSecret, Secret tokenKey, Secret tokenSecret) {
        this.kind = kind;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.basicHeader = basicHeader;
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.tokenKey = tokenKey;
        this.tokenSecret = tokenSecret;
    }

    /**
     * OAuth 2 client credentials: a token is fetched from {@code POST /iso/oauth2/token} with the id and
     * secret in the form body, cached until it expires, and sent as {@code Authorization: Bearer}.
     *
     * @param clientId     the A2A application's client id
     * @param clientSecret the A2A application's client secret
     * @return the credentials
     * @throws IllegalArgumentException if either is blank
     */
    public static SenhaseguraCredentials oauth2(String clientId, String clientSecret) {
        return new SenhaseguraCredentials(Kind.OAUTH2, requireText(clientId, "clientId"),
                Secret.of(requireText(clientSecret, "clientSecret")), false, null, null, null, null);
    }

    /**
     * OAuth 1.0a (RFC 5849): every request carries an {@code Authorization: OAuth ...} header signed
     * with HMAC-SHA1 from the consumer and token secrets.
     *
     * @param consumerKey    the A2A application's consumer key
     * @param consumerSecret its consumer secret
     * @param tokenKey       the access token
     * @param tokenSecret    the access token's secret
     * @return the credentials
     * @throws IllegalArgumentException if the consumer key or the token is blank
     */
    public static SenhaseguraCredentials oauth1(String consumerKey, String consumerSecret, String tokenKey,
                                                String tokenSecret) {
        return new SenhaseguraCredentials(Kind.OAUTH1, null, null, false, requireText(consumerKey, "consumerKey"),
                Secret.of(Objects.requireNonNull(consumerSecret, "consumerSecret")),
                Secret.of(requireText(tokenKey, "tokenKey")),
                Secret.of(Objects.requireNonNull(tokenSecret, "tokenSecret")));
    }

    /**
     * The same OAuth 2 credentials, sent to the token endpoint in an HTTP Basic header instead of the
     * form body, as older servers want.
     *
     * @return a copy that sends the id and secret in a Basic header
     * @throws IllegalStateException for OAuth 1 credentials
     */
    public SenhaseguraCredentials withBasicAuthHeader() {
        if (kind != Kind.OAUTH2) {
            throw new IllegalStateException("withBasicAuthHeader() applies to OAuth 2 credentials only");
        }
        return new SenhaseguraCredentials(kind, clientId, clientSecret, true, null, null, null, null);
    }

    private static String requireText(String s, String name) {
        Objects.requireNonNull(s, name);
        if (s.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return s;
    }

    @Override
    public String toString() {
        if (kind == Kind.OAUTH2) {
            return "SenhaseguraCredentials[oauth2, clientId=" + clientId + ", clientSecret=" + clientSecret
                    + ", clientAuth=" + (basicHeader ? "basic-header" : "form-body") + "]";
        }
        return "SenhaseguraCredentials[oauth1, consumerKey=" + consumerKey + ", consumerSecret=" + consumerSecret
                + ", tokenKey=" + tokenKey + ", tokenSecret=" + tokenSecret + "]";
    }
}
