package org.sessionsdk.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Failures a simulator plays on demand, each for the next request only, in the order they were
 * queued: an HTTP status, a reset connection, a body that stalls, a malformed body, a body that comes
 * slowly. And one for a while: every request fails until the simulator's clock reaches an instant
 * ({@link #failUntil}); queued faults wait until then.
 */
public final class Faults {
    /** What the next request gets instead of a normal answer. */
    sealed interface Fault permits Status, Reset, DropMidBody, Stall, Malformed, SlowBody {
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

    /** Not a failure: the normal answer, its body written a few bytes at a time. */
    record SlowBody(int bytesPerChunk, Duration pause) implements Fault {
    }

    private final Deque<Fault> queue = new ArrayDeque<>();
    private final Supplier<Instant> now;
    private Status failing;
    private Instant failingUntil;

    Faults(Supplier<Instant> now) {
        this.now = now;
    }

    /**
     * Every request is answered with {@code status} and an empty body while the simulator's clock
     * ({@code sim.clock()}, the server's, skew included) is before {@code until}; then the simulator
     * answers normally again. A failing endpoint for a while: move a {@link SimClock} past
     * {@code until} to end it. Queued faults are played after it; a later call replaces it.
     *
     * @param until  the server's instant from which requests succeed again
     * @param status the HTTP status, e.g. 503
     * @return this, to queue more
     */
    public synchronized Faults failUntil(Instant until, int status) {
        this.failingUntil = Objects.requireNonNull(until, "until");
        this.failing = new Status(status, "", null);
        return this;
    }

    /**
     * Every request is answered with {@code status} for {@code length} from now, by the simulator's
     * clock: {@link #failUntil failUntil(sim.clock().instant().plus(length), status)}.
     *
     * @param length how long, by the simulator's clock
     * @param status the HTTP status, e.g. 503
     * @return this, to queue more
     */
    public synchronized Faults failFor(Duration length, int status) {
        return failUntil(now.get().plus(Objects.requireNonNull(length, "length")), status);
    }

    /**
     * The next answer is the normal one, but its body is written {@code bytesPerChunk} bytes at a time
     * (each an HTTP chunk) with {@code pause} of real time between, as a slow link or a slow server
     * sends it. For a client's read timeouts and parsers that must cope with a body in pieces.
     *
     * @param bytesPerChunk bytes per piece; positive
     * @param pause         real time between pieces; not negative
     * @return this, to queue more
     */
    public synchronized Faults slowBodyNext(int bytesPerChunk, Duration pause) {
        if (bytesPerChunk < 1 || Objects.requireNonNull(pause, "pause").isNegative()) {
            throw new IllegalArgumentException("a slow body needs at least a byte a chunk and a pause not negative: "
                    + bytesPerChunk + ", " + pause);
        }
        queue.add(new SlowBody(bytesPerChunk, pause));
        return this;
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

    /** Forgets queued faults and ends a {@link #failUntil failure for a while}. */
    public synchronized void clear() {
        queue.clear();
        failing = null;
        failingUntil = null;
    }

    /** The failure for a while while it lasts, else the next queued fault, or null. */
    synchronized Fault poll() {
        if (failing != null) {
            if (now.get().isBefore(failingUntil)) {
                return failing;
            }
            failing = null;
            failingUntil = null;
        }
        return queue.poll();
    }
}
