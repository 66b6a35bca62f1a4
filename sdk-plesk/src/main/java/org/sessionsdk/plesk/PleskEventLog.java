package org.sessionsdk.plesk;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.retry.Sleeper;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.plesk.internal.PacketExchange;
import org.sessionsdk.plesk.internal.PleskTimes;
import org.sessionsdk.plesk.wire.Event;
import org.sessionsdk.plesk.wire.EventFilter;
import org.sessionsdk.plesk.wire.EventLogGetEvents;
import org.sessionsdk.plesk.wire.EventLogRequest;
import org.sessionsdk.plesk.wire.NoParameters;
import org.sessionsdk.plesk.wire.Packet;

/**
 * The Plesk action log: read it (streaming: a busy server's log is large), learn the last id, follow
 * it as it grows. The older object event log ({@code event_log/get}) is {@link #objectEvents()}.
 */
public final class PleskEventLog {
    private final PacketExchange exchange;
    private final ClientRuntime runtime;
    private final Sleeper sleeper;
    private final PleskObjectEvents objectEvents;

    PleskEventLog(PacketExchange exchange, ClientRuntime runtime, Sleeper sleeper) {
        this.exchange = exchange;
        this.runtime = runtime;
        this.sleeper = sleeper;
        this.objectEvents = new PleskObjectEvents(exchange, runtime);
    }

    /**
     * The entries the query selects, in a list.
     *
     * @param query which entries; {@link PleskEventQuery#all()} for every one
     * @return the entries in id order; unmodifiable
     */
    public List<PleskEvent> list(PleskEventQuery query) {
        try (Stream<PleskEvent> s = stream(query)) {
            return s.toList();
        }
    }

    /**
     * The entries the query selects, parsed as they arrive; close the stream.
     *
     * @param query which entries; {@link PleskEventQuery#all()} for every one
     * @return the entries in id order, lazily
     */
    public Stream<PleskEvent> stream(PleskEventQuery query) {
        Long fromId = query.fromId();
        if (fromId == null && query.range().from() != null) {
            fromId = firstIdAt(query.range().from());
        }
        return read(query, fromId);
    }

    /**
     * Where entries at or after {@code time} begin: the first id whose time is not before it, found
     * without reading the log from its start. Plesk ids grow with time, so {@code get-last-id}, then
     * probes that read one entry each, galloping back from the newest and then halving, find it in
     * about {@code 2 log2(n)} calls for the {@code n} entries after it: the last hour of a log of a
     * million entries costs a few dozen small calls, not a million entries. An entry without a time
     * counts as not before {@code time}, so it is never skipped.
     *
     * @param time the earliest time wanted
     * @return the first id to read; one past the newest when every entry is older
     */
    public long firstIdAt(Instant time) {
        Objects.requireNonNull(time, "time");
        long last = lastId();
        if (last == 0) {
            return 1;
        }
        if (before(last, time)) {
            return last + 1;
        }
        long hi = last; // the entry at hi is not before time
        long lo = 0; // ids up to lo are before time (0: none known)
        for (long step = 1; ; step *= 2) {
            long k = hi - step;
            if (k < 1) {
                break;
            }
            if (before(k, time)) {
                lo = k;
                break;
            }
            hi = k;
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (before(mid, time)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** Whether the first entry at or after {@code id} is older than {@code time}; no entry: false. */
    private boolean before(long id, Instant time) {
        try (Stream<PleskEvent> s = read(PleskEventQuery.all(), id)) {
            return s.findFirst().map(e -> e.time() != null && e.time().isBefore(time)).orElse(false);
        }
    }

    private Stream<PleskEvent> read(PleskEventQuery query, Long fromId) {
        EventLogGetEvents ge = new EventLogGetEvents();
        if (fromId != null) {
            ge.setLastId(BigInteger.valueOf(fromId));
        }
        if (!query.events().isEmpty()) {
            EventLogGetEvents.Events events = new EventLogGetEvents.Events();
            for (PleskEventQuery.EventFilter f : query.events()) {
                EventFilter wf = new EventFilter();
                wf.setType(f.type());
                wf.setClazz(f.objectClass());
                events.getEvent().add(wf);
            }
            ge.setEvents(events);
        }
        EventLogRequest op = new EventLogRequest();
        op.setGetEvents(ge);
        Stream<PleskEvent> events = exchange.stream(packet(op), "event_log/get_events", true, "event", Event.class,
                e -> new PleskEvent(e.getId(), e.getType(), PleskTimes.unixSeconds(e.getTime()), e.getClazz(),
                        e.getObjId(), e.getUser(), e.getHost()));
        TimeRange range = query.range();
        // Plesk has no time filter: an entry is kept when its time lies in the range (or is unknown)
        return range.equals(TimeRange.all()) ? events : events.filter(e -> range.overlaps(e.time(), e.time()));
    }

    /**
     * The entries the query selects, read on the client's executor.
     *
     * @param query which entries; {@link PleskEventQuery#all()} for every one
     * @return completes with the entries in id order, or with the call's exception
     */
    public CompletableFuture<List<PleskEvent>> listAsync(PleskEventQuery query) {
        return runtime.async(() -> list(query));
    }

    /**
     * The id of the newest entry ({@code event_log/get-last-id}).
     *
     * @return the id, or 0 when the log is empty
     */
    public long lastId() {
        EventLogRequest op = new EventLogRequest();
        op.setGetLastId(new NoParameters());
        Long id = exchange.single(packet(op), "event_log/get-last-id", true, "id", Long.class);
        return id == null ? 0 : id;
    }

    /**
     * Entries as they appear: reads from the query's start, then polls every {@code pollInterval} for
     * ids after the last one seen, until the stream is closed. Blocking; run it on its own thread. It
     * polls the same id cursor as {@link PleskClient#auditFeed}, on the same loop as every feed
     * ({@link org.sessionsdk.core.feed.FeedRunner}): a failed poll is tried again after a backoff
     * (3 tries in a row, then the failure is thrown from the stream). Use the feed to resume after a
     * restart from a saved checkpoint, and to learn of a reset log.
     *
     * @param query        where to start and which entries to select
     * @param pollInterval the wait between two polls, positive
     * @return an endless stream; close it to stop
     * @throws IllegalArgumentException if {@code pollInterval} is not positive
     */
    public Stream<PleskEvent> follow(PleskEventQuery query, Duration pollInterval) {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        PleskFollow it = new PleskFollow(new PleskAuditCursor(this, query), pollInterval, sleeper);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(it::close);
    }

    /** {@return the object event log ({@code event_log/get}): list, stream, read on the executor, flush} */
    public PleskObjectEvents objectEvents() {
        return objectEvents;
    }

    static Packet packet(EventLogRequest op) {
        Packet p = new Packet();
        p.setEventLog(op);
        return p;
    }
}
