package org.sessionsdk.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.UnaryOperator;

/**
 * A simulated server's clock: the simulator's clock as the server misreads it (skewed, drifting).
 * Reads the simulator's current settings on every call, so a clock handed out before a skew was set
 * follows it.
 */
final class ServerClock extends Clock {
    private final Clock base;
    private final UnaryOperator<Instant> toServer;

    ServerClock(Clock base, UnaryOperator<Instant> toServer) {
        this.base = base;
        this.toServer = toServer;
    }

    @Override
    public Instant instant() {
        return toServer.apply(base.instant());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ServerClock(base.withZone(zone), toServer);
    }

    @Override
    public String toString() {
        return "ServerClock[" + instant() + ", from " + base + "]";
    }
}
