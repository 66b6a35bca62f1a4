package org.sessionsdk.core.internal.pipeline;

import java.io.IOException;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.internal.TransportErrors;

/** The end of the pipeline: hands the request to the transport and names what failed on the wire. */
final class SendPolicy implements HttpPipelinePolicy {
    private final HttpTransport transport;

    SendPolicy(HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public SdkHttpResponse process(PipelineCall call, Next next) {
        try {
            return transport.send(call.finalRequest(), call.attemptTimeout());
        } catch (IOException e) {
            throw TransportErrors.whileSending(call.toString(), call.uri(), e);
        } catch (InterruptedException e) {
            throw TransportErrors.interrupted(call.toString(), e);
        }
    }
}
