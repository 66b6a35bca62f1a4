package org.sessionsdk.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.sessionsdk.core.error.TransportException.Kind;

/**
 * A response body that is cut off at a deadline. Why a timer and not a check per read: a server
 * that sends one byte just inside every read timeout keeps each read short and the body endless; at
 * the deadline the timer closes the body under the blocked reader, whose read then fails with a
 * {@link Kind#CALL_TIMEOUT}.
 */
final class DeadlineBody extends FilterInputStream {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final String message;
    private final ScheduledFuture<?> alarm;
    private volatile boolean expired;

    DeadlineBody(InputStream body, long deadlineNanos, String message) {
        super(body);
        this.message = message;
        this.alarm = TIMER.schedule(this::expire, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // the reader's next read fails either way
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (expired) {
            throw timedOut(null);
        }
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            throw expired ? timedOut(e) : e;
        }
        if (n < 0 && expired) {
            throw timedOut(null); // a transport whose closed stream reads as its end
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (expired) {
            throw timedOut(null);
        }
        try {
            return in.skip(n);
        } catch (IOException e) {
            throw expired ? timedOut(e) : e;
        }
    }

    @Override
    public void close() throws IOException {
        alarm.cancel(false);
        in.close();
    }

    private Exceeded timedOut(IOException cause) {
        return new Exceeded(message, cause);
    }

    /** The deadline ran out while the body was read; {@link TransportErrors} makes it a {@link Kind#CALL_TIMEOUT}. */
    static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;

        Exceeded(String message, IOException cause) {
            super(message, cause);
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "sessionsdk-deadline");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true); // a body read in time leaves nothing queued behind
        return t;
    }
}
