package org.sessionsdk.core.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One HTTP request as the SDK hands it to an {@link HttpTransport}: method, absolute URI, headers
 * (names case-insensitive) and an optional body. Immutable; use {@link #toBuilder()} to derive one.
 */
public final class SdkHttpRequest {
    private final String method;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    private SdkHttpRequest(Builder b) {
        this.method = Objects.requireNonNull(b.method, "method");
        this.uri = Objects.requireNonNull(b.uri, "uri");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        b.headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = b.body == null ? null : b.body.clone();
    }

    /** {@return a builder for a {@code GET} request} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the HTTP method, e.g. {@code GET}} */
    public String method() {
        return method;
    }

    /** {@return the absolute URI, with its query string} */
    public URI uri() {
        return uri;
    }

    /** {@return all headers; names compare case-insensitively} */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header, or null.
     *
     * @param name the header name, any case
     * @return its first value, or null when absent
     */
    public String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** {@return a copy of the body bytes, or null when the request has none} */
    public byte[] body() {
        return body == null ? null : body.clone();
    }

    /** {@return a builder holding this request, to derive a changed one} */
    public Builder toBuilder() {
        Builder b = new Builder().method(method).uri(uri);
        headers.forEach((k, v) -> b.headers.put(k, new ArrayList<>(v)));
        b.body = body;
        return b;
    }

    /** Method and path only: safe to log. */
    @Override
    public String toString() {
        return method + " " + uri.getRawPath();
    }

    /** Builds a {@link SdkHttpRequest}. */
    public static final class Builder {
        /** Made by the enclosing type's {@code builder()}. */
        private Builder() {
        }

        private String method = "GET";
        private URI uri;
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private byte[] body;

        /**
         * The HTTP method (default {@code GET}).
         *
         * @param method e.g. {@code POST}
         * @return this builder
         */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /**
         * The absolute URI. Required.
         *
         * @param uri the URI, query string included
         * @return this builder
         */
        public Builder uri(URI uri) {
            this.uri = uri;
            return this;
        }

        /**
         * Sets a header, replacing any earlier value of the same name.
         *
         * @param name  the header name, any case
         * @param value the value, not null
         * @return this builder
         */
        public Builder header(String name, String value) {
            List<String> values = new ArrayList<>(1);
            values.add(Objects.requireNonNull(value, name));
            headers.put(name, values);
            return this;
        }

        /**
         * Removes a header, if set.
         *
         * @param name the header name, any case
         * @return this builder
         */
        public Builder removeHeader(String name) {
            headers.remove(name);
            return this;
        }

        /**
         * The body to send.
         *
         * @param body the bytes, or null for none
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = body;
            return this;
        }

        /** {@return the URI set so far, or null} */
        public URI uri() {
            return uri;
        }

        /** {@return the method set so far} */
        public String method() {
            return method;
        }

        /** {@return the request} */
        public SdkHttpRequest build() {
            return new SdkHttpRequest(this);
        }
    }
}
