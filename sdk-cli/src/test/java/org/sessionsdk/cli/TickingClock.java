package org.sessionsdk.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A follower's view of a simulator's {@link org.sessionsdk.testkit.SimClock}: the simulator's instant,
 * moving on in real time from each new value the test sets. A feed waits out its poll interval on its
 * clock, so a clock that stood still between two steps would poll once per step; this one lets it
 * poll every interval while the simulator's time stands (a test steps in whole minutes and leaves
 * 30 s of simulated time after each step's changes, far more than the real time a step takes).
 */
final class TickingClock extends Clock {
    private final Supplier<Instant> source;
    private Instant last;
    private long since;

    TickingClock(Supplier<Instant> source) {
        this.source = source;
    }

    @Override
    public synchronized Instant instant() {
        Instant t = source.get();
        if (!t.equals(last)) {
            last = t;
            since = System.nanoTime();
        }
        return t.plusNanos(System.nanoTime() - since);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
