package org.sessionsdk.benchmarks.vendor;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionsdk.core.internal.xml.SecureXml;
import org.sessionsdk.plesk.PleskEvent;
import org.sessionsdk.plesk.wire.Event;

/**
 * The naive baseline for Plesk's event log: JAXB unmarshal of the whole packet (own classes around the
 * SDK's generated {@link Event}, read from the same hardened StAX parser the SDK uses), then mapped.
 */
final class PleskNaive {
    private static final JAXBContext PACKET = context();

    private PleskNaive() {
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(PacketDoc.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static List<PleskEvent> parse(InputStream body) throws IOException {
        try {
            XMLStreamReader r = SecureXml.inputFactory().createXMLStreamReader(body, "UTF-8");
            PacketDoc doc;
            try {
                doc = (PacketDoc) PACKET.createUnmarshaller().unmarshal(r);
            } finally {
                r.close();
            }
            List<PleskEvent> out = new ArrayList<>();
            for (ResultDoc res : doc.eventLog.getEvents.result) {
                if (!"ok".equals(res.status == null ? null : res.status.trim())) {
                    throw new IOException("Plesk result status " + res.status);
                }
                for (Event e : res.event) {
                    out.add(new PleskEvent(e.getId(), e.getType(), Instant.ofEpochSecond(e.getTime()), e.getClazz(),
                            e.getObjId(), e.getUser(), e.getHost()));
                }
            }
            return out;
        } catch (JAXBException | XMLStreamException e) {
            throw new IOException(e);
        }
    }

    // ---- JAXB classes for the whole answer (the SDK's wire classes model only the parts) ----

    @XmlRootElement(name = "packet")
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class PacketDoc {
        @XmlElement(name = "event_log")
        EventLogDoc eventLog;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class EventLogDoc {
        @XmlElement(name = "get_events")
        GetEventsDoc getEvents;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class GetEventsDoc {
        @XmlElement(name = "result")
        List<ResultDoc> result = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    public static class ResultDoc {
        String status;
        Long errcode;
        String errtext;
        @XmlElement(name = "event")
        List<Event> event = new ArrayList<>();
    }
}
