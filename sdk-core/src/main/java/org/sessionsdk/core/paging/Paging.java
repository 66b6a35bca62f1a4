package org.sessionsdk.core.paging;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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
    public static <T> Stream<T> concat(java.util.Iterator<? extends java.util.function.Supplier<Stream<T>>> parts) {
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
}
