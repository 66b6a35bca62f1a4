package org.sessionsdk.saymon.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.internal.ClosingIterator;

/**
 * Reads a newest-first log page by page with {@code limit}/{@code skip}, while records may still be
 * logged on top of it. Each such insert shifts the later pages down by one, so a page repeats records
 * already read; {@code skip} paging never misses one, it only repeats, and this drops the repeats.
 *
 * <p>Normally a page's records are checked against the ids of the page before, and only when there
 * is a next page: reading a single page hashes nothing. A repeat, or a record newer than one already
 * returned (the log is newest first), shows the log growing inside the window: from then on every
 * id is remembered (up to {@value #MAX_REMEMBERED}), and a page that is at least half repeats or
 * newer records doubles the next one (up to 64 times the page size, at most {@value #MAX_GROWN_PAGE})
 * so that reading gains on the inserts; order is only used for this, never to drop a record. A log
 * that outgrows that fails the stream with an {@link SdkException} instead of paging forever.
 *
 * <p>Pages are streamed one at a time, never held as lists.
 *
 * @param <T> the record
 */
public final class ShiftingPager<T> extends ClosingIterator<T> {
    /** The largest page asked for when growing: a page of this many records is a few MB of JSON. */
    static final int MAX_GROWN_PAGE = 50_000;
    /** Ids remembered once the log is seen to grow inside the window: a few tens of MB at most. */
    static final int MAX_REMEMBERED = 250_000;
    /** How many times the remembered ids a run of repeats may reach before paging gives up. */
    static final int STUCK_FACTOR = 64;

    /** Opens the page of at most {@code limit} records after the newest {@code skip}. */
    @FunctionalInterface
    public interface PageOpener<T> {
        Stream<T> open(long skip, int limit);
    }

    private final PageOpener<T> opener;
    private final Function<T, String> id;
    private final Function<T, Long> order;
    private final int maxPage;
    private final long cap;
    private final String what;

    private int pageSize;
    private long skip;
    private long delivered;
    private Stream<T> page;
    private Iterator<T> records;
    private int requested;
    private int read;
    private int fresh;
    private int shifted;
    private long oldest = Long.MAX_VALUE;
    private long repeatRun;
    private boolean last;
    /** Ids of the page being read (normal mode), for checking the next page against. */
    private final List<String> pageIds = new ArrayList<>();
    /** Ids of the page before (normal mode); every id once the log grows (growing mode). */
    private Set<String> seen = Set.of();
    private boolean growing;

    private ShiftingPager(PageOpener<T> opener, Function<T, String> id, Function<T, Long> order, int pageSize,
                          long cap, String what) {
        super(() -> { }); // the page being read is the resource; releaseParser closes it
        this.opener = opener;
        this.id = id;
        this.order = order;
        this.pageSize = pageSize;
        this.maxPage = Math.max(pageSize, (int) Math.min((long) pageSize * 64, MAX_GROWN_PAGE));
        this.cap = cap;
        this.what = what;
    }

    /**
     * @param id       a record's unique id
     * @param order    the time the log is sorted by, newest first; null when unknown
     * @param pageSize records per request, at least 1
     * @param cap      most records to return; {@code Long.MAX_VALUE} for all
     * @param what     names the log in the error for a log that cannot be caught up with
     */
    public static <T> Stream<T> stream(PageOpener<T> opener, Function<T, String> id, Function<T, Long> order,
                                       int pageSize, long cap, String what) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        return new ShiftingPager<>(opener, id, order, pageSize, cap, what).toStream();
    }

    @Override
    protected T advance() {
        while (delivered < cap) {
            if (records != null && records.hasNext()) {
                T t = records.next();
                read++;
                Long at = order.apply(t);
                boolean newer = at != null && at > oldest;
                if (newer) {
                    shifted++;
                    startGrowing();
                } else if (at != null) {
                    oldest = at;
                }
                if (firstSeen(id.apply(t))) {
                    fresh++;
                    delivered++;
                    return t;
                }
                shifted += newer ? 0 : 1;
                continue;
            }
            if (records != null) {
                endOfPage();
            }
            if (last) {
                return null;
            }
            // a growing log repeats records, so a page trimmed to what is left of the cap may hold nothing new
            requested = growing ? pageSize : (int) Math.min(pageSize, cap - delivered);
            read = 0;
            fresh = 0;
            shifted = 0;
            page = opener.open(skip, requested);
            records = page.iterator();
        }
        return null;
    }

    private boolean firstSeen(String key) {
        if (growing) {
            if (!seen.add(key)) {
                return false;
            }
            if (seen.size() > MAX_REMEMBERED) {
                throw outgrown(MAX_REMEMBERED + " records read");
            }
            return true;
        }
        if (seen.contains(key)) {
            startGrowing();
            return false;
        }
        pageIds.add(key);
        return true;
    }

    /** The log grows inside the window: from now on remember every id. */
    private void startGrowing() {
        if (!growing) {
            growing = true;
            Set<String> all = new HashSet<>(seen);
            all.addAll(pageIds);
            seen = all;
            pageIds.clear();
        }
    }

    private void endOfPage() {
        closePage();
        skip += read;
        last = read < requested || read == 0;
        if (last) {
            return;
        }
        if (!growing) {
            seen = new HashSet<>(pageIds);
            pageIds.clear();
            return;
        }
        if (shifted * 2 >= read) {
            // at least half a page was logged inside the window since the last request: a larger page gains on it
            pageSize = (int) Math.min((long) pageSize * 2, maxPage);
        }
        // Pages of nothing but repeats are normal for a while (crossing records read while the pages
        // grew); a run far longer than all there is to cross means the inserts keep pace with the pages.
        repeatRun = fresh == 0 ? repeatRun + read : 0;
        if (repeatRun > STUCK_FACTOR * Math.max(seen.size(), maxPage)) {
            throw outgrown(repeatRun + " records in a row were repeats");
        }
    }

    private SdkException outgrown(String why) {
        return new SdkException(what + " grows inside the requested window faster than it can be paged (" + why
                + "); set an earlier 'to' bound");
    }

    private void closePage() {
        Stream<T> p = page;
        page = null;
        records = null;
        if (p != null) {
            p.close();
        }
    }

    @Override
    protected RuntimeException translate(Exception e) {
        return e instanceof RuntimeException r ? r : new SdkException(e.getMessage(), e);
    }

    @Override
    protected void releaseParser() {
        closePage();
    }
}
