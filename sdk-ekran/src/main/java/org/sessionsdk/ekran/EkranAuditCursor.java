package org.sessionsdk.ekran;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedOptions;
import org.sessionsdk.core.internal.feed.PollingFeed;

/**
 * Follows Ekran's alerts by the {@code afterActivityId} cursor: each poll asks for the alerts after
 * the cursor the last answer named, batch after batch, in the log's order; the checkpoint is that
 * cursor. Until the first alert arrives there is no cursor yet, and the poll asks by date instead,
 * from the feed's start ({@code since}, or the first poll's now); once there is one the date bound is
 * dropped, so an alert logged late with an older date is not missed.
 */
final class EkranAuditCursor implements PollingFeed.Strategy<AuditEvent> {
    static final String KIND = "ekran/audit/cursor";

    private final EkranAlerts alerts;
    private Long after;
    private Instant from;

    EkranAuditCursor(EkranAlerts alerts, FeedOptions options) {
        this.alerts = alerts;
        Checkpoint cp = options.resumeFrom();
        if (cp != null) {
            seek(cp, null);
        } else {
            from = options.since();
        }
    }

    @Override
    public void seek(Checkpoint cp, Instant firstPoll) {
        cp.requireKind(KIND);
        Long f = cp.number("from");
        after = cp.number("after");
        // neither: saved before the first poll, start now (or where this feed's first poll was)
        from = f != null ? Instant.ofEpochMilli(f) : firstPoll;
    }

    @Override
    public List<AuditEvent> poll(Instant now) {
        Instant since = from == null ? now : from;
        EkranAlertQuery.Builder q = EkranAlertQuery.builder();
        if (after != null) {
            q.afterActivityId(after);
        } else {
            q.from(since);
        }
        Long[] cursor = {null};
        String[] lastId = {null};
        List<AuditEvent> out = new ArrayList<>();
        try (Stream<EkranAlert> s = alerts.stream(q.build(), c -> cursor[0] = c)) {
            s.forEach(a -> {
                AuditEvent e = a.toAuditEvent();
                lastId[0] = a.activityId();
                // before the first cursor, the date bound goes out to the second: apply it exactly
                if (after != null || e.time() == null || !e.time().isBefore(since)) {
                    out.add(e);
                }
            });
        }
        // move only when alerts came: an empty answer names the cursor asked, or none
        if (lastId[0] != null) {
            after = cursor[0] != null ? cursor[0] : Long.valueOf(lastId[0]);
        }
        from = since;
        return out;
    }

    @Override
    public Checkpoint checkpoint() {
        Map<String, Object> state = new LinkedHashMap<>();
        if (after != null) {
            state.put("after", after);
        } else if (from != null) {
            state.put("from", from.toEpochMilli());
        }
        return Checkpoint.of(KIND, state);
    }
}
