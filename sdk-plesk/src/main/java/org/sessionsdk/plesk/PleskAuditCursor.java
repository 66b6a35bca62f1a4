package org.sessionsdk.plesk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.feed.PollingFeed;

/**
 * Follows the action log by its id cursor: each poll reads the entries after the last id delivered.
 * The checkpoint is one number. Starting now skips the log as it is; starting at an instant seeks
 * its first id ({@link PleskEventLog#firstIdAt}).
 */
final class PleskAuditCursor implements PollingFeed.Strategy<AuditEvent> {
    static final String KIND = "plesk/audit/id";

    private final PleskEventLog log;
    private final Instant since;
    private Long next;

    PleskAuditCursor(PleskEventLog log, FeedOptions options) {
        this.log = log;
        this.since = options.since();
        Checkpoint cp = options.resumeFrom();
        if (cp != null) {
            next = cp.requireKind(KIND).number("next");
            if (next == null) {
                throw new IllegalArgumentException("a damaged checkpoint: no 'next' id");
            }
        }
    }

    @Override
    public List<AuditEvent> poll(Instant now) {
        long from;
        if (next != null) {
            from = next;
        } else if (since != null) {
            from = log.firstIdAt(since);
        } else {
            next = log.lastId() + 1; // start now: what is logged already is history
            return List.of();
        }
        List<AuditEvent> out = new ArrayList<>();
        long last = from - 1;
        try (Stream<PleskEvent> s = log.stream(PleskEventQuery.builder().fromId(from).build())) {
            for (PleskEvent e : (Iterable<PleskEvent>) s::iterator) {
                out.add(e.toAuditEvent());
                last = Math.max(last, e.id());
            }
        }
        next = last + 1;
        return out;
    }

    @Override
    public Checkpoint checkpoint() {
        return Checkpoint.of(KIND, next == null ? Map.of() : Map.of("next", next));
    }
}
