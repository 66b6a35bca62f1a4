package org.sessionsdk.core.internal.paging;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Several lazily opened streams read one after the other as one stream: the next part is opened only
 * when the previous one is used up (and closed); closing the result closes the part being read.
 *
 * <p>Unlike {@code flatMap}, a part is never buffered whole when the result is read through its
 * iterator, so memory stays constant however long each part is.
 *
 * <p>Use it through {@link Paging#concat}.
 */
final class SequentialStreams {
    private SequentialStreams() {
    }

    static <T> Stream<T> concat(Iterator<? extends Supplier<Stream<T>>> parts) {
        Reader<T> reader = new Reader<>(parts);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(reader::close);
    }

    private static final class Reader<T> implements Iterator<T> {
        private final Iterator<? extends Supplier<Stream<T>>> parts;
        private Stream<T> current;
        private Iterator<T> items = Collections.emptyIterator();
        private boolean closed;

        Reader(Iterator<? extends Supplier<Stream<T>>> parts) {
            this.parts = parts;
        }

        @Override
        public boolean hasNext() {
            while (!items.hasNext()) {
                closeCurrent();
                if (closed || !parts.hasNext()) {
                    return false;
                }
                current = parts.next().get();
                items = current.iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.next();
        }

        private void closeCurrent() {
            Stream<T> s = current;
            current = null;
            items = Collections.emptyIterator();
            if (s != null) {
                s.close();
            }
        }

        void close() {
            closed = true;
            closeCurrent();
        }
    }
}
