package org.sessionsdk.kafka.internal;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.ChangeType;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.export.SiemFormat;

/** Keys, timestamps and values of the records; the schemas of the {@code record} format. */
public final class Records {
    private static final Schema OPTIONAL_TIME = Timestamp.builder().optional().build();
    private static final Schema ATTRIBUTES = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA)
            .optional().build();

    /** The value schema of a session change. */
    public static final Schema SESSION_SCHEMA = SchemaBuilder.struct().name("org.sessionsdk.kafka.SessionChange")
            .version(1).doc("A session seen to start or to end")
            .field("change", Schema.STRING_SCHEMA)
            .field("vendor", Schema.STRING_SCHEMA)
            .field("endpoint", Schema.STRING_SCHEMA)
            .field("id", Schema.STRING_SCHEMA)
            .field("user", Schema.OPTIONAL_STRING_SCHEMA)
            .field("source_address", Schema.OPTIONAL_STRING_SCHEMA)
            .field("target", Schema.OPTIONAL_STRING_SCHEMA)
            .field("protocol", Schema.OPTIONAL_STRING_SCHEMA)
            .field("start", OPTIONAL_TIME)
            .field("end", OPTIONAL_TIME)
            .field("last_activity", OPTIONAL_TIME)
            .field("observed_at", Timestamp.SCHEMA)
            .field("attributes", ATTRIBUTES)
            .build();

    /** The value schema of an audit event. */
    public static final Schema AUDIT_SCHEMA = SchemaBuilder.struct().name("org.sessionsdk.kafka.AuditEvent")
            .version(1).doc("An audit entry")
            .field("vendor", Schema.STRING_SCHEMA)
            .field("endpoint", Schema.STRING_SCHEMA)
            .field("id", Schema.STRING_SCHEMA)
            .field("time", OPTIONAL_TIME)
            .field("actor", Schema.OPTIONAL_STRING_SCHEMA)
            .field("source_address", Schema.OPTIONAL_STRING_SCHEMA)
            .field("action", Schema.OPTIONAL_STRING_SCHEMA)
            .field("object_type", Schema.OPTIONAL_STRING_SCHEMA)
            .field("object_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("message", Schema.OPTIONAL_STRING_SCHEMA)
            .field("attributes", ATTRIBUTES)
            .build();

    /** The value schema of a heartbeat in the {@code record} format. */
    public static final Schema HEARTBEAT_SCHEMA = SchemaBuilder.struct().name("org.sessionsdk.kafka.Heartbeat")
            .version(1).doc("An endpoint's stream polled without records; the record's source offset is where it stands")
            .field("vendor", Schema.STRING_SCHEMA)
            .field("endpoint", Schema.STRING_SCHEMA)
            .field("url", Schema.STRING_SCHEMA)
            .field("stream", Schema.STRING_SCHEMA)
            .field("time", Timestamp.SCHEMA)
            .build();

    private Records() {
    }

    /**
     * The record key: vendor, endpoint and id, separated by {@code |} (which a URI never holds).
     *
     * @param vendor   the vendor
     * @param endpoint the endpoint as configured
     * @param id       the session's or event's id
     * @return the key
     */
    public static String key(String vendor, String endpoint, String id) {
        return vendor + "|" + endpoint + "|" + id;
    }

    /**
     * The key of a heartbeat: vendor, endpoint name and stream, separated by {@code |}; one key per source
     * partition, so a compacted heartbeat topic keeps the newest of each.
     *
     * @param vendor the vendor
     * @param name   the endpoint's name
     * @param stream the stream
     * @return the key
     */
    public static String heartbeatKey(String vendor, String name, String stream) {
        return vendor + "|" + name + "|" + stream;
    }

    /**
     * The value schema of a heartbeat: the {@code record} format's struct, else a string, so heartbeats
     * go through the converter the connector's records need.
     *
     * @param format ocsf, ecs or record
     * @return the schema
     */
    public static Schema heartbeatSchema(String format) {
        return "record".equals(format) ? HEARTBEAT_SCHEMA : Schema.STRING_SCHEMA;
    }

    /**
     * The value of a heartbeat: a {@link Struct} in the {@code record} format, else a small JSON document
     * as a string ({@code {"type":"heartbeat","vendor":...,"endpoint":...,"url":...,"stream":...,"time":...}}).
     *
     * @param format the format
     * @param vendor the vendor
     * @param name   the endpoint's name
     * @param url    the endpoint's URL
     * @param stream the stream
     * @param time   when it was made
     * @return the value
     */
    public static Object heartbeatValue(String format, String vendor, String name, String url, String stream,
                                        Instant time) {
        if ("record".equals(format)) {
            return new Struct(HEARTBEAT_SCHEMA).put("vendor", vendor).put("endpoint", name).put("url", url)
                    .put("stream", stream).put("time", Date.from(time));
        }
        return "{\"type\":\"heartbeat\",\"vendor\":" + json(vendor) + ",\"endpoint\":" + json(name) + ",\"url\":"
                + json(url) + ",\"stream\":" + json(stream) + ",\"time\":" + json(time.toString()) + "}";
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /**
     * The event time of a session change: its start, or its end, or when it was seen.
     *
     * @param c the change
     * @return epoch milliseconds
     */
    public static long timestamp(SessionChange c) {
        SessionRecord s = c.session();
        Instant t = c.type() == ChangeType.ENDED ? s.end() : s.start();
        return (t != null ? t : c.observedAt()).toEpochMilli();
    }

    /**
     * The event time of an audit entry, or now when it has none.
     *
     * @param e the entry
     * @return epoch milliseconds
     */
    public static long timestamp(AuditEvent e) {
        return (e.time() != null ? e.time() : Instant.now()).toEpochMilli();
    }

    /**
     * The value schema of a stream in a format.
     *
     * @param format ocsf, ecs or record
     * @param stream sessions or audit
     * @return the schema
     */
    public static Schema schema(String format, String stream) {
        if (!"record".equals(format)) {
            return Schema.STRING_SCHEMA;
        }
        return "sessions".equals(stream) ? SESSION_SCHEMA : AUDIT_SCHEMA;
    }

    /**
     * The value of a session change.
     *
     * @param format   ocsf, ecs or record
     * @param endpoint the endpoint
     * @param c        the change
     * @return a JSON string or a {@link Struct}
     */
    public static Object value(String format, String endpoint, SessionChange c) {
        return switch (format) {
            case "ocsf" -> SiemFormat.OCSF.document(c);
            case "ecs" -> SiemFormat.ECS.document(c);
            default -> {
                SessionRecord s = c.session();
                yield new Struct(SESSION_SCHEMA)
                        .put("change", c.type().name())
                        .put("vendor", s.vendor())
                        .put("endpoint", endpoint)
                        .put("id", s.id())
                        .put("user", s.user())
                        .put("source_address", s.sourceAddress())
                        .put("target", s.target())
                        .put("protocol", s.protocol())
                        .put("start", date(s.start()))
                        .put("end", date(s.end()))
                        .put("last_activity", date(s.lastActivity()))
                        .put("observed_at", date(c.observedAt()))
                        .put("attributes", s.attributes());
            }
        };
    }

    /**
     * The value of an audit entry.
     *
     * @param format   ocsf, ecs or record
     * @param endpoint the endpoint
     * @param e        the entry
     * @return a JSON string or a {@link Struct}
     */
    public static Object value(String format, String endpoint, AuditEvent e) {
        return switch (format) {
            case "ocsf" -> SiemFormat.OCSF.document(e);
            case "ecs" -> SiemFormat.ECS.document(e);
            default -> new Struct(AUDIT_SCHEMA)
                    .put("vendor", e.vendor())
                    .put("endpoint", endpoint)
                    .put("id", e.id())
                    .put("time", date(e.time()))
                    .put("actor", e.actor())
                    .put("source_address", e.sourceAddress())
                    .put("action", e.action())
                    .put("object_type", e.objectType())
                    .put("object_id", e.objectId())
                    .put("message", e.message())
                    .put("attributes", e.attributes());
        };
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }
}
