package org.sessionsdk.benchmarks.vendor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.sessionsdk.benchmarks.support.Conversions;
import org.sessionsdk.saymon.SaymonSession;

/** The hand-written baseline for SAYMON's session log: one loop on Jackson's {@link JsonParser}. */
final class SaymonHandWritten {
    private SaymonHandWritten() {
    }

    static long parse(InputStream in, Consumer<Object> sink) throws IOException {
        long n = 0;
        try (JsonParser p = JsonTokens.JSON.createParser(in)) {
            JsonTokens.expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String id = null;
                String userId = null;
                String login = null;
                Long start = null;
                Long end = null;
                Long expired = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (f) {
                        case "id" -> id = JsonTokens.text(p, v);
                        case "userId" -> userId = JsonTokens.text(p, v);
                        case "login" -> login = JsonTokens.text(p, v);
                        case "startTime" -> start = JsonTokens.number(p, v);
                        case "endTime" -> end = JsonTokens.number(p, v);
                        case "expiredAt" -> expired = JsonTokens.number(p, v);
                        default -> p.skipChildren();
                    }
                }
                if (id == null) {
                    throw new IOException("record without id");
                }
                sink.accept(new SaymonSession(id, userId, login, Conversions.millis(start), Conversions.millis(end),
                        Conversions.millis(expired)));
                n++;
            }
            JsonTokens.expect(p.currentToken(), JsonToken.END_ARRAY);
        }
        return n;
    }
}
