package org.sessionsdk.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as a simulator sees it, and the ways to answer it. Wraps the JDK's
 * {@link HttpExchange} so vendor simulators stay short.
 */
public final class SimExchange {
    private final HttpExchange exchange;
    private final byte[] body;
    private final Map<String, String> query;
    private boolean answered;
    /** Whether the body goes out slowly, so chunked whatever its length. */
    private boolean slow;
    private String prefix = "";

    SimExchange(HttpExchange exchange) throws IOException {
        this.exchange = exchange;
        this.body = exchange.getRequestBody().readAllBytes();
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    /** {@return the address the request came from, e.g. {@code 127.0.0.1}} */
    String remoteAddress() {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    /** {@return the HTTP method, e.g. {@code GET}} */
    public String method() {
        return exchange.getRequestMethod();
    }

    /** {@return the path, decoded, without the query} */
    public String path() {
        return exchange.getRequestURI().getPath().substring(prefix.length());
    }

    /**
     * A query parameter, decoded, or null.
     *
     * @param name the parameter name
     * @return its value, or null when absent
     */
    public String query(String name) {
        return query.get(name);
    }

    /** {@return every query parameter, decoded} */
    public Map<String, String> queryParams() {
        return Collections.unmodifiableMap(query);
    }

    /**
     * The first value of a request header (names compare case-insensitively), or null.
     *
     * @param name the header name, any case
     * @return its first value, or null when absent
     */
    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** {@return a copy of the request body} */
    public byte[] body() {
        return body.clone();
    }

    /** {@return the request body as UTF-8 text} */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Adds a response header; call before answering.
     *
     * @param name  the header name
     * @param value the header value
     * @return this exchange
     */
    public SimExchange responseHeader(String name, String value) {
        exchange.getResponseHeaders().add(name, value);
        return this;
    }

    /**
     * Answers with a whole body.
     *
     * @param status      the HTTP status
     * @param contentType the {@code Content-Type}, or null for none
     * @param text        the body, sent as UTF-8
     * @throws IOException if the client went away
     */
    public void respond(int status, String contentType, String text) throws IOException {
        respond(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers with a whole body.
     *
     * @param status      the HTTP status
     * @param contentType the {@code Content-Type}, or null for none
     * @param bytes       the body; empty for none
     * @throws IOException if the client went away
     */
    public void respond(int status, String contentType, byte[] bytes) throws IOException {
        answered = true;
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : slow ? 0 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Writes a body of unknown length as it is produced (chunked), so huge answers cost no memory. */
    @FunctionalInterface
    public interface BodyWriter {
        /**
         * Writes the whole body.
         *
         * @param out the response body, closed by the caller
         * @throws IOException if the client went away
         */
        void write(OutputStream out) throws IOException;
    }

    /**
     * Answers with a body of unknown length, written as it is produced (chunked).
     *
     * @param status      the HTTP status
     * @param contentType the {@code Content-Type}
     * @param writer      writes the body
     * @throws IOException if the client went away
     */
    public void respondStreaming(int status, String contentType, BodyWriter writer) throws IOException {
        answered = true;
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream out = new java.io.BufferedOutputStream(exchange.getResponseBody(), 16 * 1024)) {
            writer.write(out);
        }
    }

    /** The body of the answer is written {@code bytesPerChunk} bytes at a time, {@code pause} apart. */
    void slowBody(int bytesPerChunk, java.time.Duration pause) {
        slow = true;
        // a filter over the exchange's own stream, as the JDK's HttpExchange.setStreams asks
        exchange.setStreams(null, new SlowOutputStream(exchange.getResponseBody(), bytesPerChunk, pause));
    }

    /** Serves the request to a tenant: {@link #path()} loses the tenant's {@code /t/<n>} prefix. */
    void stripPrefix(String tenantPrefix) {
        this.prefix = tenantPrefix;
    }

    boolean answered() {
        return answered;
    }

    HttpExchange raw() {
        return exchange;
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }
}
