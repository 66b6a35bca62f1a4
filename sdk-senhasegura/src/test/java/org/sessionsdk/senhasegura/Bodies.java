package org.sessionsdk.senhasegura;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Response bodies shaped like the vendor's documentation, and the records they must map to. */
final class Bodies {
    private Bodies() {
    }

    static final String OK_RESPONSE = "{\"status\":200,\"message\":\"\",\"error\":false,\"error_code\":0,"
            + "\"detail\":\"\",\"mensagem\":\"\",\"erro\":false,\"cod_erro\":0}";

    static final String SESSION_3 = """
            {
                "id": "3",
                "user": "Admin",
                "origin_ip": "172.16.20.125",
                "credential": "usrdomadm01",
                "device": "10.66.33.15:3389",
                "protocol": "rdp",
                "proxy": "Web Proxy",
                "session_id": "e7acacb6aedbab70073456da5744166939b77527",
                "start": "2024-05-06 16:05:07",
                "end": "2024-05-06 16:07:59",
                "time": "00:02:52",
                "prevent_purge": "No",
                "request": null,
                "ITSM": null
            }""";

    static final String SESSION_6 = """
            {
                "id": "6",
                "user": "Admin",
                "origin_ip": "172.16.20.125",
                "credential": "usrsudonopass",
                "device": "10.66.33.17:22",
                "protocol": "ssh",
                "proxy": "Web Proxy",
                "session_id": "c819cbc5f2fad2065f1d132a22d0e2dfacccb228",
                "start": "2024-05-06 16:11:17",
                "end": "2024-05-06 16:11:30",
                "time": "00:00:13",
                "prevent_purge": "No",
                "request": null,
                "ITSM": null
            }""";

    /**
     * The documented sample as published: an envelope whose {@code remote_sessions} holds one whole
     * envelope. The published text stops after the inner envelope (no closing {@code ]} and
     * {@code }}); {@link #SEED_SAMPLE} adds them.
     */
    static final String SEED_SAMPLE_AS_PUBLISHED = "{\n    \"code\": 200,\n    \"response\": " + OK_RESPONSE + ",\n"
            + "    \"remote_sessions\": [\n      {\n    \"code\": 200,\n    \"response\": " + OK_RESPONSE + ",\n"
            + "    \"tenant\": \"senhasegura\",\n    \"remote_sessions\": [\n" + SESSION_3 + ",\n" + SESSION_6
            + "\n    ]\n }\n";

    static final String SEED_SAMPLE = SEED_SAMPLE_AS_PUBLISHED + "]\n}\n";

    /** The flat form: the sessions directly in the top envelope. */
    static final String FLAT = envelope("remote_sessions", SESSION_3 + "," + SESSION_6);

    static final SenhaseguraSession EXPECTED_3 = new SenhaseguraSession("3", "Admin", "172.16.20.125", "usrdomadm01",
            "10.66.33.15:3389", "rdp", "Web Proxy", "e7acacb6aedbab70073456da5744166939b77527",
            LocalDateTime.of(2024, 5, 6, 16, 5, 7), LocalDateTime.of(2024, 5, 6, 16, 7, 59),
            Duration.ofMinutes(2).plusSeconds(52), false, null, null);

    static final SenhaseguraSession EXPECTED_6 = new SenhaseguraSession("6", "Admin", "172.16.20.125", "usrsudonopass",
            "10.66.33.17:22", "ssh", "Web Proxy", "c819cbc5f2fad2065f1d132a22d0e2dfacccb228",
            LocalDateTime.of(2024, 5, 6, 16, 11, 17), LocalDateTime.of(2024, 5, 6, 16, 11, 30),
            Duration.ofSeconds(13), false, null, null);

    static String envelope(String arrayField, String elements) {
        return "{\"code\":200,\"response\":" + OK_RESPONSE + ",\"tenant\":\"senhasegura\",\"" + arrayField + "\":["
                + elements + "]}";
    }

    /** An envelope that reports a failure: English fields, Portuguese twins, no data. */
    static String errorEnvelope(int status, String message, int code) {
        return "{\"code\":" + status + ",\"response\":{\"status\":" + status + ",\"message\":" + json(message)
                + ",\"error\":true,\"error_code\":" + code + ",\"detail\":\"\",\"mensagem\":\"(pt) " + message
                + "\",\"erro\":true,\"cod_erro\":" + code + "}}";
    }

    static String token(String value, long expiresIn) {
        return "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"access_token\":\"" + value + "\"}";
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
