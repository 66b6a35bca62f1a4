package org.sessionsdk.benchmarks.vendor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.sessionsdk.benchmarks.support.Conversions;
import org.sessionsdk.saymon.SaymonSession;

/** The naive baseline for SAYMON's session log: Jackson databind of the whole array into DTOs, then mapped. */
final class SaymonNaive {
    private static final TypeReference<List<SessionDto>> LIST = new TypeReference<>() { };

    private SaymonNaive() {
    }

    static List<SaymonSession> parse(InputStream body) throws IOException {
        List<SessionDto> dtos = JsonTokens.MAPPER.readValue(body, LIST);
        List<SaymonSession> out = new ArrayList<>(dtos.size());
        for (SessionDto d : dtos) {
            if (d.id == null) {
                throw new IllegalStateException("record without id");
            }
            out.add(new SaymonSession(d.id, d.userId, d.login, Conversions.millis(d.startTime),
                    Conversions.millis(d.endTime), Conversions.millis(d.expiredAt)));
        }
        return out;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class SessionDto {
        public String id;
        public String userId;
        public String login;
        public Long startTime;
        public Long endTime;
        public Long expiredAt;
    }
}
