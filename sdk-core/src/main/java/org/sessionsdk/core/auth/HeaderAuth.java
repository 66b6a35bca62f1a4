package org.sessionsdk.core.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sessionsdk.core.http.SdkHttpRequest;

/**
 * Credentials sent as one or more headers of the vendor's choosing, values verbatim: an API key
 * ({@code ApiKey: ...}), Plesk's {@code KEY}, or {@code HTTP_AUTH_LOGIN} + {@code HTTP_AUTH_PASSWD}.
 * Plain values (a login) print in {@code toString()}; secret values never do.
 */
public final class HeaderAuth implements RequestAuth {
    private final Map<String, Object> headers;

    private HeaderAuth(Map<String, Object> headers) {
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * One secret header, e.g. {@code apiKey("ApiKey", key)}.
     *
     * @param headerName the header the vendor reads the key from
     * @param value      the key, sent verbatim
     * @return the auth
     */
    public static HeaderAuth apiKey(String headerName, Secret value) {
        return builder().secret(headerName, value).build();
    }

    /** {@return a builder for several headers, plain or secret} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the header names this auth sets; their values are redacted in logs} */
    public java.util.Set<String> headerNames() {
        return headers.keySet();
    }

    @Override
    public void authorize(SdkHttpRequest.Builder request) {
        headers.forEach((name, v) -> request.header(name, v instanceof Secret s ? s.reveal() : (String) v));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HeaderAuth[");
        headers.forEach((name, v) -> sb.append(name).append('=')
                .append(v instanceof Secret ? "****" : v).append(", "));
        if (!headers.isEmpty()) {
            sb.setLength(sb.length() - 2);
        }
        return sb.append(']').toString();
    }

    /** Collects the headers of a {@link HeaderAuth}. */
    public static final class Builder {
        /** Made by the enclosing type's {@code builder()}. */
        private Builder() {
        }

        private final Map<String, Object> headers = new LinkedHashMap<>();

        /**
         * A header whose value is not secret (a login name).
         *
         * @param name  the header name
         * @param value the header value, sent verbatim and shown in {@code toString()}
         * @return this builder
         */
        public Builder plain(String name, String value) {
            headers.put(name, java.util.Objects.requireNonNull(value, name));
            return this;
        }

        /**
         * A header whose value is secret.
         *
         * @param name  the header name
         * @param value the header value, sent verbatim and masked everywhere else
         * @return this builder
         */
        public Builder secret(String name, Secret value) {
            headers.put(name, java.util.Objects.requireNonNull(value, name));
            return this;
        }

        /** {@return the auth with the headers collected so far} */
        public HeaderAuth build() {
            return new HeaderAuth(headers);
        }
    }
}
