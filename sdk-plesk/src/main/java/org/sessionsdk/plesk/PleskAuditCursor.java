package org.sessionsdk.plesk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.feed.CheckpointState;
import org.sessionsdk.core.internal.feed.CursorStrategy;

/**
 * Follows the action log by its id cursor: each poll reads the entries after the last id delivered.
 * The checkpoint is one number. Starting now skips the log as it is; starting at an instant seeks
 * its first id ({@link PleskEventLog#firstIdAt}). {@link PleskEventLog#follow} polls the same cursor.
 *
 * <p>The feed's poll asks from the last id it delivered, not after it: the log still holding that
 * entry is how it knows the ids did not restart, at no extra request. An answer without it or
 * anything after means the log was cleared or restored, or is another panel's: the poll reports a
 * {@link FeedGap.Kind#LOG_RESET} gap and reads the new log from its start. A poll returns at most
 * the options' {@code maxBatchSize} entries and says when more are waiting.
 */
final class PleskAuditCursor extends CursorStrategy<AuditEvent> {
    static final String KIND = "plesk/audit/id";

    private final PleskEventLog log;
    private final PleskEventQuery query;
    private Instant since;
    private final boolean fromStart;
    /** Whether to watch for restarted ids: only with every entry selected, so the last one read is listed again. */
    private final boolean detectReset;
    private final int maxBatch;
    private Long next;

    PleskAuditCursor(PleskEventLog log, FeedOptions options) {
        this(log, PleskEventQuery.all(), options.since(), false, true, options.maxBatchSize());
        Checkpoint cp = options.resumeFrom();
        if (cp != null) {
            seek(cp, null);
        }
    }

    @Override
    public void seek(Checkpoint cp, Instant firstPoll) {
        Instant at = sinceOf(cp);
        next = CheckpointState.read(cp).number("next");
        since = at != null ? at : firstPoll;
        more = false;
        gaps = List.of();
    }

    /**
     * Where a feed starts that has no cursor yet: a checkpoint saved before the first poll holds the
     * instant asked for (or nothing: start now), so resuming from it starts the same way.
     */
    private static Instant sinceOf(Checkpoint checkpoint) {
        CheckpointState cp = CheckpointState.read(checkpoint, KIND);
        boolean saidNothing = cp.isEmpty();
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
        this(log, query, query.fromId() == null ? query.range().from() : null, true, false, Integer.MAX_VALUE);
        next = query.fromId();
    }

    private PleskAuditCursor(PleskEventLog log, PleskEventQuery query, Instant since, boolean fromStart,
                             boolean detectReset, int maxBatch) {
        this.log = log;
        this.query = query;
        this.since = since;
        this.fromStart = fromStart;
        this.detectReset = detectReset;
        this.maxBatch = maxBatch;
    }

    @Override
    public List<AuditEvent> poll(Instant now) {
        return events().stream().map(PleskEvent::toAuditEvent).toList();
    }

    /** One poll: the entries after the cursor, in id order, at most the batch size; the cursor moves past them. */
    List<PleskEvent> events() {
        gaps = List.of();
        more = false;
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
        if (detectReset && next != null && next > 1) {
            long seen = next - 1;
            if (read(seen, seen, out)) {
                return out;
            }
            gaps = List.of(new FeedGap(FeedGap.Kind.LOG_RESET, null, null, null, Long.toString(seen),
                    "the action log no longer holds entry " + seen + ", the last one delivered, nor any after it:"
                    + " its ids restarted (the log was cleared or restored, or this is another panel); entries"
                    + " logged after " + seen + " and before the reset may be missing. The new log is read from"
                    + " its start."));
            from = 1L;
        }
        read(from, 0, out);
        return out;
    }

    /**
     * Reads the log from {@code from} (null: the whole log) into {@code out}, all but the entry
     * {@code seen} (delivered already; 0 for none), at most the batch size; moves the cursor past what
     * it returned, and only once the whole answer was read.
     *
     * @return whether the answer held any entry, {@code seen} included
     */
    private boolean read(Long from, long seen, List<PleskEvent> out) {
        boolean any = false;
        boolean full = false;
        long last = Math.max(from == null ? 0 : from - 1, seen);
        try (Stream<PleskEvent> s = log.stream(from == null ? query : query.withFromId(from))) {
            for (Iterator<PleskEvent> it = s.iterator(); it.hasNext(); ) {
                PleskEvent e = it.next();
                any = true;
                if (e.id() == seen) {
                    continue;
                }
                if (out.size() == maxBatch) {
                    full = true; // one more was there: stop, and say so
                    break;
                }
                out.add(e);
                last = Math.max(last, e.id());
            }
        }
        if (from != null || last > 0) {
            next = last + 1;
        }
        more = full;
        return any;
    }

    @Override
    public Checkpoint checkpoint() {
        if (next != null) {
            return CheckpointState.checkpoint(KIND, Map.of("next", next));
        }
        return CheckpointState.checkpoint(KIND, since == null ? Map.of() : Map.of("since", since.toEpochMilli()));
    }
}
