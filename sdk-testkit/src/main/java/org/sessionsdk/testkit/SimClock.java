package org.sessionsdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand: it stands still until {@link #advance} or {@link #set}. Give it to a
 * simulator ({@code withClock}) and the simulator answers every call as of this clock, so a test sees
 * sessions start and end exactly when its scenario says, without waiting. Thread-safe.
 */
public final class SimClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private SimClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A clock standing at {@code start}, in UTC.
     *
     * @param start the first instant it reads
     * @return the clock
     */
    public static SimClock at(Instant start) {
        return new SimClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward.
     *
     * @param step how far; not negative (time does not run backwards on a server)
     * @return the new instant
     * @throws IllegalArgumentException if {@code step} is negative
     */
    public Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + step);
        }
        return now.updateAndGet(t -> t.plus(step));
    }

    /**
     * Puts the clock at an instant, forward or back (a test of a server whose clock was reset).
     *
     * @param instant the instant it reads from now on
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * {@return a clock reading the same instants in another zone; moving either moves both}
     *
     * @param zone the zone
     */
    @Override
    public SimClock withZone(ZoneId zone) {
        return new SimClock(now, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public String toString() {
        return "SimClock[" + now.get() + "]";
    }
}
