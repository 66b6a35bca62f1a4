package org.sessionsdk.plesk;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.plesk.internal.PacketExchange;
import org.sessionsdk.plesk.internal.PleskTimes;
import org.sessionsdk.plesk.wire.EventLogGet;
import org.sessionsdk.plesk.wire.EventLogRequest;
import org.sessionsdk.plesk.wire.ObjectEvent;
import org.sessionsdk.plesk.wire.Packet;

/**
 * Plesk's object event log ({@code event_log/get}), reached through
 * {@link PleskEventLog#objectEvents()}. Reading never deletes: {@link #list()}, {@link #stream()} and
 * {@link #listAsync()} always send {@code flush_selected_range=false}, unlike Plesk's own default;
 * only {@link #listAndFlush()} deletes.
 */
public final class PleskObjectEvents {
    private final PacketExchange exchange;
    private final ClientRuntime runtime;

    PleskObjectEvents(PacketExchange exchange, ClientRuntime runtime) {
        this.exchange = exchange;
        this.runtime = runtime;
    }

    /**
     * The entries Plesk holds, read without deleting anything.
     *
     * @return the entries; unmodifiable
     */
    public List<PleskObjectEvent> list() {
        try (Stream<PleskObjectEvent> s = stream(false)) {
            return s.toList();
        }
    }

    /**
     * The entries Plesk holds, parsed as they arrive and without deleting anything; close the stream.
     *
     * @return the entries, lazily
     */
    public Stream<PleskObjectEvent> stream() {
        return stream(false);
    }

    /**
     * {@link #list()} without a thread waiting for the server; completes on the client's async executor.
     *
     * @return completes with the entries, or with the call's exception
     */
    public CompletableFuture<List<PleskObjectEvent>> listAsync() {
        return exchange.listAsync(packet(false), "event_log/get", true, "event", ObjectEvent.class, PleskObjectEvents::event);
    }

    /**
     * The entries, and Plesk deletes what it returned ({@code flush_selected_range=true}). Never
     * retried: a repeat would lose the entries the first attempt flushed. There is no stream form:
     * a stream closed early would have flushed entries nobody read.
     *
     * @return the entries Plesk returned and then deleted; unmodifiable
     */
    public List<PleskObjectEvent> listAndFlush() {
        try (Stream<PleskObjectEvent> s = stream(true)) {
            return s.toList();
        }
    }

    private Stream<PleskObjectEvent> stream(boolean flush) {
        return exchange.stream(packet(flush), "event_log/get", !flush, "event", ObjectEvent.class, PleskObjectEvents::event);
    }

    private static Packet packet(boolean flush) {
        EventLogGet get = new EventLogGet();
        EventLogGet.Options o = new EventLogGet.Options();
        o.setFlushSelectedRange(flush);
        get.setOptions(o);
        EventLogRequest op = new EventLogRequest();
        op.setGet(get);
        return PleskEventLog.packet(op);
    }

    private static PleskObjectEvent event(ObjectEvent e) {
        return new PleskObjectEvent(e.getType(), PleskTimes.unixSeconds(e.getTime()), e.getClazz(), e.getId());
    }
}
