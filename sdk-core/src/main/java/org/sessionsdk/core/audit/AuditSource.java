package org.sessionsdk.core.audit;

import java.util.stream.Stream;
import org.sessionsdk.core.session.TimeRange;

/**
 * Anything that can list audit entries in the vendor-neutral form: the Plesk, Ekran and SAYMON
 * clients are (senhasegura documents no audit API).
 */
public interface AuditSource {

    /** {@return {@code plesk}, {@code ekran} or {@code saymon}} */
    String vendor();

    /**
     * Audit entries whose time falls in {@code range}, lazily and in the log's order; close the stream.
     * Filtered on the server where the vendor can, on the client otherwise.
     *
     * @param range the entries to return: those whose time is in it
     * @return the entries in the vendor-neutral form; close it
     */
    Stream<AuditEvent> auditEvents(TimeRange range);
}
