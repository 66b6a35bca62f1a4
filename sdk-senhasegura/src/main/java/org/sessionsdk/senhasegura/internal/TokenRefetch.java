package org.sessionsdk.senhasegura.internal;

import java.util.function.Supplier;
import org.sessionsdk.core.auth.OAuth2ClientCredentials;
import org.sessionsdk.core.auth.Secret;
import org.sessionsdk.core.error.AuthenticationException;

/**
 * The one token refetch for rejections that are not a 401. The core refetches on a 401 itself;
 * senhasegura may instead say "Client authentication failed" with another status or inside a 200
 * envelope. Then the token that was sent is dropped (only if no other caller replaced it already)
 * and the operation runs once more with a fresh one.
 */
public final class TokenRefetch {
    private final OAuth2ClientCredentials oauth2;
    private final String tokenPath;

    /** @param oauth2 the token provider, or null when the client signs with OAuth 1 */
    public TokenRefetch(OAuth2ClientCredentials oauth2, String tokenPath) {
        this.oauth2 = oauth2;
        this.tokenPath = tokenPath;
    }

    public <T> T run(Supplier<T> operation) {
        if (oauth2 == null) {
            return operation.get();
        }
        Secret sent = oauth2.currentToken();
        try {
            return operation.get();
        } catch (AuthenticationException e) {
            if (!tokenRejected(e)) {
                throw e;
            }
            oauth2.invalidate(sent);
            return operation.get();
        }
    }

    private boolean tokenRejected(AuthenticationException e) {
        String path = e.details().path();
        return e.statusCode() != 401 // the core has already refetched for a 401
                && (path == null || !path.endsWith(tokenPath)) // the token endpoint refusing id/secret: final
                && SenhaseguraErrors.isClientAuthFailed(e.vendorMessage().orElse(null));
    }
}
