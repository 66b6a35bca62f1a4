package org.sessionsdk.spring;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.observe.CallEnded;
import org.sessionsdk.core.observe.CallListener;

/**
 * What the calls to one server showed, for its health: every call of its client (the application's,
 * a managed feed's, a health probe's) ends here. Only facts safe to print are kept: the exception's
 * type, never its message, so a secret a server echoed cannot reach the health output.
 */
public final class ServerState implements CallListener {
    /** Whether the server took the credentials. */
    public enum Credentials {
        /** No answer yet. */
        UNKNOWN,
        /** A call succeeded. */
        ACCEPTED,
        /** The server refused them (or their rights). */
        REFUSED
    }

    /**
     * What the state shows at one moment.
     *
     * @param reachable           whether the last call got an answer; null before any call
     * @param credentials         whether the server took the credentials
     * @param lastSuccess         when a call last succeeded, or null
     * @param consecutiveFailures failed calls since the last success
     * @param lastError           the type of the last failure, or null
     * @param calls               calls ended so far
     */
    public record Snapshot(Boolean reachable, Credentials credentials, Instant lastSuccess,
                           int consecutiveFailures, String lastError, long calls) {
    }

    private final Clock clock;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong calls = new AtomicLong();
    private volatile Boolean reachable;
    private volatile Credentials credentials = Credentials.UNKNOWN;
    private volatile Instant lastSuccess;
    private volatile String lastError;

    ServerState(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void callEnded(CallEnded event) {
        if (event.exceptionType() == null) {
            succeeded();
        } else {
            failed(event.exceptionType(), event.statusCode() != 0);
        }
    }

    void succeeded() {
        reachable = true;
        credentials = Credentials.ACCEPTED;
        lastSuccess = clock.instant();
        lastError = null;
        failures.set(0);
        calls.incrementAndGet();
    }

    void failed(String exceptionType, boolean answered) {
        if (refusal(exceptionType)) {
            credentials = Credentials.REFUSED;
            answered = true;
        }
        reachable = answered;
        lastError = exceptionType.substring(exceptionType.lastIndexOf('.') + 1);
        failures.incrementAndGet();
        calls.incrementAndGet();
    }

    private static boolean refusal(String exceptionType) {
        try {
            Class<?> type = Class.forName(exceptionType, false, ServerState.class.getClassLoader());
            return AuthenticationException.class.isAssignableFrom(type)
                    || PermissionDeniedException.class.isAssignableFrom(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** {@return the state now} */
    public Snapshot snapshot() {
        return new Snapshot(reachable, credentials, lastSuccess, failures.get(), lastError, calls.get());
    }
}
