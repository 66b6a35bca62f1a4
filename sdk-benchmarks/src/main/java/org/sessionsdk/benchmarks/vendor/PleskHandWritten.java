package org.sessionsdk.benchmarks.vendor;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionsdk.core.internal.xml.SecureXml;
import org.sessionsdk.plesk.PleskEvent;

/**
 * The hand-written baseline for Plesk's event log: one loop on the hardened StAX reader, UTF-8 decoded
 * before StAX as the SDK does (the JDK parser's own byte reader is slower), checking the result status.
 */
final class PleskHandWritten {
    private PleskHandWritten() {
    }

    static long parse(InputStream in, Consumer<Object> sink) throws XMLStreamException {
        XMLInputFactory f = SecureXml.inputFactory();
        XMLStreamReader r = f.createXMLStreamReader(new InputStreamReader(in, StandardCharsets.UTF_8));
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
}
