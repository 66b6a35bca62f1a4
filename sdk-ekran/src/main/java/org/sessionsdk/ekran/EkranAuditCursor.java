package org.sessionsdk.ekran;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.feed.CheckpointState;
import org.sessionsdk.core.internal.feed.PollingFeed;

/**
 * Follows Ekran's alerts by the {@code afterActivityId} cursor: each poll asks for the alerts after
 * the cursor the last answer named, batch after batch, in the log's order; the checkpoint is that
 * cursor. Until the first alert arrives there is no cursor yet, and the poll asks by date instead,
 * from the feed's start ({@code since}, or the first poll's now); once there is one the date bound is
 * dropped, so an alert logged late with an older date is not missed.
 *
 * <p>Ekran has no "newest id" call, so the poll asks from just before the cursor instead of after it:
 * the answer listing the cursor's own alert again is how it knows the ids did not restart, at no
 * extra request (the cursor an answer names is the activity id of its last alert). An answer without
 * it or anything after means the log was cleared or restored, or is another server's: the poll
 * reports a {@link FeedGap.Kind#LOG_RESET} gap and reads the new log from its start. A poll returns
 * at most the options' {@code maxBatchSize} alerts, the cursor then right after the last one, and
 * says when more are waiting.
 */
final class EkranAuditCursor implements PollingFeed.Strategy<AuditEvent> {
    static final String KIND = "ekran/audit/cursor";

    private final EkranAlerts alerts;
    private final int maxBatch;
    /** How far before its start a feed started "now" looks for alerts stamped by a clock behind ours. */
    private final java.time.Duration overlap;
    private Long after;
    private Instant from;
    private List<FeedGap> gaps = List.of();
    private boolean more;

    EkranAuditCursor(EkranAlerts alerts, FeedOptions options) {
        this.alerts = alerts;
        this.maxBatch = options.maxBatchSize();
        this.overlap = options.overlap();
        Checkpoint cp = options.resumeFrom();
        if (cp != null) {
            seek(cp, null);
        } else {
            from = options.since();
        }
    }

    @Override
    public void seek(Checkpoint checkpoint, Instant firstPoll) {
        CheckpointState cp = CheckpointState.read(checkpoint, KIND);
        Long f = cp.number("from");
        after = cp.number("after");
        // neither: saved before the first poll, start now (or where this feed's first poll was)
        from = f != null ? Instant.ofEpochMilli(f) : firstPoll;
        more = false;
        gaps = List.of();
    }

    @Override
    public List<AuditEvent> poll(Instant now) {
        // started now: what the log holds is history, but a server clock behind ours stamps what happens
        // from now on before our now; so read from the overlap back, report none of what is there, and go
        // on by its ids (or, with none there, by date from that earlier bound)
        boolean startNow = from == null && after == null;
        Instant since = from == null ? now.minus(overlap) : from;
        List<AuditEvent> out = new ArrayList<>();
        List<FeedGap> found = List.of();
        Long cursor = after;
        Read r;
        if (after != null && after > 0) {
            r = read(after - 1, after, null, out);
            if (!r.any()) {
                found = List.of(reset(after));
                cursor = 0L; // the start of the new log
                r = read(0L, null, null, out);
            }
        } else {
            r = read(after, null, after == null ? since : null, out);
            while (startNow && r.full() && r.cursor() != null) {
                out.clear(); // history past a batch: skip to its newest id
                r = read(r.cursor(), null, null, out);
            }
            if (startNow) {
                out.clear();
            }
        }
        // state moves only here, once every read of the poll worked
        if (r.cursor() != null) {
            after = r.cursor();
        } else {
            after = cursor;
        }
        from = since;
        gaps = found;
        more = r.full();
        return out;
    }

    private static FeedGap reset(long seen) {
        return new FeedGap(FeedGap.Kind.LOG_RESET, null, null, null, Long.toString(seen),
                "the alert log no longer holds alert " + seen + ", the last one delivered, nor any after it: its"
                + " activity ids restarted (the database was cleared or restored, or this is another server);"
                + " alerts raised after " + seen + " and before the reset may be missing. The new log is read"
                + " from its start.");
    }

    /** What one read found: any alert at all, the cursor after what it returned (null: none), more waiting. */
    private record Read(boolean any, Long cursor, boolean full) {
    }

    /**
     * Reads the alerts after {@code askAfter} (null: by date, from {@code dateFrom}) into {@code out},
     * all but the alert {@code seen} (delivered already; null for none), at most the batch size.
     */
    private Read read(Long askAfter, Long seen, Instant dateFrom, List<AuditEvent> out) {
        // the batch size, the alert seen again, and one more to know whether more is waiting
        EkranAlertQuery.Builder q = EkranAlertQuery.builder()
                .batchSize((int) Math.min(EkranAlertQuery.MAX_BATCH, maxBatch + 2L));
        if (askAfter != null) {
            q.afterActivityId(askAfter);
        } else if (dateFrom != null) {
            q.from(dateFrom);
        }
        String seenId = seen == null ? null : seen.toString();
        Long[] cursor = {null};
        String lastId = null;
        boolean any = false;
        boolean full = false;
        try (Stream<EkranAlert> s = alerts.stream(q.build(), c -> cursor[0] = c)) {
            for (Iterator<EkranAlert> it = s.iterator(); it.hasNext(); ) {
                EkranAlert a = it.next();
                any = true;
                if (a.activityId().equals(seenId)) {
                    continue;
                }
                if (out.size() == maxBatch) {
                    full = true; // one more was there: stop right after the last one returned
                    break;
                }
                AuditEvent e = a.toAuditEvent();
                lastId = a.activityId();
                // before the first cursor, the date bound goes out to the second: apply it exactly
                if (askAfter != null || dateFrom == null || e.time() == null || !e.time().isBefore(dateFrom)) {
                    out.add(e);
                }
            }
        }
        if (lastId == null) {
            return new Read(any, null, false); // an empty answer names the cursor asked, or none
        }
        // stopped early, the answer's cursor is past what was returned: resume right after the last one
        Long next = full || cursor[0] == null ? Long.valueOf(lastId) : cursor[0];
        return new Read(any, next, full);
    }

    @Override
    public List<FeedGap> gaps() {
        return gaps;
    }

    @Override
    public boolean more() {
        return more;
    }

    @Override
    public Checkpoint checkpoint() {
        Map<String, Object> state = new LinkedHashMap<>();
        if (after != null) {
            state.put("after", after);
        } else if (from != null) {
            state.put("from", from.toEpochMilli());
        }
        return CheckpointState.checkpoint(KIND, state);
    }
}
