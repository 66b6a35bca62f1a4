package org.sessionsdk.core.internal;

import java.io.Closeable;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.http.SdkHttpResponse;

/**
 * A 2xx answer as the pipeline hands it to a vendor: the response, and what is known about the call
 * that got it (method, path, attempts, request id), so an error the vendor finds inside the body is
 * reported like an HTTP error. Closing it closes the body.
 *
 * <p>SDK-internal.
 */
public final class CallResponse implements Closeable {
    private final SdkHttpResponse response;
    private final ErrorDetails details;
    private final CallObservation observation;
    private final InputStream body;

    CallResponse(SdkHttpResponse response, InputStream body, ErrorDetails details, CallObservation observation) {
        this.response = response;
        this.details = details;
        this.observation = observation;
        this.body = observation == null ? body : observation.counting(body);
    }

    /** {@return the HTTP status} */
    public int statusCode() {
        return response.statusCode();
    }

    /**
     * @param name a header name, any case
     * @return its first value, or null
     */
    public String header(String name) {
        return response.header(name);
    }

    /** {@return all headers} */
    public Map<String, List<String>> headers() {
        return response.headers();
    }

    /** {@return the body; read it once, then close this} */
    public InputStream body() {
        return body;
    }

    /** {@return whether call listeners hear this call} */
    boolean observed() {
        return observation != null;
    }

    /** A record was parsed from the body and handed on. */
    void recordParsed() {
        if (observation != null) {
            observation.recordParsed();
        }
    }

    /**
     * The call failed while its body was read (malformed, cut off, an error inside a 200); reported to
     * listeners before the close, which then counts as that failure's end.
     */
    void failed(Throwable failure) {
        if (observation != null) {
            observation.failed(failure);
        }
    }

    /**
     * {@return status, method, path, request id and attempts of the call, with no vendor error yet: the
     * base for an error reported inside this answer}
     */
    public ErrorDetails details() {
        return details;
    }

    @Override
    public void close() {
        try {
            if (body != response.body()) {
                closeQuietly(body); // ends a deadline's timer; the response's own close follows
            }
            response.close();
        } finally {
            if (observation != null) {
                observation.succeeded();
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (java.io.IOException ignored) {
            // best effort, as the response's own close
        }
    }
}
