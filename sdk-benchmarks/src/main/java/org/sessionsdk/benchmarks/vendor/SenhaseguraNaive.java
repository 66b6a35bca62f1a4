package org.sessionsdk.benchmarks.vendor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.sessionsdk.senhasegura.SenhaseguraSession;
import org.sessionsdk.senhasegura.internal.RemoteSessionMapper;

/**
 * The naive baseline for senhasegura's remote sessions: Jackson databind of the whole envelope into
 * DTOs, then mapped with the module's own value conversions.
 */
final class SenhaseguraNaive {
    private SenhaseguraNaive() {
    }

    static List<SenhaseguraSession> parse(InputStream body) throws IOException {
        EnvelopeDto env = JsonTokens.MAPPER.readValue(body, EnvelopeDto.class);
        if (env.response != null && (env.response.error || env.response.erro)) {
            throw new IOException("senhasegura reported an error");
        }
        List<SenhaseguraSession> out = new ArrayList<>(env.remoteSessions.size());
        for (SessionDto d : env.remoteSessions) {
            if (d.id == null) {
                throw new IllegalStateException("remote session without id");
            }
            out.add(new SenhaseguraSession(d.id, d.user, d.originIp, d.credential, d.device, d.protocol, d.proxy,
                    d.sessionId, RemoteSessionMapper.parseDateTime(d.start), RemoteSessionMapper.parseDateTime(d.end),
                    RemoteSessionMapper.parseDuration(d.time), RemoteSessionMapper.yes(d.preventPurge), d.request,
                    d.itsmUpper != null ? d.itsmUpper : d.itsm));
        }
        return out;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class EnvelopeDto {
        public Integer code;
        public ResponseDto response;
        @JsonProperty("remote_sessions")
        public List<SessionDto> remoteSessions = List.of();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class ResponseDto {
        public Integer status;
        public boolean error;
        public boolean erro;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class SessionDto {
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
}
