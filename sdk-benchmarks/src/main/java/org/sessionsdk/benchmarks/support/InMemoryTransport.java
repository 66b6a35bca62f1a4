package org.sessionsdk.benchmarks.support;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sessionsdk.benchmarks.vendor.WireFormat;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.http.SdkHttpResponse;

/**
 * An {@link HttpTransport} (the SDK's own plug-in point) that answers from bytes held in memory, so
 * the public {@code stream()} of a client runs its whole code path (request building, status check,
 * the vendor's parser and mapper) without a socket. Answers an OAuth 2 token request (senhasegura's),
 * and an empty page to a request with {@code skip > 0} where the list pages by skip and limit (SAYMON's).
 */
public final class InMemoryTransport implements HttpTransport {
    private static final byte[] TOKEN =
            "{\"access_token\":\"bench-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}".getBytes();

    private final WireFormat wire;
    private final byte[] emptyPage;
    private final Supplier<byte[]> body;

    public InMemoryTransport(WireFormat wire, Supplier<byte[]> body) {
        this.wire = wire;
        this.emptyPage = wire.body(0);
        this.body = body;
    }

    @Override
    public SdkHttpResponse send(SdkHttpRequest request, java.time.Duration timeout) {
        String path = request.uri().getRawPath();
        byte[] bytes;
        String type = wire.contentType();
        if (path.endsWith("/oauth2/token")) {
            bytes = TOKEN;
            type = "application/json";
        } else if (wire.pagedBySkipAndLimit() && skip(request.uri().getRawQuery()) > 0) {
            bytes = emptyPage;
        } else {
            bytes = body.get();
        }
        return new SdkHttpResponse(200, Map.of("Content-Type", List.of(type)), new ByteArrayInputStream(bytes));
    }

    static long skip(String query) {
        if (query == null) {
            return 0;
        }
        for (String kv : query.split("&")) {
            if (kv.startsWith("skip=")) {
                return Long.parseLong(kv.substring(5));
            }
        }
        return 0;
    }

    @Override
    public void close() {
        // nothing held
    }
}
