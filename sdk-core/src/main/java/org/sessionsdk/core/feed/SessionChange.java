package org.sessionsdk.core.feed;

import java.time.Instant;
import java.util.Objects;
import org.sessionsdk.core.session.SessionRecord;

/**
 * One start or end of a session, as a session feed reports it.
 *
 * @param type       started or ended
 * @param session    the session as known at that moment: for ENDED, with its end time and the start
 *                   first seen (never a start clipped by a vendor's window)
 * @param observedAt when the feed saw the change (the client's clock)
 */
public record SessionChange(ChangeType type, SessionRecord session, Instant observedAt) {
    /**
     * Checks that every part is present.
     *
     * @param type       started or ended
     * @param session    the session
     * @param observedAt when the feed saw the change
     * @throws NullPointerException if a part is null
     */
    public SessionChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
