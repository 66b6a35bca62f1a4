package org.sessionsdk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.internal.JsonSupport;

/**
 * A feed's reported loss as one JSON line among {@code jsonl}, {@code ocsf} or {@code ecs} output:
 * {@code {"sessionsdk_gap": {...}}}, a key no OCSF or ECS document has, so a consumer tells it apart
 * by its one top-level field.
 */
final class GapJson {
    private GapJson() {
    }

    static String line(FeedGap gap, String vendor, String endpoint) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JsonSupport.factory().createGenerator(sw)) {
            g.writeStartObject();
            g.writeObjectFieldStart("sessionsdk_gap");
            g.writeStringField("kind", gap.kind().name());
            g.writeStringField("vendor", vendor);
            g.writeStringField("endpoint", endpoint);
            field(g, "scope", gap.scope());
            field(g, "from", gap.from() == null ? null : gap.from().toString());
            field(g, "to", gap.to() == null ? null : gap.to().toString());
            field(g, "last_id", gap.lastId());
            g.writeStringField("detail", gap.detail());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
