package org.sessionsdk.core.internal.pipeline;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.TransportErrors;
import org.sessionsdk.core.internal.concurrent.Futures;

/**
 * The end of the pipeline: hands the request to the transport and names what failed on the wire. A
 * blocking call uses the transport's {@code send} on the caller's thread; an asynchronous one its
 * {@code sendAsync}, and gathers the body before handing the answer up (a 2xx body whole, the
 * asynchronous calls read it all anyway; an error body up to what the error mapping reads), so that
 * no policy above and no parser after ever waits for bytes.
 */
final class SendPolicy implements HttpPipelinePolicy {
    private final HttpTransport transport;

    SendPolicy(HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public CompletableFuture<SdkHttpResponse> process(PipelineCall call, Next next) {
        if (!call.isAsync()) {
            try {
                return CompletableFuture.completedFuture(transport.send(call.finalRequest(), call.attemptTimeout()));
            } catch (IOException e) {
                return Futures.failed(TransportErrors.whileSending(call.toString(), call.uri(), e));
            } catch (InterruptedException e) {
                return Futures.failed(TransportErrors.interrupted(call.toString(), e));
            }
        }
        CompletableFuture<SdkHttpResponse> sent = transport.sendAsync(call.finalRequest(), call.attemptTimeout());
        call.inFlight(sent);
        return sent.exceptionallyCompose(failure -> Futures.failed(onWire(call, Futures.unwrap(failure))))
                .thenCompose(r -> r.bufferAsync(r.statusCode() >= 200 && r.statusCode() < 300
                        ? Long.MAX_VALUE : ApiCaller.ERROR_BODY_LIMIT));
    }

    private static RuntimeException onWire(PipelineCall call, Throwable t) {
        if (t instanceof IOException e) {
            return TransportErrors.whileSending(call.toString(), call.uri(), e);
        }
        if (t instanceof InterruptedException || t instanceof java.util.concurrent.CancellationException) {
            return TransportErrors.cancelled(call.toString(), t);
        }
        if (t instanceof RuntimeException r) {
            return r;
        }
        return new org.sessionsdk.core.error.SdkException(call + ": " + t, t);
    }
}
