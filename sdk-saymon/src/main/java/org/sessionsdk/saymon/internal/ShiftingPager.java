package org.sessionsdk.saymon.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * is a next page: reading a single page hashes nothing. A repeat, or a record newer than the last of
 * the page before (the log is newest first), shows the log growing inside the window: from then on
 * the ids of the last {@value #MAX_REMEMBERED} records read are remembered, and a page that is at
 * least half repeats or newer records doubles the next one (up to 64 times the page size, at most
 * {@value #MAX_GROWN_PAGE}) so that reading gains on the inserts. A repeat is always one of the
 * records read last (k records logged on top push the last k read onto the next page), so forgetting
 * the oldest ids loses nothing while fewer than {@value #MAX_REMEMBERED} are logged between two
 * requests, and a log of any length is read to its end. A log whose inserts keep pace with even the
 * largest page fails the stream with an {@link SdkException} instead of paging forever. Order is only a hint, never a reason
 * to drop a record, and is ignored for good once a page shows the log is not sorted by it.
 *
 * <p>Pages are streamed one at a time, never held as lists.
 *
 * @param <T> the record
 */
public final class ShiftingPager<T> extends ClosingIterator<T> {
    /** The largest page asked for when growing: a page of this many records is a few MB of JSON. */
    static final int MAX_GROWN_PAGE = 50_000;
    /**
     * Ids of the records read last, remembered once the log is seen to grow inside the window: a few
     * tens of MB at most. More than the largest page, so one request's worth of inserts never exceeds it.
     */
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
    private long repeatRun;
    /** Records read in a row on pages of the largest size that were at least half inserts. */
    private long insertRun;
    private boolean last;
    /**
     * Ids of the page being read, and of the one before, in reading order; the one before is hashed
     * only when the next page holds a record to look up (a last page exactly full is followed by an
     * empty one, which looks nothing up).
     */
    private List<String> pageIds = new ArrayList<>();
    private List<String> previousList = List.of();
    /** {@link #previousList} hashed, made on the first lookup; null until then. */
    private Set<String> previousIds;
    /** The ids read last (at most {@value #MAX_REMEMBERED}), once the log is seen growing inside the window; null until then. */
    private Set<String> remembered;
    private boolean repeatSeen;
    private boolean orderTrusted = true;
    private Long pageLast;
    private Long previousLast;

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
                boolean newer = watchOrder(order.apply(t));
                if (newer) {
                    shifted++;
                }
                if (firstSeen(id.apply(t))) {
                    fresh++;
                    delivered++;
                    return t;
                }
                if (!newer) {
                    shifted++;
                }
                continue;
            }
            if (records != null) {
                endOfPage();
            }
            if (last) {
                return null;
            }
            // a growing log repeats records, so a page trimmed to what is left of the cap may hold nothing new
            requested = remembered != null ? pageSize : (int) Math.min(pageSize, cap - delivered);
            read = 0;
            fresh = 0;
            shifted = 0;
            pageLast = null;
            page = opener.open(skip, requested);
            records = page.iterator();
        }
        return null;
    }

    /**
     * Whether a record is newer than the last one of the page before: with the log newest first, only
     * an insert can be. Trusted only while the log keeps that order inside each page; the first page
     * out of order (a server sorting by something else) turns this off for good.
     */
    private boolean watchOrder(Long at) {
        if (at == null || !orderTrusted) {
            return false;
        }
        if (pageLast != null && at > pageLast) {
            orderTrusted = false;
            if (!repeatSeen) {
                remembered = null; // the only sign of inserts was the order, which is not one
            }
            return false;
        }
        pageLast = at;
        if (previousLast != null && at > previousLast) {
            startRemembering();
            return true;
        }
        return false;
    }

    private boolean firstSeen(String key) {
        pageIds.add(key);
        if (remembered != null) {
            return remembered.add(key);
        }
        // on the first page there is nothing to compare with: do not even hash the id
        if (!previousList.isEmpty() && previousIds().contains(key)) {
            repeatSeen = true;
            startRemembering();
            return false;
        }
        return true;
    }

    /** The log grows inside the window: from now on remember every id. */
    private void startRemembering() {
        if (remembered == null) {
            // insertion order is reading order: the eldest id is the one a repeat can no longer be
            Set<String> last = Collections.newSetFromMap(new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_REMEMBERED;
                }
            });
            last.addAll(previousList);
            last.addAll(pageIds);
            remembered = last;
        }
    }

    private void endOfPage() {
        closePage();
        skip += read;
        last = read < requested || read == 0;
        previousLast = pageLast;
        if (last) {
            return;
        }
        // the ids of this page, to check the next one against (hashed only now that there is a next one)
        previousList = pageIds;
        previousIds = null;
        pageIds = new ArrayList<>();
        if (remembered == null) {
            return;
        }
        if (shifted * 2 >= read) {
            // at least half a page was logged inside the window since the last request: a larger page gains on it
            insertRun = pageSize == maxPage ? insertRun + read : 0;
            pageSize = (int) Math.min((long) pageSize * 2, maxPage);
        } else {
            insertRun = 0;
        }
        if (insertRun > MAX_REMEMBERED) {
            // the largest page is still half inserts, for longer than all the ids remembered: not gaining
            throw outgrown(insertRun + " records read on pages that were half inserts or more");
        }
        // Pages of nothing but repeats are normal for a while (crossing records read while the pages
        // grew); a run far longer than all there is to cross means the inserts keep pace with the pages.
        repeatRun = fresh == 0 ? repeatRun + read : 0;
        if (repeatRun > STUCK_FACTOR * Math.max(remembered.size(), maxPage)) {
            throw outgrown(repeatRun + " records in a row were repeats");
        }
    }

    private Set<String> previousIds() {
        if (previousIds == null) {
            previousIds = new HashSet<>(previousList);
        }
        return previousIds;
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
