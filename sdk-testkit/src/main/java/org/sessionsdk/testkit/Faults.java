package org.sessionsdk.testkit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Failures a simulator plays on demand, each for the next request only, in the order they were
 * queued: an HTTP status, a reset connection, a body that stalls, a malformed body.
 */
public final class Faults {
    /** What the next request gets instead of a normal answer. */
    sealed interface Fault permits Status, Reset, DropMidBody, Stall, Malformed {
    }

    record Status(int status, String body, String retryAfter) implements Fault {
    }

    record Reset() implements Fault {
    }

    record DropMidBody() implements Fault {
    }

    record Stall() implements Fault {
    }

    record Malformed() implements Fault {
    }

    private final Deque<Fault> queue = new ArrayDeque<>();

    Faults() {
    }

    /**
     * The next request is answered with {@code status} and {@code body} (e.g. 503, or 500 with the vendor's error).
     *
     * @param status the HTTP status
     * @param body   the body, sent with the vendor's content type; null for none
     * @return this, to queue more
     */
    public synchronized Faults failNext(int status, String body) {
        queue.add(new Status(status, body, null));
        return this;
    }

    /**
     * The next request gets 429 with {@code Retry-After: seconds}.
     *
     * @param seconds the {@code Retry-After} value
     * @return this, to queue more
     */
    public synchronized Faults rateLimitNext(int seconds) {
        queue.add(new Status(429, "", String.valueOf(seconds)));
        return this;
    }

    /**
     * The next request's connection is closed without an answer. Note: the JDK HTTP client sends an
     * idempotent GET once more by itself when that happens before any byte of the answer, so for GET
     * vendors one reset is absorbed; queue two, or use {@link #dropMidBodyNext()}.
     *
     * @return this, to queue more
     */
    public synchronized Faults resetNext() {
        queue.add(new Reset());
        return this;
    }

    /**
     * The next request gets a 200, a few bytes of its body, then the connection is closed.
     *
     * @return this, to queue more
     */
    public synchronized Faults dropMidBodyNext() {
        queue.add(new DropMidBody());
        return this;
    }

    /**
     * The next request gets a 200 and the start of a body, then nothing more until the client gives
     * up (its read timeout) or the simulator is closed.
     *
     * @return this, to queue more
     */
    public synchronized Faults stallNext() {
        queue.add(new Stall());
        return this;
    }

    /**
     * The next request gets a 200 whose body is not what the vendor documents.
     *
     * @return this, to queue more
     */
    public synchronized Faults malformedNext() {
        queue.add(new Malformed());
        return this;
    }

    /** Forgets queued faults. */
    public synchronized void clear() {
        queue.clear();
    }

    synchronized Fault poll() {
        return queue.poll();
    }
}
