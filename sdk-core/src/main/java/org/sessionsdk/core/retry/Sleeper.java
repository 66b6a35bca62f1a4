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

    /**
     * {@return the real one: {@link Thread#sleep(long, int)}, always the same instance. Asynchronous
     * calls recognise it and wait on a timer instead, holding no thread}
     */
    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }
}
