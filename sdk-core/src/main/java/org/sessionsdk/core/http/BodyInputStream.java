package org.sessionsdk.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.internal.concurrent.SdkExecutors;

/**
 * A response body as an {@link InputStream}, fed by the JDK client one chunk at a time.
 *
 * <p>Why not {@code BodyHandlers.ofInputStream()}: its {@code read} blocks forever when a server
 * stalls mid-body, and its buffering is not bounded by demand. Here each read waits at most the
 * read timeout, only one chunk is requested ahead (memory stays constant however long the body is),
 * and closing cancels the subscription, which drops the connection. An asynchronous call asks for the
 * whole body first ({@link #buffer}): chunks are then requested as fast as they come, and the read
 * timeout is kept by a timer instead of a waiting thread.
 */
final class BodyInputStream extends InputStream implements HttpResponse.BodySubscriber<InputStream>, BufferingBody {
    private static final List<ByteBuffer> END = List.of();
    /** Wakes a reader blocked in {@code take} when another thread closes the stream (a deadline). */
    private static final Object CLOSED = new Object();

    private final long readTimeoutNanos;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<InputStream> body = CompletableFuture.completedFuture(this);
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> chunks = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean finished;
    private volatile boolean closed;
    /** Guards the buffering state below, written by the client's thread and the buffering caller's. */
    private final Object gathering = new Object();
    private CompletableFuture<Void> gathered;
    private long gatherLimit;
    private long gatheredBytes;
    private boolean ended;
    private volatile long lastChunkNanos = System.nanoTime();
    /** The read timeout's check while gathering; cancelled when the body ends or enough is held. */
    private volatile java.util.concurrent.ScheduledFuture<?> watch;

    BodyInputStream(java.time.Duration readTimeout) {
        this.readTimeoutNanos = readTimeout.toNanos();
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
        lastChunkNanos = System.nanoTime();
        CompletableFuture<Void> done = null;
        boolean more = false;
        synchronized (gathering) {
            if (gathered != null && !gathered.isDone()) {
                gatheredBytes += bytes(item);
                if (gatheredBytes >= gatherLimit) {
                    done = gathered;
                } else {
                    more = true;
                }
            }
        }
        if (more) {
            subscription.request(1);
        } else if (done != null) {
            gatheredEnough(done);
        }
    }

    /** Completes the gathering and stops its read-timeout check. */
    private void gatheredEnough(CompletableFuture<Void> done) {
        java.util.concurrent.ScheduledFuture<?> w = watch;
        if (w != null) {
            w.cancel(false);
        }
        done.complete(null);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(throwable);
        end();
    }

    @Override
    public void onComplete() {
        queue.add(END);
        end();
    }

    private void end() {
        CompletableFuture<Void> done;
        synchronized (gathering) {
            ended = true;
            done = gathered;
        }
        if (done != null) {
            gatheredEnough(done);
        }
    }

    @Override
    public CompletionStage<Void> buffer(long bytes) {
        CompletableFuture<Void> g;
        synchronized (gathering) {
            if (gathered != null) {
                return gathered;
            }
            g = gathered = new CompletableFuture<>();
            gatherLimit = bytes;
            for (Object o : queue) { // what arrived before anyone asked: at most one chunk
                if (o instanceof List<?> chunk) {
                    @SuppressWarnings("unchecked")
                    List<ByteBuffer> c = (List<ByteBuffer>) chunk;
                    gatheredBytes += bytes(c);
                }
            }
            if (ended || closed || gatheredBytes >= bytes) {
                g.complete(null);
                return g;
            }
        }
        Flow.Subscription s = subscription;
        if (s != null) {
            s.request(1);
        }
        watch(readTimeoutNanos);
        return g;
    }

    /** The read timeout without a waiting thread: checks after it would have passed, again if bytes came meanwhile. */
    private void watch(long afterNanos) {
        watch = SdkExecutors.check(() -> {
            CompletableFuture<Void> g = gathered;
            if (g.isDone()) {
                return;
            }
            long idle = System.nanoTime() - lastChunkNanos;
            if (idle < readTimeoutNanos) {
                watch(readTimeoutNanos - idle);
                return;
            }
            // what the stall completes runs on the async pool, never on the timer's one thread
            SdkExecutors.async().execute(this::stalled);
        }, afterNanos);
        if (gathered.isDone()) { // ended while the check was being set
            watch.cancel(false);
        }
    }

    /** Ends a body that stalled while being gathered: its reader meets the read timeout where it would have. */
    private void stalled() {
        // the timeout first: cancelling makes some JDKs (25) report the cut body as an IOException of
        // their own through onError, which must queue behind it
        queue.add(new TransportTimeoutException(TransportException.Kind.READ_TIMEOUT,
                "no body bytes within " + (readTimeoutNanos / 1_000_000) + " ms", null));
        end();
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private static long bytes(List<ByteBuffer> chunk) {
        long n = 0;
        for (ByteBuffer b : chunk) {
            n += b.remaining();
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("body stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (!advance()) {
            return -1;
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    /** Makes {@code current} a buffer with bytes left; false at the end of the body. */
    private boolean advance() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (chunks.hasNext()) {
                current = chunks.next();
                continue;
            }
            if (finished) {
                return false;
            }
            Object next = take();
            if (next == END) {
                finished = true;
                return false;
            }
            if (next == CLOSED) {
                finished = true;
                throw new IOException("body stream closed");
            }
            if (next instanceof Throwable t) {
                finished = true;
                throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> list = (List<ByteBuffer>) next;
            chunks = list.iterator();
            Flow.Subscription s = subscription;
            if (s != null) {
                s.request(1);
            }
        }
        return true;
    }

    private Object take() throws IOException {
        try {
            Object next = queue.poll(readTimeoutNanos, TimeUnit.NANOSECONDS);
            if (next == null) {
                close();
                throw new TransportTimeoutException(TransportException.Kind.READ_TIMEOUT,
                        "no body bytes within " + (readTimeoutNanos / 1_000_000) + " ms", null);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new java.io.InterruptedIOException("interrupted while reading the response body");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        queue.clear();
        queue.add(CLOSED);
    }
}
