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
 * its first id ({@link PleskEventLog#firstIdAt}). {@link PleskEventLog#follow} polls the same cursor.
 */
final class PleskAuditCursor implements PollingFeed.Strategy<AuditEvent> {
    static final String KIND = "plesk/audit/id";

    private final PleskEventLog log;
    private final PleskEventQuery query;
    private final Instant since;
    private final boolean fromStart;
    private Long next;

    PleskAuditCursor(PleskEventLog log, FeedOptions options) {
        this(log, PleskEventQuery.all(), resumedSince(options), false);
        Checkpoint cp = options.resumeFrom();
        if (cp != null) {
            next = cp.number("next");
        }
    }

    /**
     * Where a feed starts that has no cursor yet: a checkpoint saved before the first poll holds the
     * instant asked for (or nothing: start now), so resuming from it starts the same way.
     */
    private static Instant resumedSince(FeedOptions options) {
        Checkpoint cp = options.resumeFrom();
        if (cp == null) {
            return options.since();
        }
        cp.requireKind(KIND);
        boolean saidNothing = cp.withEndpoint(null).equals(Checkpoint.of(KIND, Map.of()));
        if (cp.number("next") == null && cp.number("since") == null && !saidNothing) {
            throw new IllegalArgumentException("a damaged checkpoint: neither a 'next' id nor a 'since' instant");
        }
        Long since = cp.number("since");
        return since == null ? null : Instant.ofEpochMilli(since);
    }

    /**
     * A cursor for {@link PleskEventLog#follow}: from the query's first id, else its range's start,
     * else the start of the log; the query's event filters and range select what is returned.
     */
    PleskAuditCursor(PleskEventLog log, PleskEventQuery query) {
        this(log, query, query.fromId() == null ? query.range().from() : null, true);
        next = query.fromId();
    }

    private PleskAuditCursor(PleskEventLog log, PleskEventQuery query, Instant since, boolean fromStart) {
        this.log = log;
        this.query = query;
        this.since = since;
        this.fromStart = fromStart;
    }

    @Override
    public List<AuditEvent> poll(Instant now) {
        return events().stream().map(PleskEvent::toAuditEvent).toList();
    }

    /** One poll: the entries after the cursor, in id order; the cursor moves past them. */
    List<PleskEvent> events() {
        Long from;
        if (next != null) {
            from = next;
        } else if (since != null) {
            from = log.firstIdAt(since);
        } else if (fromStart) {
            from = null; // the whole log
        } else {
            next = log.lastId() + 1; // start now: what is logged already is history
            return List.of();
        }
        List<PleskEvent> out = new ArrayList<>();
        long last = from == null ? 0 : from - 1;
        try (Stream<PleskEvent> s = log.stream(from == null ? query : query.withFromId(from))) {
            for (PleskEvent e : (Iterable<PleskEvent>) s::iterator) {
                out.add(e);
                last = Math.max(last, e.id());
            }
        }
        if (from != null || last > 0) {
            next = last + 1;
        }
        return out;
    }

    @Override
    public Checkpoint checkpoint() {
        if (next != null) {
            return Checkpoint.of(KIND, Map.of("next", next));
        }
        return Checkpoint.of(KIND, since == null ? Map.of() : Map.of("since", since.toEpochMilli()));
    }
}
