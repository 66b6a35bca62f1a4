package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.sessionsdk.ekran.EkranSession;

/**
 * How {@link EkranSimulator} reads and writes Ekran's wire: bounds in the three documented local forms,
 * whole-number parameters, dates with the zone's offset, a session as JSON, and the ASP.NET
 * validation problem (its other errors are a plain {@code message}).
 */
final class EkranWire {
    static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
    static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private EkranWire() {
    }

    /** A parameter the server refuses: answered as a validation problem naming it. */
    static final class BadBound extends Exception {
        private static final long serialVersionUID = 1L;
        final String param;
        final String value;

        BadBound(String param, String value) {
            super(param, null, false, false);
            this.param = param;
            this.value = value;
        }
    }

    /** A bound's text in the documented forms, read in {@code zone}; null when null or empty. */
    static Instant bound(String name, String v, ZoneId zone) throws BadBound {
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            LocalDateTime local = switch (v.length()) {
                case 10 -> LocalDate.parse(v, DAY).atStartOfDay();
                case 16 -> LocalDateTime.parse(v, MINUTE);
                case 19 -> LocalDateTime.parse(v, SECOND);
                default -> throw new BadBound(name, v);
            };
            return local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadBound(name, v);
        }
    }

    /** A whole number parameter from 0 to {@code max}; {@code absent} when missing or empty; else a 400. */
    static long number(String name, String v, long max, long absent) throws BadBound {
        if (v == null || v.isEmpty()) {
            return absent;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // a 400 below
        }
        throw new BadBound(name, v);
    }

    static void write(JsonGenerator g, EkranSession s) throws IOException {
        g.writeStartObject();
        g.writeStringField("clientGuid", s.clientGuid());
        if (s.logoutDate() == null) {
            g.writeNullField("logoutDate");
        } else {
            g.writeStringField("logoutDate", s.logoutDate().format(OUT));
        }
        g.writeStringField("loginDate", s.loginDate().format(OUT));
        g.writeNumberField("sessionId", s.sessionId());
        g.writeNumberField("userId", s.userId());
        g.writeEndObject();
    }

    static String problem(BadBound b) {
        return SimWire.json(g -> {
            g.writeStartObject();
            g.writeStringField("type", "https://tools.ietf.org/html/rfc7231#section-6.5.1");
            g.writeStringField("title", "One or more validation errors occurred.");
            g.writeNumberField("status", 400);
            g.writeObjectFieldStart("errors");
            g.writeArrayFieldStart(b.param);
            g.writeString("The value '" + b.value + "' is not valid.");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
