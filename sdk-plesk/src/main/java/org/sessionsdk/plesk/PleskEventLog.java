package org.sessionsdk.plesk;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.TransportErrors;
import org.sessionsdk.core.retry.Sleeper;
import org.sessionsdk.plesk.internal.PacketExchange;
import org.sessionsdk.plesk.internal.PleskTimes;
import org.sessionsdk.plesk.wire.Event;
import org.sessionsdk.plesk.wire.EventFilter;
import org.sessionsdk.plesk.wire.EventLogGet;
import org.sessionsdk.plesk.wire.EventLogGetEvents;
import org.sessionsdk.plesk.wire.EventLogRequest;
import org.sessionsdk.plesk.wire.NoParameters;
import org.sessionsdk.plesk.wire.ObjectEvent;
import org.sessionsdk.plesk.wire.Packet;

/**
 * The Plesk action log: read it (streaming: a busy server's log is large), learn the last id, follow
 * it as it grows. Reading never deletes: {@link #objectEvents()} always sends
 * {@code flush_selected_range=false}, unlike Plesk's own default.
 */
public final class PleskEventLog {
    private final PacketExchange exchange;
    private final ClientRuntime runtime;
    private final Sleeper sleeper;

    PleskEventLog(PacketExchange exchange, ClientRuntime runtime, Sleeper sleeper) {
        this.exchange = exchange;
        this.runtime = runtime;
        this.sleeper = sleeper;
    }

    /**
     * The entries the query selects, in a list.
     *
     * @param query which entries; {@link PleskEventQuery#all()} for every one
     * @return the entries in id order
     */
    public List<PleskEvent> list(PleskEventQuery query) {
        try (Stream<PleskEvent> s = stream(query)) {
            return new ArrayList<>(s.toList());
        }
    }

    /**
     * The entries the query selects, parsed as they arrive; close the stream.
     *
     * @param query which entries; {@link PleskEventQuery#all()} for every one
     * @return the entries in id order, lazily
     */
    public Stream<PleskEvent> stream(PleskEventQuery query) {
        EventLogGetEvents ge = new EventLogGetEvents();
        if (query.fromId() != null) {
            ge.setLastId(BigInteger.valueOf(query.fromId()));
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
        return exchange.stream(packet(op), "event_log/get_events", true, "event", Event.class,
                e -> new PleskEvent(e.getId(), e.getType(), PleskTimes.unixSeconds(e.getTime()), e.getClazz(),
                        e.getObjId(), e.getUser(), e.getHost()));
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
     * ids after the last one seen, until the stream is closed. Blocking; run it on its own thread.
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
        Iterator<PleskEvent> it = new Iterator<>() {
            private final Deque<PleskEvent> buffer = new ArrayDeque<>();
            private PleskEventQuery next = query;
            private boolean first = true;

            @Override
            public boolean hasNext() {
                while (buffer.isEmpty()) {
                    if (!first) {
                        try {
                            sleeper.sleep(pollInterval);
                        } catch (InterruptedException e) {
                            throw TransportErrors.interrupted("event_log/get_events (follow)", e);
                        }
                    }
                    first = false;
                    for (PleskEvent e : list(next)) {
                        buffer.add(e);
                        next = next.withFromId(e.id() + 1);
                    }
                }
                return true;
            }

            @Override
            public PleskEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.poll();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /**
     * The object event log ({@code event_log/get}), read without deleting anything.
     *
     * @return the entries Plesk holds
     */
    public List<PleskObjectEvent> objectEvents() {
        return objectEvents(false);
    }

    /**
     * The object event log, and Plesk deletes what it returned ({@code flush_selected_range=true}).
     * Never retried: a repeat would lose the entries the first attempt flushed.
     *
     * @return the entries Plesk returned and then deleted
     */
    public List<PleskObjectEvent> objectEventsAndFlush() {
        return objectEvents(true);
    }

    private List<PleskObjectEvent> objectEvents(boolean flush) {
        EventLogGet get = new EventLogGet();
        EventLogGet.Options o = new EventLogGet.Options();
        o.setFlushSelectedRange(flush);
        get.setOptions(o);
        EventLogRequest op = new EventLogRequest();
        op.setGet(get);
        try (Stream<PleskObjectEvent> s = exchange.stream(packet(op), "event_log/get", !flush, "event", ObjectEvent.class,
                e -> new PleskObjectEvent(e.getType(), PleskTimes.unixSeconds(e.getTime()), e.getClazz(), e.getId()))) {
            return new ArrayList<>(s.toList());
        }
    }

    private static Packet packet(EventLogRequest op) {
        Packet p = new Packet();
        p.setEventLog(op);
        return p;
    }
}
