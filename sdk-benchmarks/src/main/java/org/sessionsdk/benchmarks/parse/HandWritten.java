package org.sessionsdk.benchmarks.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionsdk.benchmarks.support.Conversions;
import org.sessionsdk.benchmarks.support.Vendor;
import org.sessionsdk.core.internal.xml.SecureXml;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.plesk.PleskEvent;
import org.sessionsdk.saymon.SaymonSession;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/**
 * The hand-written baseline: one loop over the raw parser (Jackson {@link JsonParser}, StAX
 * {@link XMLStreamReader}) per vendor that picks the same fields into the same records the SDK
 * returns, with the same conversions and minimal checks (the envelope's status, Plesk's result status).
 * No error positions, no raw-field retention, no generic object layer: the fastest reasonable code, with
 * the decoding choices a careful user makes and the SDK makes too (dates through the same formatter-free
 * reader, UTF-8 decoded before StAX), so that a ratio compares the parsing strategy.
 */
public final class HandWritten {
    private static final JsonFactory JSON = new JsonFactory();

    private HandWritten() {
    }

    /** Parses {@code body}, hands each record to {@code sink}, returns the count. */
    public static long parse(Vendor vendor, InputStream body, Consumer<Object> sink) throws IOException {
        try {
            return switch (vendor) {
                case PLESK -> plesk(body, sink);
                case EKRAN -> ekran(body, sink);
                case SAYMON -> saymon(body, sink);
                case SENHASEGURA -> senhasegura(body, sink);
            };
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    static long ekran(InputStream in, Consumer<Object> sink) throws IOException {
        long n = 0;
        try (JsonParser p = JSON.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
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
                        case "clientGuid" -> guid = text(p, v);
                        case "loginDate" -> login = text(p, v);
                        case "logoutDate" -> logout = text(p, v);
                        default -> p.skipChildren();
                    }
                }
                sink.accept(new EkranSession(sessionId, userId, guid, Conversions.ekranDate(login),
                        Conversions.ekranDate(logout)));
                n++;
            }
            expect(p.currentToken(), JsonToken.END_ARRAY);
        }
        return n;
    }

    static long saymon(InputStream in, Consumer<Object> sink) throws IOException {
        long n = 0;
        try (JsonParser p = JSON.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
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
                        case "id" -> id = text(p, v);
                        case "userId" -> userId = text(p, v);
                        case "login" -> login = text(p, v);
                        case "startTime" -> start = number(p, v);
                        case "endTime" -> end = number(p, v);
                        case "expiredAt" -> expired = number(p, v);
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
            expect(p.currentToken(), JsonToken.END_ARRAY);
        }
        return n;
    }

    static long senhasegura(InputStream in, Consumer<Object> sink) throws IOException {
        long n = 0;
        try (JsonParser p = JSON.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
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
                case "id" -> id = text(p, v);
                case "user" -> user = text(p, v);
                case "origin_ip" -> originIp = text(p, v);
                case "credential" -> credential = text(p, v);
                case "device" -> device = text(p, v);
                case "protocol" -> protocol = text(p, v);
                case "proxy" -> proxy = text(p, v);
                case "session_id" -> sessionId = text(p, v);
                case "start" -> start = text(p, v);
                case "end" -> end = text(p, v);
                case "time" -> time = text(p, v);
                case "prevent_purge" -> purge = text(p, v);
                case "request" -> request = text(p, v);
                case "ITSM", "itsm" -> itsm = text(p, v);
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new IOException("remote session without id");
        }
        return new SenhaseguraSession(id, user, originIp, credential, device, protocol, proxy, sessionId,
                Conversions.senhaDate(start), Conversions.senhaDate(end), Conversions.senhaDuration(time),
                Conversions.yes(purge), request, itsm);
    }

    static long plesk(InputStream in, Consumer<Object> sink) throws XMLStreamException {
        XMLInputFactory f = SecureXml.inputFactory();
        // the SDK's decoding choice: UTF-8 decoded before StAX (the JDK parser's own byte reader is slower)
        XMLStreamReader r = f.createXMLStreamReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        long n = 0;
        boolean inResult = false;
        String status = null;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("result")) {
                        inResult = true;
                    } else if (inResult && name.equals("status")) {
                        status = r.getElementText().trim();
                    } else if (inResult && name.equals("event")) {
                        sink.accept(event(r));
                        n++;
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("result")) {
                    inResult = false;
                    if (!"ok".equals(status)) {
                        throw new XMLStreamException("Plesk result status " + status);
                    }
                }
            }
        } finally {
            r.close();
        }
        return n;
    }

    private static PleskEvent event(XMLStreamReader r) throws XMLStreamException {
        long id = 0;
        String type = null;
        long time = 0;
        String clazz = null;
        String objId = null;
        String user = null;
        String host = null;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            String text = r.getElementText();
            switch (name) {
                case "id" -> id = Long.parseLong(text.trim());
                case "type" -> type = text;
                case "time" -> time = Long.parseLong(text.trim());
                case "class" -> clazz = text;
                case "obj_id" -> objId = text;
                case "user" -> user = text;
                case "host" -> host = text;
                default -> { }
            }
        }
        return new PleskEvent(id, type, Instant.ofEpochSecond(time), clazz, objId, user, host);
    }

    private static String text(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static Long number(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (v == JsonToken.VALUE_STRING) {
            return Long.parseLong(p.getText().trim());
        }
        if (v != JsonToken.VALUE_NULL) {
            p.skipChildren();
        }
        return null;
    }

    private static void expect(JsonToken got, JsonToken want) throws IOException {
        if (got != want) {
            throw new IOException("expected " + want + ", found " + got);
        }
    }
}
