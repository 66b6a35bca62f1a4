package org.sessionsdk.core.internal.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.session.TimeRange;

/**
 * Follows an audit log by time windows that overlap the previous poll ({@link FeedOptions#overlap()}),
 * dropping entries already delivered: the shared audit-feed strategy. The state holds one instant and
 * the ids delivered within the overlap, so it is bounded by the entries of a few minutes, never by
 * history.
 */
public final class AuditWindows implements PollingFeed.Strategy<AuditEvent> {
    private final AuditSource source;
    private final String kind;
    private final Duration overlap;
    private final int maxBatch;
    /** Whether the last poll stopped at the batch size with more entries waiting. */
    private boolean more;
    private Instant since;
    private final Map<String, Long> delivered = new LinkedHashMap<>();
    private boolean polled;

    /**
     * The strategy for one source.
     *
     * @param source  the client
     * @param options where to start
     * @throws IllegalArgumentException if the checkpoint to resume from is another feed's
     */
    public AuditWindows(AuditSource source, FeedOptions options) {
        this.source = source;
        this.kind = source.vendor() + "/audit/windows";
        this.overlap = options.overlap();
        this.maxBatch = options.maxBatchSize();
        Checkpoint cp = options.resumeFrom();
        if (cp != null) {
            seek(cp, null);
        } else {
            since = options.since();
        }
    }

    @Override
    public void seek(Checkpoint cp, Instant firstPoll) {
        Instant at = PollingFeed.resumedSince(cp, kind);
        Map<String, Long> seen = cp.numbers("seen");
        polled = at != null;
        since = at != null ? at : firstPoll;
        delivered.clear();
        delivered.putAll(seen);
        more = false;
    }

    @Override
    public List<AuditEvent> poll(Instant now) {
        Instant horizon = since == null ? now : since;
        // the first poll reports from the asked start (or now); later ones also what arrived late
        Instant emitFrom = polled ? horizon.minus(overlap) : horizon;
        Map<String, Long> seen = new LinkedHashMap<>(delivered);
        List<AuditEvent> out = new ArrayList<>();
        try (Stream<AuditEvent> events = source.auditEvents(TimeRange.since(horizon.minus(overlap)))) {
            events.forEach(e -> {
                long t = e.time() == null ? now.toEpochMilli() : e.time().toEpochMilli();
                if (seen.containsKey(e.id())) {
                    return;
                }
                seen.put(e.id(), t);
                if (e.time() == null ? polled : !e.time().isBefore(emitFrom)) {
                    out.add(e);
                }
            });
        }
        out.sort(Comparator.comparing(AuditEvent::time, Comparator.nullsLast(Comparator.naturalOrder())));
        more = out.size() > maxBatch;
        if (more) {
            // a full batch: the rest is not delivered, so not seen; the window stays where it is and the
            // next poll, due at once, reads it again and finds exactly the rest
            for (AuditEvent e : out.subList(maxBatch, out.size())) {
                seen.remove(e.id());
            }
        }
        List<AuditEvent> batch = more ? List.copyOf(out.subList(0, maxBatch)) : out;
        long keepAfter = (more ? horizon : now).minus(overlap).minus(overlap).toEpochMilli();
        seen.values().removeIf(t -> t < keepAfter);
        if (!more) {
            since = now;
            polled = true;
        } else if (since == null) {
            since = horizon; // a feed started now keeps this poll's start for the rest of the batch
        }
        delivered.clear();
        delivered.putAll(seen);
        return batch;
    }

    @Override
    public boolean more() {
        return more;
    }

    @Override
    public Checkpoint checkpoint() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("since", since == null ? PollingFeed.NOT_YET : since.toEpochMilli());
        state.put("seen", delivered);
        return Checkpoint.of(kind, state);
    }
}
