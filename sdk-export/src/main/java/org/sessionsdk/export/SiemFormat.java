package org.sessionsdk.export;

import java.util.List;
import java.util.Objects;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.export.internal.Ecs;
import org.sessionsdk.export.internal.Ocsf;

/**
 * The SIEM schemas sessions and audit entries are written in: each turns a {@link SessionChange}, a
 * {@link SessionRecord} snapshot or an {@link AuditEvent} into JSON documents, one line each.
 *
 * <pre>{@code
 * String line = SiemFormat.OCSF.document(change);          // a Logon or a Logoff
 * List<String> lines = SiemFormat.ECS.documents(record);   // session start, then end if it has ended
 * }</pre>
 *
 * <p>Times are instants already: offset-less vendor times went through the client's
 * {@code serverZone} when the record was made. Unknown values are left out, never written empty.
 */
public enum SiemFormat {
    /** OCSF 1.8.0: Authentication (3002) for sessions, Entity Management (3004) and Detection Finding (2004) for audit entries. */
    OCSF,
    /** ECS 9.4.0: session start/end events, configuration events, and alerts. */
    ECS;

    /** The OCSF schema version written in {@code metadata.version}. */
    public static final String OCSF_VERSION = "1.8.0";
    /** The ECS version written in {@code ecs.version}. */
    public static final String ECS_VERSION = "9.4.0";

    /**
     * One session change as one document: STARTED is a logon / session start, ENDED a logoff / session
     * end with its duration.
     *
     * @param change the change
     * @return one line of JSON
     */
    public String document(SessionChange change) {
        Objects.requireNonNull(change, "change");
        return this == OCSF ? Ocsf.session(change.session(), !isEnded(change), change.observedAt())
                : Ecs.session(change.session(), !isEnded(change), change.observedAt());
    }

    /**
     * A session as listed: a logon, then a logoff when it has ended.
     *
     * @param session the record
     * @return one or two lines of JSON
     */
    public List<String> documents(SessionRecord session) {
        Objects.requireNonNull(session, "session");
        String start = this == OCSF ? Ocsf.session(session, true, null) : Ecs.session(session, true, null);
        if (session.end() == null) {
            return List.of(start);
        }
        return List.of(start, this == OCSF ? Ocsf.session(session, false, null) : Ecs.session(session, false, null));
    }

    /**
     * One audit entry as one document: Plesk and SAYMON entries as configuration changes (OCSF Entity
     * Management, ECS configuration), Ekran alerts as findings (OCSF Detection Finding, ECS alert).
     *
     * @param event the entry
     * @return one line of JSON
     */
    public String document(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        return this == OCSF ? Ocsf.audit(event) : Ecs.audit(event);
    }

    private static boolean isEnded(SessionChange c) {
        return c.type() == org.sessionsdk.core.feed.ChangeType.ENDED;
    }
}
