package org.sessionsdk.benchmarks.vendor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.sessionsdk.senhasegura.SenhaseguraSession;
import org.sessionsdk.senhasegura.internal.RemoteSessionMapper;

/**
 * The hand-written baseline for senhasegura's remote sessions: one loop on Jackson's {@link JsonParser}
 * through the envelope (its error flags checked), with the module's own value conversions, so that the
 * baseline pays exactly what the SDK pays for them.
 */
final class SenhaseguraHandWritten {
    private SenhaseguraHandWritten() {
    }

    static long parse(InputStream in, Consumer<Object> sink) throws IOException {
        long n = 0;
        try (JsonParser p = JsonTokens.JSON.createParser(in)) {
            JsonTokens.expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String top = p.currentName();
                JsonToken tv = p.nextToken();
                if (top.equals("response") && tv == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if ((f.equals("error") || f.equals("erro")) && p.currentToken() == JsonToken.VALUE_TRUE) {
                            throw new IOException("senhasegura reported an error");
                        }
                        p.skipChildren();
                    }
                } else if (top.equals("remote_sessions") && tv == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        sink.accept(remoteSession(p));
                        n++;
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return n;
    }

    private static SenhaseguraSession remoteSession(JsonParser p) throws IOException {
        String id = null;
        String user = null;
        String originIp = null;
        String credential = null;
        String device = null;
        String protocol = null;
        String proxy = null;
        String sessionId = null;
        String start = null;
        String end = null;
        String time = null;
        String purge = null;
        String request = null;
        String itsm = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "id" -> id = JsonTokens.text(p, v);
                case "user" -> user = JsonTokens.text(p, v);
                case "origin_ip" -> originIp = JsonTokens.text(p, v);
                case "credential" -> credential = JsonTokens.text(p, v);
                case "device" -> device = JsonTokens.text(p, v);
                case "protocol" -> protocol = JsonTokens.text(p, v);
                case "proxy" -> proxy = JsonTokens.text(p, v);
                case "session_id" -> sessionId = JsonTokens.text(p, v);
                case "start" -> start = JsonTokens.text(p, v);
                case "end" -> end = JsonTokens.text(p, v);
                case "time" -> time = JsonTokens.text(p, v);
                case "prevent_purge" -> purge = JsonTokens.text(p, v);
                case "request" -> request = JsonTokens.text(p, v);
                case "ITSM", "itsm" -> itsm = JsonTokens.text(p, v);
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new IOException("remote session without id");
        }
        return new SenhaseguraSession(id, user, originIp, credential, device, protocol, proxy, sessionId,
                RemoteSessionMapper.parseDateTime(start), RemoteSessionMapper.parseDateTime(end),
                RemoteSessionMapper.parseDuration(time), RemoteSessionMapper.yes(purge), request, itsm);
    }
}
