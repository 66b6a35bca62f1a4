package org.sessionsdk.benchmarks.vendor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.sessionsdk.benchmarks.support.Conversions;
import org.sessionsdk.ekran.EkranSession;

/** The naive baseline for Ekran's session list: Jackson databind of the whole array into DTOs, then mapped. */
final class EkranNaive {
    static final TypeReference<List<SessionDto>> LIST = new TypeReference<>() { };

    private EkranNaive() {
    }

    static List<EkranSession> parse(InputStream body) throws IOException {
        return map(JsonTokens.MAPPER.readValue(body, LIST));
    }

    static List<EkranSession> map(List<SessionDto> dtos) {
        List<EkranSession> out = new ArrayList<>(dtos.size());
        for (SessionDto d : dtos) {
            out.add(new EkranSession(d.sessionId, d.userId, d.clientGuid, Conversions.offsetDateTime(d.loginDate),
                    Conversions.offsetDateTime(d.logoutDate)));
        }
        return out;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class SessionDto {
        public int sessionId;
        public int userId;
        public String clientGuid;
        public String loginDate;
        public String logoutDate;
    }
}
