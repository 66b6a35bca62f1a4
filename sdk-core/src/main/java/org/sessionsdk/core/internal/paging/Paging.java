package org.sessionsdk.core.internal.paging;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.concurrent.CompletableFuture;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.sessionsdk.core.error.ResponseFormatException;

/**
 * Turns "fetch page k" into one lazy stream: a page is fetched only when the previous one is used
 * up, and paging stops on a page shorter than the page size (or empty). Users never write the loop.
 */
public final class Paging {
    private Paging() {
    }

    /**
     * Several lazily opened streams (windows, pages) read one after another as one stream. A part is
     * opened only when the previous one is used up, and closed then; closing the result closes the
     * part being read. Unlike {@code flatMap}, no part is ever buffered whole.
     *
     * @param parts opens each part when it is its turn
     * @param <T>   the element type
     * @return one lazy stream; close it
     */
    public static <T> Stream<T> concat(Iterator<? extends Supplier<Stream<T>>> parts) {
        return SequentialStreams.concat(parts);
    }

    /**
     * Fetches page {@code k} (from 0) of at most {@code pageSize} items.
     *
     * @param <T> the element type
     */
    @FunctionalInterface
    public interface PageFetcher<T> {
        /**
         * Fetches one page.
         *
         * @param k        the page number, from 0
         * @param pageSize the most items the page may hold
         * @return the page's items; fewer than {@code pageSize} (or none) ends the paging
         */
        List<T> page(int k, int pageSize);
    }

    /**
     * Streams all pages.
     *
     * @param pageSize items asked for per page, at least 1
     * @param fetcher  fetches one page
     * @param <T>      the element type
     * @return a lazy stream; the first page is fetched when the stream is first read
     */
    public static <T> Stream<T> stream(int pageSize, PageFetcher<T> fetcher) {
        return stream(pageSize, Long.MAX_VALUE, fetcher);
    }

    /**
     * Streams pages until a short page or {@code maxItems} items, whichever comes first.
     * The last page asked for is trimmed so no more than {@code maxItems} are fetched.
     *
     * @param pageSize items asked for per page, at least 1
     * @param maxItems the most items to fetch in all
     * @param fetcher  fetches one page
     * @param <T>      the element type
     * @return a lazy stream; the first page is fetched when the stream is first read
     * @throws IllegalArgumentException if {@code pageSize} is below 1
     */
    public static <T> Stream<T> stream(int pageSize, long maxItems, PageFetcher<T> fetcher) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        Iterator<T> it = new Iterator<>() {
            private Iterator<T> current = Collections.emptyIterator();
            private int k;
            private long delivered;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (last || delivered >= maxItems) {
                        return false;
                    }
                    int size = (int) Math.min(pageSize, maxItems - delivered);
                    List<T> page = fetcher.page(k++, size);
                    last = page.size() < size || page.isEmpty();
                    current = page.iterator();
                }
                return delivered < maxItems;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                delivered++;
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }
    /**
     * Opens page {@code k} (from 0) of at most {@code pageSize} items as a lazy stream, e.g. one parsed
     * as its body arrives.
     *
     * @param <T> the element type
     */
    @FunctionalInterface
    public interface PageStreamer<T> {
        /**
         * Opens one page.
         *
         * @param k        the page number, from 0
         * @param pageSize the most items the page may hold
         * @return the page's items, lazily; fewer than {@code pageSize} (or none) ends the paging
         */
        Stream<T> page(int k, int pageSize);
    }

    /**
     * Streams all pages without holding one whole: each page is read as it arrives and the next one is
     * opened only when it is used up. Paging stops on a page shorter than {@code pageSize} (or empty).
     *
     * @param pageSize items asked for per page, at least 1
     * @param fetcher  opens one page
     * @param <T>      the element type
     * @return one lazy stream; the first page is opened when the stream is first read; close it
     * @throws IllegalArgumentException if {@code pageSize} is below 1
     */
    public static <T> Stream<T> streamPages(int pageSize, PageStreamer<T> fetcher) {
        Objects.requireNonNull(fetcher, "fetcher");
        return concat(new PageParts<Stream<T>>(pageSize) {
            @Override
            Stream<T> open(Integer k) {
                return fetcher.page(k, pageSize).peek(x -> counted(1));
            }
        });
    }

    /**
     * Fetches page {@code k} (from 0) of at most {@code pageSize} items without a thread waiting.
     *
     * @param <T> the element type
     */
    @FunctionalInterface
    public interface AsyncPageFetcher<T> {
        /**
         * Starts fetching one page.
         *
         * @param k        the page number, from 0
         * @param pageSize the most items the page may hold
         * @return completes with the page's items; fewer than {@code pageSize} (or none) ends the paging
         */
        CompletableFuture<List<T>> page(int k, int pageSize);
    }

    /**
     * {@link #streamPages} for asynchronous calls: each page asked once the one before is in, with no
     * thread waiting meanwhile, the same stop rule.
     *
     * @param pageSize items asked for per page, at least 1
     * @param fetcher  starts fetching one page
     * @param <T>      the element type
     * @return completes with every page's items in order
     */
    public static <T> CompletableFuture<List<T>> pagesAsync(int pageSize, AsyncPageFetcher<T> fetcher) {
        Objects.requireNonNull(fetcher, "fetcher");
        return AsyncParts.sequence(new PageParts<CompletableFuture<List<T>>>(pageSize) {
            @Override
            CompletableFuture<List<T>> open(Integer k) {
                return fetcher.page(k, pageSize).thenApply(this::countedAll);
            }
        });
    }

    /**
     * Starts fetching the batch after a cursor and reports the cursor the answer names for the next.
     *
     * @param <T> the element type
     * @param <C> the cursor, compared with {@code equals}
     */
    @FunctionalInterface
    public interface AsyncCursorFetcher<T, C> {
        /**
         * Starts fetching one batch.
         *
         * @param cursor    where the batch starts (see {@link CursorStreamer#batch})
         * @param batchSize the most items the batch may hold
         * @param next      receives the cursor this answer names for the next batch, before the future completes
         * @return completes with the batch's items; fewer than {@code batchSize} (or none) ends the paging
         */
        CompletableFuture<List<T>> batch(C cursor, int batchSize, Consumer<C> next);
    }

    /**
     * {@link #byCursor} for asynchronous calls: each batch asked once the one before is in, with no
     * thread waiting meanwhile, the same rules.
     *
     * @param first     the cursor of the first batch, or null to start at the beginning
     * @param batchSize items asked for per batch, at least 1
     * @param what      names the list in messages
     * @param fetcher   starts fetching one batch
     * @param <T>       the element type
     * @param <C>       the cursor
     * @return completes with every batch's items in order
     */
    public static <T, C> CompletableFuture<List<T>> byCursorAsync(C first, int batchSize, String what,
                                                                  AsyncCursorFetcher<T, C> fetcher) {
        Objects.requireNonNull(fetcher, "fetcher");
        return AsyncParts.sequence(new CursorParts<CompletableFuture<List<T>>, C>(batchSize, first, what) {
            @Override
            CompletableFuture<List<T>> open(C cursor, Consumer<C> next) {
                return fetcher.batch(cursor, batchSize, next).thenApply(this::countedAll);
            }
        });
    }

    /**
     * Opens the batch after a cursor as a lazy stream and reports the cursor the answer names for the
     * next batch.
     *
     * @param <T> the element type
     * @param <C> the cursor, compared with {@code equals}
     */
    @FunctionalInterface
    public interface CursorStreamer<T, C> {
        /**
         * Opens one batch.
         *
         * @param cursor    where the batch starts: the first cursor given, then what the previous
         *                  batch named (null for the first batch when none was given)
         * @param batchSize the most items the batch may hold
         * @param next      receives the cursor this answer names for the next batch; may be called any
         *                  time while the batch is read (an envelope field may come after the items),
         *                  the last value counts
         * @return the batch's items, lazily; fewer than {@code batchSize} (or none) ends the paging
         */
        Stream<T> batch(C cursor, int batchSize, Consumer<C> next);
    }

    /**
     * Follows a cursor to the end without holding a batch whole: each batch is read as it arrives, and
     * the next is asked with the cursor the previous answer named. Paging stops on a batch shorter
     * than {@code batchSize} (or empty). A full batch whose answer names no cursor, or the cursor it was
     * asked with, would page forever: that is a {@link ResponseFormatException}
     * naming {@code what}.
     *
     * @param first     the cursor of the first batch, or null to start at the beginning
     * @param batchSize items asked for per batch, at least 1
     * @param what      names the list in messages, e.g. {@code "Ekran alerts"}
     * @param fetcher   opens one batch
     * @param <T>       the element type
     * @param <C>       the cursor
     * @return one lazy stream; the first batch is opened when the stream is first read; close it
     * @throws IllegalArgumentException if {@code batchSize} is below 1
     */
    public static <T, C> Stream<T> byCursor(C first, int batchSize, String what, CursorStreamer<T, C> fetcher) {
        Objects.requireNonNull(fetcher, "fetcher");
        return concat(new CursorParts<Stream<T>, C>(batchSize, first, what) {
            @Override
            Stream<T> open(C cursor, Consumer<C> next) {
                return fetcher.batch(cursor, batchSize, next).peek(x -> counted(1));
            }
        });
    }

    /** Pages 0, 1, 2, ... while each was full. */
    private abstract static class PageParts<R> extends Parts<R, Integer> {
        PageParts(int size) {
            super(size, 0);
        }

        @Override
        Integer following(Integer k) {
            return k + 1;
        }
    }

    /** Batches after the cursor each answer named, while each was full and the cursor moved. */
    private abstract static class CursorParts<R, C> extends Parts<R, C> {
        private final String what;
        private C named;

        CursorParts(int size, C first, String what) {
            super(size, first);
            this.what = Objects.requireNonNull(what, "what");
        }

        /** Opens the batch at {@code cursor}; {@code next} takes the cursor its answer names. */
        abstract R open(C cursor, Consumer<C> next);

        @Override
        final R open(C cursor) {
            named = null;
            return open(cursor, c -> named = c);
        }

        @Override
        C following(C cursor) {
            if (named == null || named.equals(cursor)) {
                throw new ResponseFormatException(
                        "a cursor that moves past " + cursor + " after a full batch",
                        named == null ? "no cursor" : "the same cursor", what);
            }
            return named;
        }
    }

    /**
     * The parts of a paged read: part 0 at {@code first}, then while the last part was full, the part
     * at {@code following(...)}. Each part counts its items as they are read ({@link #counted}), so
     * nothing is held; a part is a lazy stream, or the future of a list for asynchronous reads.
     */
    private abstract static class Parts<R, P> implements Iterator<Supplier<R>> {
        private final int size;
        private P position;
        private boolean started;
        private long lastCount;

        Parts(int size, P first) {
            if (size < 1) {
                throw new IllegalArgumentException("page size must be at least 1");
            }
            this.size = size;
            this.position = first;
        }

        abstract R open(P position);

        /** Where the part after a full one at {@code position} starts; throws if it cannot move on. */
        abstract P following(P position);

        @Override
        public boolean hasNext() {
            return !started || lastCount >= size;
        }

        @Override
        public Supplier<R> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (started) {
                position = following(position);
            }
            started = true;
            lastCount = 0;
            P at = position;
            return () -> open(at);
        }

        /** The part being read delivered {@code n} more items. */
        final void counted(long n) {
            lastCount += n;
        }

        /** A whole part arrived: counts it. */
        final <T> List<T> countedAll(List<T> items) {
            counted(items.size());
            return items;
        }
    }
}
