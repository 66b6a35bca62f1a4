package org.sessionsdk.kafka.internal;

import java.time.Clock;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * How one endpoint's stream fares, as the task's metrics show it (tags {@code endpoint} and
 * {@code stream}): when it was last polled successfully, how many polls failed in a row since, how far
 * behind the newest event handed to Connect is, and how many records, gaps and heartbeats it made.
 *
 * <p>Written by the task's own thread only, when it takes a finished poll (so a metric never shows a
 * poll whose records or heartbeat {@code poll()} has not returned yet); read by any thread (the
 * worker's metrics reporters).
 */
public final class EndpointHealth {
    /**
     * One metric of an endpoint's stream.
     *
     * @param name        its name, the same as a plugin metric and as a JMX attribute
     * @param description what it means, with its unit
     * @param value       reads it
     */
    public record Metric(String name, String description, ToLongFunction<EndpointHealth> value) {
    }

    /** Every metric, in the order the README's table lists them. */
    public static final List<Metric> METRICS = List.of(
            new Metric("last-successful-poll-timestamp-ms", "When a poll of the endpoint's stream last worked "
                    + "(records or none), epoch milliseconds; -1 before the first", h -> h.lastSuccessfulPoll),
            new Metric("consecutive-failures", "Polls of the endpoint's stream that failed in a row (server down, "
                    + "credentials refused, unreadable answer); 0 once a poll works", h -> h.consecutiveFailures),
            new Metric("lag-ms", "Now minus the event time of the newest record handed to Connect, milliseconds; "
                    + "-1 before the first record. Also grows while the endpoint is quiet", EndpointHealth::lagMs),
            new Metric("records-total", "Records handed to Connect since the task started (heartbeats not "
                    + "counted)", h -> h.records),
            new Metric("gaps-total", "Gaps the feed reported since the task started: changes it knows it cannot "
                    + "deliver (a log reset, a window over a listing limit), each also logged at WARN", h -> h.gaps),
            new Metric("heartbeats-total", "Heartbeat records handed to Connect since the task started (they store "
                    + "the offset of a partition without records)", h -> h.heartbeats));

    private final String endpoint;
    private final String stream;
    private final Clock clock;
    private volatile long lastSuccessfulPoll = -1;
    private volatile long consecutiveFailures;
    private volatile long newestEvent = Long.MIN_VALUE;
    private volatile long records;
    private volatile long gaps;
    private volatile long heartbeats;

    /**
     * The health of an endpoint's stream that has not been polled yet.
     *
     * @param endpoint the endpoint's name
     * @param stream   {@code sessions} or {@code audit}
     * @param clock    what "now" is for the lag
     */
    public EndpointHealth(String endpoint, String stream, Clock clock) {
        this.endpoint = endpoint;
        this.stream = stream;
        this.clock = clock;
    }

    /** {@return the endpoint's name, the {@code endpoint} tag} */
    public String endpoint() {
        return endpoint;
    }

    /** {@return the stream, the {@code stream} tag} */
    public String stream() {
        return stream;
    }

    /**
     * A poll worked.
     *
     * @param at when, epoch milliseconds
     */
    public void polled(long at) {
        lastSuccessfulPoll = at;
        consecutiveFailures = 0;
    }

    /**
     * A poll failed.
     *
     * @param inARow failures in a row, this one included
     */
    public void failed(int inARow) {
        consecutiveFailures = inARow;
    }

    /**
     * Records were handed to Connect.
     *
     * @param count           how many
     * @param newestEventTime the newest of their event times, epoch milliseconds
     */
    public void handed(int count, long newestEventTime) {
        records += count;
        if (newestEventTime > newestEvent) {
            newestEvent = newestEventTime;
        }
    }

    /**
     * The feed reported gaps.
     *
     * @param count how many
     */
    public void gaps(int count) {
        gaps += count;
    }

    /** A heartbeat was handed to Connect. */
    public void heartbeat() {
        heartbeats++;
    }

    /** {@return now minus the newest event time handed to Connect, or -1 before the first record} */
    long lagMs() {
        long newest = newestEvent;
        return newest == Long.MIN_VALUE ? -1 : Math.max(0, clock.millis() - newest);
    }

    /**
     * Reads a metric by name.
     *
     * @param name one of {@link #METRICS}' names
     * @return its value
     * @throws IllegalArgumentException for another name
     */
    public long value(String name) {
        for (Metric m : METRICS) {
            if (m.name().equals(name)) {
                return m.value().applyAsLong(this);
            }
        }
        throw new IllegalArgumentException("no such metric: " + name);
    }
}
