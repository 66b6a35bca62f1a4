package org.sessionsdk.core.retry;

import java.time.Duration;

/** Waits between attempts. Tests inject one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits for a while.
     *
     * @param d how long; zero or negative returns at once
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration d) throws InterruptedException;

    /** {@return the real one: {@link Thread#sleep(long, int)}} */
    static Sleeper system() {
        return d -> {
            if (!d.isZero() && !d.isNegative()) {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            }
        };
    }
}
