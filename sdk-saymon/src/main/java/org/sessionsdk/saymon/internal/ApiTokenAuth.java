package org.sessionsdk.saymon.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;
import org.sessionsdk.core.http.SdkHttpRequest;

/**
 * SAYMON's API token, sent as a query parameter on every request ({@code ?api-token=...}; the name is
 * configurable, since only a draft of the docs names it). The token is added to the request the
 * transport gets and nowhere else: the SDK's logs, messages and call listeners name only the path,
 * never the query, so the URL with the token never surfaces. A refused token is not retried: there is
 * nothing fresh to try.
 *
 * <p>SDK-internal.
 */
public final class ApiTokenAuth implements RequestAuth {
    /** The parameter name the docs' draft shows. */
    public static final String DEFAULT_PARAMETER = "api-token";

    private final String parameter;
    private final Secret token;

    /**
     * @param parameter the query parameter's name
     * @param token     the token
     */
    public ApiTokenAuth(String parameter, Secret token) {
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public void authorize(SdkHttpRequest.Builder request) {
        URI uri = request.uri();
        String raw = uri.toString();
        int hash = raw.indexOf('#');
        if (hash >= 0) {
            raw = raw.substring(0, hash);
        }
        String pair = encode(parameter) + "=" + encode(token.reveal());
        request.uri(URI.create(raw + (uri.getRawQuery() == null ? "?" : "&") + pair));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "ApiTokenAuth[parameter=" + parameter + ", token=****]";
    }
}
