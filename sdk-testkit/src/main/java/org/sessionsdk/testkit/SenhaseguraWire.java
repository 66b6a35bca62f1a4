package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/**
 * How {@link SenhaseguraSimulator} writes senhasegura's wire: a remote session row (local times and
 * {@code HH:MM:SS} elapsed time written by hand, as a list may hold a million), the {@code response}
 * block of every envelope with its Portuguese twin fields, and the OAuth 2 error body.
 */
final class SenhaseguraWire {
    private SenhaseguraWire() {
    }

    static void write(JsonGenerator g, SenhaseguraSession r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("user", r.user());
        g.writeStringField("origin_ip", r.originIp());
        g.writeStringField("credential", r.credential());
        g.writeStringField("device", r.device());
        g.writeStringField("protocol", r.protocol());
        g.writeStringField("proxy", r.proxy());
        g.writeStringField("session_id", r.sessionId());
        g.writeStringField("start", r.start() == null ? "" : wire(r.start()));
        g.writeStringField("end", r.end() == null ? "" : wire(r.end()));
        g.writeStringField("time", r.duration() == null ? "" : elapsed(r.duration()));
        g.writeStringField("prevent_purge", r.preventPurge() ? "Yes" : "No");
        g.writeStringField("request", r.request());
        g.writeStringField("ITSM", r.itsm());
        g.writeEndObject();
    }

    /** {@code HH:MM:SS}, hours beyond 24 kept. Written by hand: the list may hold a million of these. */
    private static String elapsed(Duration d) {
        StringBuilder sb = new StringBuilder(10);
        long h = d.toHours();
        if (h < 10) {
            sb.append('0');
        }
        sb.append(h).append(':');
        two(sb, d.toMinutesPart()).append(':');
        return two(sb, d.toSecondsPart()).toString();
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, by hand for the same reason. */
    private static String wire(LocalDateTime t) {
        StringBuilder sb = new StringBuilder(19);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        return two(sb, t.getSecond()).toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** The envelope's {@code code} and {@code response} block; the caller closes the object. */
    static void envelope(JsonGenerator g, int status, String message) throws IOException {
        g.writeStartObject();
        g.writeNumberField("code", status);
        boolean error = status >= 400;
        g.writeObjectFieldStart("response");
        g.writeNumberField("status", status);
        g.writeStringField("message", message);
        g.writeBooleanField("error", error);
        g.writeNumberField("error_code", error ? status : 0);
        g.writeStringField("detail", "");
        g.writeStringField("mensagem", portuguese(message));
        g.writeBooleanField("erro", error);
        g.writeNumberField("cod_erro", error ? status : 0);
        g.writeEndObject();
    }

    /** A whole error envelope. */
    static String errorBody(int status, String message) {
        return SimWire.json(g -> {
            envelope(g, status, message);
            g.writeEndObject();
        });
    }

    private static String portuguese(String message) {
        return switch (message) {
            case SenhaseguraSimulator.CLIENT_AUTH_FAILED -> "Falha na autenticação do cliente.";
            case SenhaseguraSimulator.NOT_FOUND -> "Recurso não encontrado";
            case SenhaseguraSimulator.NOT_AUTHORIZED -> "Você não tem autorização para acessar este recurso.";
            default -> message;
        };
    }

    /** The token endpoint's error, as the PHP League OAuth 2 server writes it. */
    static String oauthError(String error, String description) {
        return SimWire.json(g -> {
            g.writeStartObject();
            g.writeStringField("error", error);
            g.writeStringField("error_description", description);
            g.writeStringField("message", description);
            g.writeEndObject();
        });
    }

}
