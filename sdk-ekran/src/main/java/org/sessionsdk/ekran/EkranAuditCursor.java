package org.sessionsdk.ekran;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedGap;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.feed.CheckpointState;
import org.sessionsdk.core.internal.feed.CursorStrategy;

/**
 * Follows Ekran's two audit logs, alerts by the {@code afterActivityId} cursor and processed endpoint
 * access requests by the {@code afterId} cursor, as one stream: each poll reads what is new in each log,
 * batch after batch in the log's order, and hands both over merged in time order. The checkpoint holds
 * both cursors. Until a log's first entry arrives it has no cursor yet, and the poll asks that log by date
 * instead, from the feed's start ({@code since}, or the first poll's now); once there is one the date
 * bound is dropped, so an entry logged late with an older date is not missed.
 *
 * <p>Ekran has no "newest id" call, so the poll asks from just before a cursor instead of after it: the
 * answer listing the cursor's own entry again is how it knows the ids did not restart, at no extra request
 * (the cursor an answer names is the id of its last entry). An answer without it or anything after means
 * the log was cleared or restored, or is another server's: the poll reports a {@link FeedGap.Kind#LOG_RESET}
 * gap and reads the new log from its start. A poll returns at most the options' {@code maxBatchSize}
 * entries (the earliest of both logs), each cursor then right after the last entry of its log returned,
 * and says when more are waiting.
 *
 * <p>Checkpoints written before access requests were followed hold the alerts' keys only ({@code after} or
 * {@code from}); they still parse and resume the alerts exactly. The access requests then start where the
 * feed's start instant was ({@code from}), or, when the alerts were past their first one (only
 * {@code after}), at the resuming poll as a feed started now: none was ever delivered, so none is
 * missing, and the log's history is not replayed. A server that answers the access-request call with 404
 * has no such endpoint: this feed then follows its alerts alone.
 */
final class EkranAuditCursor extends CursorStrategy<AuditEvent> {
    static final String KIND = "ekran/audit/cursor";

    private final int maxBatch;
    /** How far before its start a feed started "now" looks for entries stamped by a clock behind ours. */
    private final Duration overlap;
    /** Read in this order each poll; the alerts last. */
    private final List<Log> logs;

    EkranAuditCursor(EkranAlerts alerts, EkranAccessRequests accessRequests, FeedOptions options) {
        this.maxBatch = options.maxBatchSize();
        this.overlap = options.overlap();
        Log requests = new Log("requestsAfter", "requestsFrom", "endpoint access request", "access-request log",
                (after, from, batch, cursor) -> {
                    EkranAccessRequestQuery.Builder q = EkranAccessRequestQuery.builder().batchSize(batch);
                    if (after != null) {
                        q.afterId(after);
                    } else if (from != null) {
                        q.from(from);
                    }
                    return accessRequests.stream(q.build(), cursor).map(r -> new Entry(r.id(), r.toAuditEvent()));
                }, true);
        Log alertLog = new Log("after", "from", "alert", "alert log", (after, from, batch, cursor) -> {
            EkranAlertQuery.Builder q = EkranAlertQuery.builder().batchSize(batch);
            if (after != null) {
                q.afterActivityId(after);
            } else if (from != null) {
                q.from(from);
            }
            return alerts.stream(q.build(), cursor).map(a -> new Entry(a.activityId(), a.toAuditEvent()));
        }, false);
        this.logs = List.of(requests, alertLog);
        Checkpoint cp = options.resumeFrom();
        if (cp != null) {
            seek(cp, null);
        } else {
            logs.forEach(l -> l.from = options.since());
        }
    }

    @Override
    public void seek(Checkpoint checkpoint, Instant firstPoll) {
        CheckpointState cp = CheckpointState.read(checkpoint, KIND);
        Log alerts = logs.get(1);
        alerts.seek(cp, firstPoll);
        Log requests = logs.get(0);
        if (cp.number(requests.afterKey) != null || cp.number(requests.fromKey) != null) {
            requests.seek(cp, firstPoll);
        } else {
            // saved before access requests were followed (or before a first poll): start them where the
            // feed's start was; past the alerts' first entry, that start is unknown, so start them now
            requests.after = null;
            requests.from = alerts.after == null ? alerts.from : null;
        }
        more = false;
        gaps = List.of();
    }

    @Override
    public List<AuditEvent> poll(Instant now) {
        List<Read> reads = new ArrayList<>();
        for (Log l : logs) {
            reads.add(l.read(now));
        }
        // merge in time order, each log kept in its own order, up to the batch size: what is kept of each
        // log is a prefix of what was read of it
        List<Entry> kept = new ArrayList<>();
        int[] taken = new int[reads.size()];
        while (kept.size() < maxBatch) {
            int pick = -1;
            for (int i = 0; i < reads.size(); i++) {
                List<Entry> es = reads.get(i).entries();
                if (taken[i] < es.size() && (pick < 0 || earlier(es.get(taken[i]), reads.get(pick).entries().get(taken[pick])))) {
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            kept.add(reads.get(pick).entries().get(taken[pick]++));
        }
        // state moves only here, once every read of the poll worked
        boolean waiting = false;
        List<FeedGap> found = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            Read r = reads.get(i);
            boolean cutShort = taken[i] < r.entries().size();
            logs.get(i).commit(r, cutShort, taken[i] == 0 ? null : r.entries().get(taken[i] - 1).id());
            waiting |= r.full() || cutShort;
            found.addAll(r.gaps());
        }
        gaps = List.copyOf(found);
        more = waiting;
        return kept.stream().map(Entry::event).toList();
    }

    /** Whether {@code a} goes before {@code b}: strictly earlier; an entry without a time goes first. */
    private static boolean earlier(Entry a, Entry b) {
        Instant ta = a.event().time();
        Instant tb = b.event().time();
        return ta == null ? tb != null : tb != null && ta.isBefore(tb);
    }

    @Override
    public Checkpoint checkpoint() {
        Map<String, Object> state = new LinkedHashMap<>();
        logs.get(1).write(state); // the alerts' keys first, as before access requests were followed
        logs.get(0).write(state);
        return CheckpointState.checkpoint(KIND, state);
    }

    /** One entry of a log: its own id (the cursor's unit) and its audit event. */
    record Entry(String id, AuditEvent event) {
    }

    /** Reads a log after an id (or, with none, from a date), handing each answer's cursor on. */
    @FunctionalInterface
    interface Reader {
        Stream<Entry> read(Long after, Instant from, int batchSize, Consumer<Long> cursor);
    }

    /** What a poll read of one log: the entries to hand over, the cursor after them, gaps, more waiting. */
    private record Read(List<Entry> entries, Long cursor, Instant since, boolean full, List<FeedGap> gaps,
                        boolean absent) {
    }

    /** What one request found: any entry at all, the cursor after what it returned (null: none), more waiting. */
    private record Found(boolean any, Long cursor, boolean full) {
    }

    /** One of the logs, with its place in it. */
    private final class Log {
        final String afterKey;
        final String fromKey;
        final String noun;
        final String logName;
        final Reader reader;
        /** Whether a 404 means the server has no such log (rather than an error). */
        final boolean optional;
        Long after;
        Instant from;
        boolean absent;

        Log(String afterKey, String fromKey, String noun, String logName, Reader reader, boolean optional) {
            this.afterKey = afterKey;
            this.fromKey = fromKey;
            this.noun = noun;
            this.logName = logName;
            this.reader = reader;
            this.optional = optional;
        }

        void seek(CheckpointState cp, Instant firstPoll) {
            Long f = cp.number(fromKey);
            after = cp.number(afterKey);
            // neither: saved before the first poll, start now (or where this feed's first poll was)
            from = f != null ? Instant.ofEpochMilli(f) : firstPoll;
        }

        void write(Map<String, Object> state) {
            if (after != null) {
                state.put(afterKey, after);
            } else if (from != null) {
                state.put(fromKey, from.toEpochMilli());
            }
        }

        Read read(Instant now) {
            if (absent) {
                return new Read(List.of(), after, from, false, List.of(), true);
            }
            try {
                return readLog(now);
            } catch (NotFoundException e) {
                if (!optional) {
                    throw e;
                }
                return new Read(List.of(), after, from, false, List.of(), true);
            }
        }

        private Read readLog(Instant now) {
            // started now: what the log holds is history, but a server clock behind ours stamps what happens
            // from now on before our now; so read from the overlap back, report none of what is there, and go
            // on by its ids (or, with none there, by date from that earlier bound)
            boolean startNow = from == null && after == null;
            Instant since = from == null ? now.minus(overlap) : from;
            List<Entry> out = new ArrayList<>();
            List<FeedGap> found = List.of();
            Long cursor = after;
            Found r;
            if (after != null && after > 0) {
                r = request(after - 1, after, null, out);
                if (!r.any()) {
                    found = List.of(reset(after));
                    cursor = 0L; // the start of the new log
                    r = request(0L, null, null, out);
                }
            } else {
                r = request(after, null, after == null ? since : null, out);
                while (startNow && r.full() && r.cursor() != null) {
                    out.clear(); // history past a batch: skip to its newest id
                    r = request(r.cursor(), null, null, out);
                }
                if (startNow) {
                    out.clear();
                }
            }
            return new Read(List.copyOf(out), r.cursor() != null ? r.cursor() : cursor, since, r.full(), found, false);
        }

        void commit(Read r, boolean cutShort, String lastKept) {
            if (r.absent()) {
                absent = true;
                return;
            }
            if (cutShort) {
                if (lastKept == null) {
                    return; // nothing of this log handed over: it stays where it was
                }
                after = Long.valueOf(lastKept);
            } else {
                after = r.cursor();
            }
            from = r.since();
        }

        private FeedGap reset(long seen) {
            return new FeedGap(FeedGap.Kind.LOG_RESET, null, null, null, Long.toString(seen),
                    "the " + logName + " no longer holds " + noun + " " + seen + ", the last one delivered, nor any"
                    + " after it: its ids restarted (the database was cleared or restored, or this is another"
                    + " server); " + noun + "s logged after " + seen + " and before the reset may be missing. The"
                    + " new log is read from its start.");
        }

        /**
         * Asks for the entries after {@code askAfter} (null: by date, from {@code dateFrom}) into {@code out},
         * all but the entry {@code seen} (delivered already; null for none), at most the batch size.
         */
        private Found request(Long askAfter, Long seen, Instant dateFrom, List<Entry> out) {
            // the batch size, the entry seen again, and one more to know whether more is waiting
            int batch = (int) Math.min(EkranAlertQuery.MAX_BATCH, maxBatch + 2L);
            String seenId = seen == null ? null : seen.toString();
            Long[] cursor = {null};
            String lastId = null;
            boolean any = false;
            boolean full = false;
            try (Stream<Entry> s = reader.read(askAfter, askAfter == null ? dateFrom : null, batch, c -> cursor[0] = c)) {
                for (Iterator<Entry> it = s.iterator(); it.hasNext(); ) {
                    Entry a = it.next();
                    any = true;
                    if (a.id().equals(seenId)) {
                        continue;
                    }
                    if (out.size() == maxBatch) {
                        full = true; // one more was there: stop right after the last one returned
                        break;
                    }
                    AuditEvent e = a.event();
                    lastId = a.id();
                    // before the first cursor, the date bound goes out to the second: apply it exactly
                    if (askAfter != null || dateFrom == null || e.time() == null || !e.time().isBefore(dateFrom)) {
                        out.add(a);
                    }
                }
            }
            if (lastId == null) {
                return new Found(any, null, false); // an empty answer names the cursor asked, or none
            }
            // stopped early, the answer's cursor is past what was returned: resume right after the last one
            Long next = full || cursor[0] == null ? Long.valueOf(lastId) : cursor[0];
            return new Found(any, next, full);
        }
    }
}
