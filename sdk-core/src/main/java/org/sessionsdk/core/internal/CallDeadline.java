package org.sessionsdk.core.internal;

import java.time.Duration;

/**
 * A deadline for every call the current thread makes while it is open, bodies included: a feed
 * opens one around a poll, so that the calls the vendor's strategy makes are bounded as a whole
 * without each strategy passing a deadline down. Scopes nest; the earlier deadline wins.
 *
 * <p>SDK-internal.
 */
public final class CallDeadline {
    private static final ThreadLocal<CallDeadline> CURRENT = new ThreadLocal<>();

    private final long nanos;
    private final String name;

    private CallDeadline(long nanos, String name) {
        this.nanos = nanos;
        this.name = name;
    }

    /** Ends a scope: the thread's previous deadline, if any, is in force again. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Opens a scope on this thread.
     *
     * @param timeout how long from now
     * @param name    names it in messages, e.g. {@code "the poll timeout of PT5M"}
     * @return the scope to close when done
     */
    public static Scope enter(Duration timeout, String name) {
        CallDeadline outer = CURRENT.get();
        long nanos = System.nanoTime() + timeout.toNanos();
        CURRENT.set(outer != null && outer.nanos - nanos <= 0 ? outer : new CallDeadline(nanos, name));
        return () -> {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        };
    }

    /** {@return this thread's deadline, or null outside any scope} */
    public static CallDeadline current() {
        return CURRENT.get();
    }

    /**
     * Opens a scope on this thread with a deadline taken from another (an asynchronous call's next
     * step runs on another thread than the one that opened the poll's scope).
     *
     * @param deadline what {@link #current()} returned there, or null for none
     * @return the scope to close when done
     */
    public static Scope reenter(CallDeadline deadline) {
        CallDeadline outer = CURRENT.get();
        if (deadline == null || (outer != null && outer.nanos - deadline.nanos <= 0)) {
            return () -> { };
        }
        CURRENT.set(deadline);
        return () -> {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        };
    }

    /** {@return the deadline in {@link System#nanoTime()}} */
    long nanos() {
        return nanos;
    }

    /** {@return what the deadline is, for messages} */
    String name() {
        return name;
    }
}
