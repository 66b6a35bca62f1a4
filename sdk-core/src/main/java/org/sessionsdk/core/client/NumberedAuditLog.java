package org.sessionsdk.core.client;

import java.time.Duration;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;

/**
 * An audit log whose entries carry increasing numbers, so it is read (and followed) from a number on
 * rather than from a time: the ids a listing prints are where a reader resumes.
 */
public interface NumberedAuditLog {

    /**
     * {@return the newest entry's number, 0 for an empty log}
     */
    long lastId();

    /**
     * The entries from {@code fromId} on, lazily and in the log's order; close the stream.
     *
     * @param fromId the first entry's number (inclusive); 1 for the whole log
     * @return the entries
     */
    Stream<AuditEvent> from(long fromId);

    /**
     * The entries from {@code fromId} on, then every new one as it is logged, until the stream is closed
     * or its thread is interrupted.
     *
     * @param fromId the first entry's number (inclusive)
     * @param poll   how often to ask for new entries
     * @return the endless stream; close it
     */
    Stream<AuditEvent> follow(long fromId, Duration poll);
}
