package org.sessionsdk.core.internal.auth;

import java.util.Objects;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.ErrorDecoder;

/**
 * What every vendor's {@code XxxCredentials} holds: how its credentials become the client's
 * {@link RequestAuth} once the client exists. Static headers ignore the arguments; credentials that
 * make calls of their own (a login, a token request) make them through {@code runtime} and read their
 * errors with the vendor's decoder. One design for all four vendors.
 *
 * <p>SDK-internal.
 */
@FunctionalInterface
public interface AuthFactory {

    /**
     * @param runtime the client's config, transport and threads
     * @param errors  the vendor's error decoder, for calls the credentials make themselves
     * @return the auth every request of the client is signed with
     */
    RequestAuth create(ClientRuntime runtime, ErrorDecoder errors);

    /**
     * The check every credentials factory applies to what it is given: null is a
     * {@link NullPointerException}, blank an {@link IllegalArgumentException}, both naming the value.
     *
     * @param value what the user passed
     * @param name  how the user knows it, e.g. {@code "clientSecret"}
     * @return the value
     */
    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
