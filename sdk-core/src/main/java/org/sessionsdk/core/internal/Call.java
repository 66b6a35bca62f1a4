package org.sessionsdk.core.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One API operation to send: method, path under the endpoint, query, headers, body, and whether it is
 * safe to repeat. Idempotency is per operation, not per HTTP method: every Plesk call is a POST, yet
 * reading the event log may be retried and terminating a session may not.
 *
 * <p>SDK-internal: vendor modules build these; applications should not.
 */
public final class Call {
    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final byte[] body;
    private final boolean idempotent;
    private final Duration requestTimeout;
    private final String operation;

    private Call(Builder b) {
        this.method = b.method;
        this.path = Objects.requireNonNull(b.path, "path");
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.idempotent = b.idempotent;
        this.requestTimeout = b.requestTimeout;
        this.operation = b.operation != null ? b.operation : b.method;
    }

    public static Builder get(String path) {
        return new Builder("GET", path).idempotent(true);
    }

    public static Builder post(String path) {
        return new Builder("POST", path);
    }

    public static Builder delete(String path) {
        return new Builder("DELETE", path);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, String> query() {
        return query;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public boolean idempotent() {
        return idempotent;
    }

    /** A per-call override of the config's request timeout, or null. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * {@return the operation's low-cardinality name for call listeners, e.g. {@code session/get} or
     * {@code GET /api/session/remotesessions/{id}}: never a path with ids or a query; the method alone
     * when the vendor named none}
     */
    public String operation() {
        return operation;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /** Builds a {@link Call}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean idempotent;
        private Duration requestTimeout;
        private String operation;

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Adds a query parameter; a null value is left out. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.put(name, String.valueOf(value));
            }
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder body(byte[] bytes, String contentType) {
            this.body = bytes;
            headers.put("Content-Type", contentType);
            return this;
        }

        public Builder body(String text, String contentType) {
            return body(text.getBytes(StandardCharsets.UTF_8), contentType);
        }

        /** Safe to send again after a failure (reads). Default: true for GET, false otherwise. */
        public Builder idempotent(boolean on) {
            this.idempotent = on;
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = d;
            return this;
        }

        /**
         * Names the operation for call listeners and telemetry: a fixed text per operation, the path
         * template with ids as {@code {id}}, never a path with ids or a query.
         */
        public Builder operation(String name) {
            this.operation = Objects.requireNonNull(name, "operation");
            return this;
        }

        public Call build() {
            return new Call(this);
        }
    }
}
