package org.sessionsdk.ekran;

import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.error.NotFoundException;

/**
 * Ekran's two audit logs, alerts and endpoint access requests, as one stream in time order: each log
 * comes in its own order (ids grow with time), so taking the earlier head each time keeps the whole in
 * time order while holding one entry of each. An entry without a time goes first where it stands.
 *
 * <p>A server that answers the access-request call with 404 has no such endpoint (it predates it): that
 * log is then empty, not an error, so a client of an older server reads its alerts as before.
 */
final class EkranAuditMerge {
    private EkranAuditMerge() {
    }

    static Stream<AuditEvent> merge(Stream<AuditEvent> alerts, Stream<AuditEvent> accessRequests) {
        Iterator<AuditEvent> a = alerts.iterator();
        Iterator<AuditEvent> b = absentIsEmpty(accessRequests.iterator());
        Iterator<AuditEvent> merged = new Iterator<>() {
            private AuditEvent headA;
            private AuditEvent headB;

            @Override
            public boolean hasNext() {
                if (headA == null && a.hasNext()) {
                    headA = a.next();
                }
                if (headB == null && b.hasNext()) {
                    headB = b.next();
                }
                return headA != null || headB != null;
            }

            @Override
            public AuditEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AuditEvent out;
                if (headB == null || (headA != null && !later(headA.time(), headB.time()))) {
                    out = headA;
                    headA = null;
                } else {
                    out = headB;
                    headB = null;
                }
                return out;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
                    try {
                        alerts.close();
                    } finally {
                        accessRequests.close();
                    }
                });
    }

    /** Whether {@code a} comes after {@code b}; an unknown time comes after nothing. */
    private static boolean later(Instant a, Instant b) {
        return a != null && b != null && a.isAfter(b);
    }

    /** The entries, or none when the very first call finds no such endpoint (404). */
    static <T> Iterator<T> absentIsEmpty(Iterator<T> it) {
        return new Iterator<>() {
            private boolean started;
            private boolean absent;

            @Override
            public boolean hasNext() {
                if (absent) {
                    return false;
                }
                try {
                    boolean has = it.hasNext();
                    started = true;
                    return has;
                } catch (NotFoundException e) {
                    if (started) {
                        throw e;
                    }
                    absent = true;
                    return false;
                }
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return it.next();
            }
        };
    }
}
