package org.sessionsdk.benchmarks.parse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionsdk.benchmarks.support.Conversions;
import org.sessionsdk.benchmarks.support.Vendor;
import org.sessionsdk.core.internal.xml.SecureXml;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.plesk.PleskEvent;
import org.sessionsdk.plesk.wire.Event;
import org.sessionsdk.saymon.SaymonSession;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/**
 * The naive baseline: the whole document bound at once (Jackson databind into a {@code List} of DTOs;
 * JAXB unmarshal of the whole Plesk packet, reading the same hardened StAX parser the SDK uses), then
 * mapped into the same records with the same conversions, then handed out.
 */
public final class Naive {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final JAXBContext PLESK = plesk();

    private Naive() {
    }

    private static JAXBContext plesk() {
        try {
            return JAXBContext.newInstance(PacketDoc.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static long parse(Vendor vendor, InputStream body, Consumer<Object> sink) throws IOException {
        List<?> records = switch (vendor) {
            case PLESK -> plesk(body);
            case EKRAN -> ekran(MAPPER.readValue(body, new TypeReference<List<EkranDto>>() { }));
            case SAYMON -> saymon(MAPPER.readValue(body, new TypeReference<List<SaymonDto>>() { }));
            case SENHASEGURA -> senhasegura(MAPPER.readValue(body, SenhaEnvelopeDto.class));
        };
        records.forEach(sink);
        return records.size();
    }

    public static List<EkranSession> ekran(List<EkranDto> dtos) {
        List<EkranSession> out = new ArrayList<>(dtos.size());
        for (EkranDto d : dtos) {
            out.add(new EkranSession(d.sessionId, d.userId, d.clientGuid, Conversions.ekranDate(d.loginDate),
                    Conversions.ekranDate(d.logoutDate)));
        }
        return out;
    }

    static List<SaymonSession> saymon(List<SaymonDto> dtos) {
        List<SaymonSession> out = new ArrayList<>(dtos.size());
        for (SaymonDto d : dtos) {
            if (d.id == null) {
                throw new IllegalStateException("record without id");
            }
            out.add(new SaymonSession(d.id, d.userId, d.login, Conversions.millis(d.startTime),
                    Conversions.millis(d.endTime), Conversions.millis(d.expiredAt)));
        }
        return out;
    }

    static List<SenhaseguraSession> senhasegura(SenhaEnvelopeDto env) throws IOException {
        if (env.response != null && (env.response.error || env.response.erro)) {
            throw new IOException("senhasegura reported an error");
        }
        List<SenhaseguraSession> out = new ArrayList<>(env.remoteSessions.size());
        for (SenhaDto d : env.remoteSessions) {
            if (d.id == null) {
                throw new IllegalStateException("remote session without id");
            }
            out.add(new SenhaseguraSession(d.id, d.user, d.originIp, d.credential, d.device, d.protocol, d.proxy,
                    d.sessionId, Conversions.senhaDate(d.start), Conversions.senhaDate(d.end),
                    Conversions.senhaDuration(d.time), Conversions.yes(d.preventPurge), d.request,
                    d.itsmUpper != null ? d.itsmUpper : d.itsm));
        }
        return out;
    }

    static List<PleskEvent> plesk(InputStream body) throws IOException {
        try {
            XMLStreamReader r = SecureXml.inputFactory().createXMLStreamReader(body, "UTF-8");
            PacketDoc doc;
            try {
                doc = (PacketDoc) PLESK.createUnmarshaller().unmarshal(r);
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

    // ---- DTOs for databind ----

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class EkranDto {
        public int sessionId;
        public int userId;
        public String clientGuid;
        public String loginDate;
        public String logoutDate;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class SaymonDto {
        public String id;
        public String userId;
        public String login;
        public Long startTime;
        public Long endTime;
        public Long expiredAt;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class SenhaEnvelopeDto {
        public Integer code;
        public SenhaResponseDto response;
        @JsonProperty("remote_sessions")
        public List<SenhaDto> remoteSessions = List.of();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class SenhaResponseDto {
        public Integer status;
        public boolean error;
        public boolean erro;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class SenhaDto {
        public String id;
        public String user;
        @JsonProperty("origin_ip")
        public String originIp;
        public String credential;
        public String device;
        public String protocol;
        public String proxy;
        @JsonProperty("session_id")
        public String sessionId;
        public String start;
        public String end;
        public String time;
        @JsonProperty("prevent_purge")
        public String preventPurge;
        public String request;
        @JsonProperty("ITSM")
        public String itsmUpper;
        @JsonProperty("itsm")
        public String itsm;
    }

    // ---- JAXB classes for the whole Plesk answer (the SDK's wire classes model only the parts) ----

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
