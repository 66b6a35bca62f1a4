package org.sessionsdk.core.internal;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The skeleton every lazy response stream shares: compute the next record on demand, release the
 * connection at the end, on the first failure or when the stream is closed, and turn parser
 * exceptions into the SDK's own. Subclasses say how to advance, how to translate a failure and
 * what to release.
 *
 * <p>SDK-internal.
 */
public abstract class ClosingIterator<T> implements Iterator<T>, AutoCloseable {
    private final AutoCloseable resource;
    /** The observed call whose records this counts, or null. */
    private final CallResponse observed;
    private T next;
    private boolean done;
    private boolean closed;

    protected ClosingIterator(AutoCloseable resource) {
        this.resource = resource;
        this.observed = resource instanceof CallResponse r && r.observed() ? r : null;
    }

    /** The next record, or null at the end. */
    protected abstract T advance() throws Exception;

    /** The SDK exception for a parser's checked exception. */
    protected abstract RuntimeException translate(Exception e);

    /** Closes the parser; the resource is closed after it. */
    protected abstract void releaseParser();

    @Override
    public final boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            next = advance();
        } catch (RuntimeException e) {
            fail(e);
            throw e;
        } catch (Exception e) {
            RuntimeException t = translate(e);
            fail(t);
            throw t;
        }
        if (next == null) {
            close();
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T t = next;
        next = null;
        if (observed != null) {
            observed.recordParsed();
        }
        return t;
    }

    /**
     * The stream's {@code forEach} path: one {@link #advance} per record, without the {@code hasNext}
     * then {@code next} pair per record of the default; the same records, counting, failures and release.
     */
    @Override
    public final void forEachRemaining(Consumer<? super T> action) {
        Objects.requireNonNull(action);
        if (next != null) {
            action.accept(next());
        }
        while (!done) {
            T t;
            try {
                t = advance();
            } catch (RuntimeException e) {
                fail(e);
                throw e;
            } catch (Exception e) {
                RuntimeException tr = translate(e);
                fail(tr);
                throw tr;
            }
            if (t == null) {
                close();
                return;
            }
            if (observed != null) {
                observed.recordParsed();
            }
            action.accept(t);
        }
    }

    private void fail(RuntimeException e) {
        if (observed != null) {
            observed.failed(e);
        }
        close();
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        done = true;
        releaseParser();
        closeQuietly(resource);
    }

    /** A sequential lazy stream over this iterator whose {@code close()} releases it. */
    public final Stream<T> toStream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    /** Closes, ignoring failures: a connection that will not close is dropped either way. */
    public static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing more can be done
        }
    }
}
