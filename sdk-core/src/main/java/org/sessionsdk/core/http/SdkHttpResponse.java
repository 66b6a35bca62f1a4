package org.sessionsdk.core.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A response as an {@link HttpTransport} returns it: status, headers, and the body as a stream that
 * must be closed. Closing the response closes the body and releases the connection.
 */
public final class SdkHttpResponse implements Closeable {
    private final int statusCode;
    private final Map<String, List<String>> headers;
    private final InputStream body;

    /**
     * A response from a transport.
     *
     * @param statusCode the HTTP status
     * @param headers    the response headers; null names (the JDK's status line) are dropped
     * @param body       the body stream, or null for an empty body
     */
    public SdkHttpResponse(int statusCode, Map<String, List<String>> headers, InputStream body) {
        this.statusCode = statusCode;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                copy.put(k, List.copyOf(v));
            }
        });
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body == null ? InputStream.nullInputStream() : body;
    }

    /** {@return the HTTP status} */
    public int statusCode() {
        return statusCode;
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

    /**
     * The body; read it once, then close the response.
     *
     * @return the body stream
     */
    public InputStream body() {
        return body;
    }

    /**
     * Completes once at least {@code bytes} of the body are held in memory or the body ended (see
     * {@link BufferingBody}), so that reading that much then never waits; at once for a body that
     * cannot gather (it is then read as it comes). Never fails: a failure of the body is met by its reader.
     *
     * @param bytes how many bytes to hold; {@link Long#MAX_VALUE} for the whole body
     * @return this response, once the bytes are there
     */
    public CompletableFuture<SdkHttpResponse> bufferAsync(long bytes) {
        if (body instanceof BufferingBody b) {
            return b.buffer(bytes).toCompletableFuture().thenApply(done -> this);
        }
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing is best effort: the connection is dropped either way
        }
    }

    @Override
    public String toString() {
        return "SdkHttpResponse[" + statusCode + "]";
    }
}
