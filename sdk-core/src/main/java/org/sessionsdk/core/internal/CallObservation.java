package org.sessionsdk.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.sessionsdk.core.observe.AttemptEnded;
import org.sessionsdk.core.observe.AttemptStarted;
import org.sessionsdk.core.observe.CallEnded;
import org.sessionsdk.core.observe.CallInfo;
import org.sessionsdk.core.observe.HeaderSetter;

/**
 * One logical call as its listeners hear it: attempts, the answer, the body's bytes and records, and
 * its single end. Made by {@link CallListeners#start}; the pipeline reports attempts, {@link CallResponse}
 * and the streaming parsers report the body.
 *
 * <p>SDK-internal. The attempts run on the caller's thread; the end may come from the thread that
 * closes a stream, once.
 */
public final class CallObservation {
    private final CallInfo info;
    private final CallListeners listeners;
    private final long startNanos = System.nanoTime();
    private int attempts;
    private int sends;
    private int status;
    private String requestId;
    private long bytes;
    private long records;
    private boolean ended;

    CallObservation(CallInfo info, CallListeners listeners) {
        this.info = info;
        this.listeners = listeners;
    }

    /** {@return what the call is} */
    public CallInfo info() {
        return info;
    }

    /**
     * An attempt is about to be sent.
     *
     * @param attempt     which, from 1
     * @param retryReason why the one before is repeated, or null
     * @param retryDelay  the wait before it, or null
     * @param headers     adds headers to its request
     */
    public void attemptStarted(int attempt, String retryReason, Duration retryDelay, HeaderSetter headers) {
        attempts = attempt;
        AttemptStarted e = new AttemptStarted(info, attempt, sends++, retryReason, retryDelay);
        listeners.each(l -> l.attemptStarted(e, headers));
    }

    /**
     * An attempt got its headers, or failed.
     *
     * @param attempt    which, from 1
     * @param statusCode the status, or 0
     * @param sentNanos  {@link System#nanoTime()} when it was sent
     * @param requestId  the server's request id, or null
     * @param failure    the transport failure, or null
     */
    public void attemptEnded(int attempt, int statusCode, long sentNanos, String requestId, Throwable failure) {
        this.status = statusCode;
        this.requestId = requestId;
        AttemptEnded e = new AttemptEnded(info, attempt, statusCode, Duration.ofNanos(System.nanoTime() - sentNanos),
                requestId, failure == null ? null : failure.getClass().getName());
        listeners.each(l -> l.attemptEnded(e));
    }

    /** One record parsed from the body and handed on. */
    public void recordParsed() {
        records++;
    }

    /**
     * @param body the 2xx body
     * @return the body, counting the bytes read from it
     */
    InputStream counting(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes++;
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytes += n;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long s = super.skip(n);
                bytes += s;
                return s;
            }
        };
    }

    /**
     * The call failed; the first end counts.
     *
     * @param failure what it failed with
     */
    public void failed(Throwable failure) {
        end(failure);
    }

    /** The call ended well (its body closed); the first end counts. */
    public void succeeded() {
        end(null);
    }

    private void end(Throwable failure) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        CallEnded e = new CallEnded(info, attempts, status, Duration.ofNanos(System.nanoTime() - startNanos), bytes,
                records, requestId, failure == null ? null : failure.getClass().getName());
        listeners.each(l -> l.callEnded(e));
    }
}
