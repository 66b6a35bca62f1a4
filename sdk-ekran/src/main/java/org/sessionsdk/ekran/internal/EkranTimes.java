package org.sessionsdk.ekran.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.sessionsdk.core.internal.json.JsonObject;

/**
 * Ekran's two time formats: query bounds are offset-less local times in the server's zone
 * ({@code 2021-04-01T12:00:00}); response dates carry an offset ({@code 2000-01-23T04:56:07.000+00:00}).
 *
 * <p>SDK-internal.
 */
public final class EkranTimes {
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private EkranTimes() {
    }

    /** A query bound in the server zone, whole seconds: rounded down, or up when {@code roundUp}. */
    public static String bound(Instant t, ZoneId serverZone, boolean roundUp) {
        Instant whole = t.truncatedTo(ChronoUnit.SECONDS);
        if (roundUp && whole.isBefore(t)) {
            whole = whole.plusSeconds(1);
        }
        return LocalDateTime.ofInstant(whole, serverZone).format(BOUND);
    }

    /**
     * A response date: ISO-8601 with an offset; one without an offset is read in the server zone.
     * Null when absent or null.
     */
    public static OffsetDateTime date(JsonObject o, String field, ZoneId serverZone) {
        String s = o.string(field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(s).atZone(serverZone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
                throw o.mismatch(field, "an ISO-8601 date-time", "\"" + shown + "\"");
            }
        }
    }
}
