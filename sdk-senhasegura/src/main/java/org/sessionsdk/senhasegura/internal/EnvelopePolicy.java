package org.sessionsdk.senhasegura.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.JsonSupport;
import org.sessionsdk.core.internal.PeekedBody;
import org.sessionsdk.core.internal.pipeline.HttpPipelinePolicy;
import org.sessionsdk.core.internal.pipeline.PipelineCall;

/**
 * senhasegura reports failures inside a 200: {@code {"code":..., "response":{"status":401,
 * "error":true, "message":"Client authentication failed"}, ...}}. This policy reads the envelope
 * before the first array (and the envelope nested at the start of that array, as the published sample
 * has it), and throws the error there, in the pipeline, so that the auth policy can refresh a stale
 * token and the error carries the real attempt count and request id. The body is handed on whole.
 * What lies past {@link #PEEK_LIMIT} or after the records is still checked by the stream itself.
 */
public final class EnvelopePolicy implements HttpPipelinePolicy {
    /** The most of a body read before its records start. */
    static final int PEEK_LIMIT = 64 * 1024;

    private final SenhaseguraErrors errors;

    /** @param errors senhasegura's error table */
    public EnvelopePolicy(SenhaseguraErrors errors) {
        this.errors = errors;
    }

    @Override
    public CompletableFuture<SdkHttpResponse> process(PipelineCall call, Next next) {
        return next.proceed().thenApply(r -> checked(call, r));
    }

    /** The response, its body whole again; or the envelope's error, thrown (an asynchronous call's body is in memory already). */
    private SdkHttpResponse checked(PipelineCall call, SdkHttpResponse r) {
        PeekedBody peek = new PeekedBody(r.body(), PEEK_LIMIT);
        Envelope envelope = firstEnvelope(peek);
        if (envelope.failed()) {
            r.close();
            String requestId = r.header("X-Request-Id") != null ? r.header("X-Request-Id") : r.header("Request-Id");
            throw errors.inBody(envelope, new ErrorDetails(r.statusCode(), null, null, call.call().method(),
                    call.path(), requestId, call.attempt(), null));
        }
        return new SdkHttpResponse(r.statusCode(), r.headers(), peek.replay());
    }

    /** The first failing envelope before the records, or the outer one; empty when there is none. */
    private static Envelope firstEnvelope(PeekedBody peek) {
        Map<String, String> top = new HashMap<>();
        Map<String, String> response = new HashMap<>();
        try (JsonParser p = JsonSupport.factory().createParser(peek.stream())) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Envelope.of(top, response);
            }
            if (!readUntilArray(p, top, response)) {
                return Envelope.of(top, response);
            }
            Envelope outer = Envelope.of(top, response);
            if (outer.failed() || p.nextToken() != JsonToken.START_OBJECT) {
                return outer;
            }
            Map<String, String> innerTop = new HashMap<>();
            Map<String, String> innerResponse = new HashMap<>();
            readUntilArray(p, innerTop, innerResponse);
            // only an object with its own "response" is a nested envelope; anything else is a record
            return innerResponse.isEmpty() ? outer : Envelope.of(innerTop, innerResponse);
        } catch (IOException | RuntimeException unreadable) {
            // not JSON, cut off, or past the peek limit: the stream reports what it finds
            return Envelope.of(top, response);
        }
    }

    /** Reads scalar fields and the {@code response} object; true when stopped at the start of an array. */
    private static boolean readUntilArray(JsonParser p, Map<String, String> into, Map<String, String> response)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY) {
                return true;
            }
            if (v == JsonToken.START_OBJECT && name.equals("response")) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken fv = p.nextToken();
                    if (fv != null && fv.isScalarValue() && fv != JsonToken.VALUE_NULL) {
                        response.put(field, p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (v != null && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                into.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return false;
    }
}
