package org.sessionsdk.core.internal.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.audit.AuditSource;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.session.TimeRange;

/**
 * Follows an audit log by time windows that overlap the previous poll ({@link FeedOptions#overlap()}),
 * dropping entries already delivered: the shared audit-feed strategy. The state holds one instant and
 * what was read within the overlap ({@link DeliveredIds}: ids, and past a budget a digest per
 * bucket), so the checkpoint stays under a few hundred kilobytes at any rate.
 *
 * <p>A poll returns at most the options' {@code maxBatchSize} entries, the oldest first; a full batch
 * remembers only what it returned and keeps the window, so the next poll, due at once ({@link #more()}),
 * reads the window again and finds exactly the rest.
 *
 * <p>How the log is read is a {@link Log}: the source's listing once by default; a vendor with a log
 * per user (SAYMON) reads each user on its own, with a position each, and keeps only that in its own
 * code.
 */
public final class AuditWindows implements PollingFeed.Strategy<AuditEvent> {
    /**
     * How one poll reads the log, and what a vendor keeps of its own beside the windows.
     */
    public interface Log {
        /**
         * Reads one poll's window; throws (the state does not move) when the poll cannot go on.
         *
         * @param from     where the window starts: the overlap before the previous poll
         * @param emitFrom entries before this are history, remembered but not delivered
         * @param now      the poll's instant
         * @param sink     takes each entry read, in any order (repeats are dropped)
         */
        void read(Instant from, Instant emitFrom, Instant now, Consumer<AuditEvent> sink);

        /**
         * {@return the instant before which an entry of the last read is history} By default the
         * poll's; a part of the log read from an older position (a user owed entries) returns its own.
         *
         * @param e        the entry
         * @param emitFrom the poll's
         */
        default Instant historyBefore(AuditEvent e, Instant emitFrom) {
            return emitFrom;
        }

        /**
         * The poll is settled: moves the log's own state (none by default).
         *
         * @param held entries read but held back for the next batch (the batch was full): their part of
         *             the log must be read again from where it was
         */
        default void settle(List<AuditEvent> held) {
        }

        /**
         * {@return the part of the log an entry belongs to, by its id; one part ({@code ""}) by default}
         * Remembered buckets are per part, so a part that fails does not make the others' buckets look
         * changed.
         *
         * @param id the entry's id
         */
        default String scope(String id) {
            return "";
        }

        /** {@return the stretch of time of a remembered bucket: a second by default} */
        default Duration bucket() {
            return Duration.ofSeconds(1);
        }

        /**
         * {@return whether a part's entries at a time are remembered beyond the overlap} (a part read
         * again from an older position; none by default)
         *
         * @param scope the part
         * @param time  the entry's time (ms)
         */
        default boolean keeps(String scope, long time) {
            return false;
        }

        /** {@return what the last settled poll found it cannot deliver} */
        default List<FeedGap> gaps() {
            return List.of();
        }

        /**
         * Adds the log's own state to a checkpoint's.
         *
         * @param state the state
         */
        default void save(Map<String, Object> state) {
        }

        /**
         * Replaces the log's own state with a checkpoint's.
         *
         * @param cp the checkpoint
         */
        default void seek(Checkpoint cp) {
        }
    }

    private final Log log;
    private final String kind;
    private final Duration overlap;
    private final int maxBatch;
    /** Whether the last poll stopped at the batch size with more entries waiting. */
    private boolean more;
    private Instant since;
    private final DeliveredIds delivered;
    private boolean polled;

    /**
     * The strategy for one source, read by its listing.
     *
     * @param source  the client
     * @param options where to start
     * @throws IllegalArgumentException if the checkpoint to resume from is another feed's
     */
    public AuditWindows(AuditSource source, FeedOptions options) {
        this(source.vendor() + "/audit/windows", (from, emitFrom, now, sink) -> {
            try (Stream<AuditEvent> events = source.auditEvents(TimeRange.since(from))) {
                events.forEach(sink);
            }
        }, options);
    }

    /**
     * The strategy for a log read its own way.
     *
     * @param kind    the checkpoint's kind
     * @param log     how a poll reads the log
     * @param options where to start
     * @throws IllegalArgumentException if the checkpoint to resume from is another feed's
     */
    public AuditWindows(String kind, Log log, FeedOptions options) {
        this.log = log;
        this.kind = kind;
        this.overlap = options.overlap();
        this.maxBatch = options.maxBatchSize();
        this.delivered = new DeliveredIds(log::scope, Math.max(1, log.bucket().toMillis()));
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
        delivered.read(cp);
        log.seek(cp);
        polled = at != null;
        since = at != null ? at : firstPoll;
        more = false;
    }

    @Override
    public List<AuditEvent> poll(Instant now) {
        Instant horizon = since == null ? now : since;
        Instant readFrom = horizon.minus(overlap);
        // the first poll reports from the asked start (or now); later ones also what arrived late
        Instant emitFrom = polled ? readFrom : horizon;
        DeliveredIds.Sorting sorting = delivered.sorting(now.toEpochMilli());
        log.read(readFrom, emitFrom, now, sorting::accept);
        List<AuditEvent> out = new ArrayList<>();
        for (AuditEvent e : sorting.fresh(now.minus(overlap).toEpochMilli())) {
            if (e.time() == null ? polled : !e.time().isBefore(log.historyBefore(e, emitFrom))) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing(AuditEvent::time, Comparator.nullsLast(Comparator.naturalOrder())));
        more = out.size() > maxBatch;
        List<AuditEvent> held = more ? out.subList(maxBatch, out.size()) : List.of();
        Set<String> heldIds = new HashSet<>();
        held.forEach(e -> heldIds.add(e.id()));
        log.settle(List.copyOf(held));
        // a full batch: the rest is not remembered; the window stays where it is and the next poll, due at
        // once, reads it again and finds exactly the rest
        long keepAfter = (more ? horizon : now).minus(overlap).toEpochMilli();
        delivered.commit(sorting, heldIds, keepAfter, log::keeps);
        if (!more) {
            since = now;
            polled = true;
        } else if (since == null) {
            since = horizon; // a feed started now keeps this poll's start for the rest of the batch
        }
        return more ? List.copyOf(out.subList(0, maxBatch)) : out;
    }

    @Override
    public boolean more() {
        return more;
    }

    @Override
    public List<FeedGap> gaps() {
        return log.gaps();
    }

    @Override
    public Checkpoint checkpoint() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("since", since == null ? PollingFeed.NOT_YET : since.toEpochMilli());
        delivered.write(state, since == null ? 0 : since.toEpochMilli());
        log.save(state);
        return CheckpointState.checkpoint(kind, state);
    }

    /** {@return how many ids are remembered exactly, and how many buckets as digests}; for measurements */
    int[] remembered() {
        return new int[] {delivered.exactCount(), delivered.digestCount()};
    }
}
