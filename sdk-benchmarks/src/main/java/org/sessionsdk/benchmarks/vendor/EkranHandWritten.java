package org.sessionsdk.benchmarks.vendor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.sessionsdk.benchmarks.support.Conversions;
import org.sessionsdk.ekran.EkranSession;

/** The hand-written baseline for Ekran's session list: one loop on Jackson's {@link JsonParser}. */
final class EkranHandWritten {
    private EkranHandWritten() {
    }

    static long parse(InputStream in, Consumer<Object> sink) throws IOException {
        long n = 0;
        try (JsonParser p = JsonTokens.JSON.createParser(in)) {
            JsonTokens.expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int sessionId = 0;
                int userId = 0;
                String guid = null;
                String login = null;
                String logout = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (f) {
                        case "sessionId" -> sessionId = p.getIntValue();
                        case "userId" -> userId = p.getIntValue();
                        case "clientGuid" -> guid = JsonTokens.text(p, v);
                        case "loginDate" -> login = JsonTokens.text(p, v);
                        case "logoutDate" -> logout = JsonTokens.text(p, v);
                        default -> p.skipChildren();
                    }
                }
                sink.accept(new EkranSession(sessionId, userId, guid, Conversions.offsetDateTime(login),
                        Conversions.offsetDateTime(logout)));
                n++;
            }
            JsonTokens.expect(p.currentToken(), JsonToken.END_ARRAY);
        }
        return n;
    }
}
