package org.sessionsdk.core.internal.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.Checkpoint;

/**
 * What an audit window feed remembers of the entries it has read within the overlap, so a window read
 * again delivers none twice, in a checkpoint that stays small at any rate.
 *
 * <p>The newest entries are remembered by id. Older ones, once the ids pass a budget, are remembered
 * per bucket (a scope, such as SAYMON's user, and a stretch of time) as the bucket's count and the sum
 * of a 64-bit hash of each id: about 16 bytes a bucket instead of tens of bytes an entry. A bucket the
 * server lists again with the same count and sum holds exactly the entries delivered before and is
 * skipped whole. A bucket that changed (a late row landed in it, or one was removed) is delivered
 * again whole: its new row among repeats, never a loss, since a hash cannot tell which ids are new.
 * A row landing late mostly lands in the newest seconds, which are remembered by id, so repeats are
 * rare; and a feed that stays under the budget (about 10,000 short ids) never repeats anything.
 *
 * <p>Only what the next poll can read is kept: the window reaches back one overlap before the
 * previous poll, and an entry older than that is never delivered again whatever is remembered of it,
 * so it is forgotten (a scope may ask to keep its entries longer: a SAYMON user read again from an
 * older position). A bucket is compacted only when it lies wholly inside the next poll's window (so
 * the server's listing of it is whole); one that comes to straddle the window's start is turned back
 * into ids from the listing that just matched it.
 */
final class DeliveredIds {
    /** How many characters of ids (plus 8 per id for its time) are kept exactly before older buckets are compacted. */
    static final int EXACT_BUDGET = 160 * 1024;

    /** A scope and a bucket of time (epoch ms divided by the width). */
    private record Key(String scope, long bucket) {
    }

    /** The count of a bucket's ids and the sum of their hashes (order-free, so no sorting is needed to compare). */
    private record Digest(long count, long sum) {
        Digest plus(String id) {
            return new Digest(count + 1, sum + hash(id));
        }

        Digest plus(Digest d) {
            return new Digest(count + d.count, sum + d.sum);
        }
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::scope).thenComparingLong(Key::bucket);

    private final Function<String, String> scopeOf;
    private final long width;
    private final Map<String, Long> exact = new HashMap<>();
    private final TreeMap<Key, Digest> digests = new TreeMap<>(ORDER);

    /**
     * @param scopeOf the scope of an id ({@code ""} for one log)
     * @param width   a bucket's stretch of time, in ms
     */
    DeliveredIds(Function<String, String> scopeOf, long width) {
        this.scopeOf = scopeOf;
        this.width = width;
    }

    /** How one poll's entries sort into new ones and remembered ones. */
    final class Sorting {
        private final long now;
        private final Set<String> read = new HashSet<>();
        private final List<AuditEvent> fresh = new ArrayList<>();
        private final Map<Key, List<AuditEvent>> grouped = new HashMap<>();
        private final Map<Key, Digest> listed = new HashMap<>();
        private final Set<Key> changed = new HashSet<>();
        private final Map<Key, List<AuditEvent>> matched = new HashMap<>();

        private Sorting(long now) {
            this.now = now;
        }

        /**
         * Takes one entry the poll read (the same id read twice counts once).
         *
         * @param e the entry
         */
        void accept(AuditEvent e) {
            if (!read.add(e.id())) {
                return;
            }
            Key k = key(e.id(), time(e, now));
            if (digests.containsKey(k)) {
                grouped.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
                listed.merge(k, new Digest(1, hash(e.id())), Digest::plus);
            } else if (!exact.containsKey(e.id())) {
                fresh.add(e);
            }
        }

        /**
         * {@return the entries not delivered before, in the order read, then those of changed buckets}
         *
         * @param straddleBefore matched buckets starting before this are kept to be turned back into ids
         */
        List<AuditEvent> fresh(long straddleBefore) {
            grouped.forEach((k, entries) -> {
                if (listed.get(k).equals(digests.get(k))) {
                    if (k.bucket() * width < straddleBefore) {
                        matched.put(k, entries);
                    }
                } else {
                    changed.add(k);
                    fresh.addAll(entries);
                }
            });
            grouped.clear();
            return fresh;
        }
    }

    /**
     * Starts sorting one poll's entries.
     *
     * @param now the poll's instant (ms), the time of an entry without one
     * @return the sorting
     */
    Sorting sorting(long now) {
        return new Sorting(now);
    }

    /**
     * Remembers a poll: the new entries taken (delivered, or history), not those held back for the
     * next batch; then forgets what the next window cannot read and compacts the older buckets.
     *
     * @param s         the poll's sorting, after {@link Sorting#fresh}
     * @param held      ids read but not delivered (the batch was full): found again next poll
     * @param keepAfter where the next poll's window starts (ms)
     * @param keep      whether a scope's entry at a time is kept even before {@code keepAfter}
     */
    void commit(Sorting s, Set<String> held, long keepAfter, ScopeKeep keep) {
        Set<Key> heldKeys = new HashSet<>();
        for (Key k : s.changed) {
            digests.remove(k); // its entries were taken again: they are remembered by id below
        }
        for (AuditEvent e : s.fresh) {
            long t = time(e, s.now);
            if (held.contains(e.id())) {
                heldKeys.add(key(e.id(), t));
            } else {
                exact.put(e.id(), t);
            }
        }
        s.matched.forEach((k, entries) -> {
            if (k.bucket() * width < keepAfter && !keep.keeps(k.scope(), k.bucket() * width)) {
                digests.remove(k);
                for (AuditEvent e : entries) {
                    long t = time(e, s.now);
                    if (t >= keepAfter) {
                        exact.put(e.id(), t); // a bucket straddling the next window's start: ids again
                    }
                }
            }
        });
        exact.entrySet().removeIf(e -> e.getValue() < keepAfter && !keep.keeps(scopeOf.apply(e.getKey()), e.getValue()));
        digests.keySet().removeIf(k -> k.bucket() * width < keepAfter && !keep.keeps(k.scope(), k.bucket() * width));
        compact(heldKeys, keepAfter, keep);
    }

    /** Whether a scope's entries at a time are kept beyond the overlap. */
    @FunctionalInterface
    interface ScopeKeep {
        boolean keeps(String scope, long time);
    }

    private void compact(Set<Key> heldKeys, long keepAfter, ScopeKeep keep) {
        long cost = 0;
        for (String id : exact.keySet()) {
            cost += id.length() + 8;
        }
        if (cost <= EXACT_BUDGET) {
            return;
        }
        TreeMap<Key, List<String>> byKey = new TreeMap<>(Comparator.comparingLong(Key::bucket).reversed()
                .thenComparing(Key::scope));
        for (Map.Entry<String, Long> e : exact.entrySet()) {
            byKey.computeIfAbsent(key(e.getKey(), e.getValue()), x -> new ArrayList<>()).add(e.getKey());
        }
        long kept = 0;
        for (Map.Entry<Key, List<String>> b : byKey.entrySet()) {
            Key k = b.getKey();
            long size = 0;
            for (String id : b.getValue()) {
                size += id.length() + 8;
            }
            // the newest buckets stay ids; one not wholly inside the next window, one with entries held
            // back, or one of a scope kept longer (read again from an older position) is never compacted
            boolean compactable = kept > 0 && k.bucket() * width >= keepAfter && !heldKeys.contains(k)
                    && !keep.keeps(k.scope(), k.bucket() * width);
            if (!compactable || kept + size <= EXACT_BUDGET) {
                kept += size;
                continue;
            }
            Digest d = new Digest(0, 0);
            for (String id : b.getValue()) {
                d = d.plus(id);
                exact.remove(id);
            }
            digests.merge(k, d, Digest::plus);
        }
    }

    private Key key(String id, long time) {
        return new Key(scopeOf.apply(id), Math.floorDiv(time, width));
    }

    private static long time(AuditEvent e, long now) {
        return e.time() == null ? now : e.time().toEpochMilli();
    }

    /** A 64-bit hash of an id: FNV-1a over its UTF-8, then a finalizer that spreads every bit. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** {@return how many ids are remembered exactly}; for tests and measurements */
    int exactCount() {
        return exact.size();
    }

    /** {@return the buckets remembered as digests} */
    int digestCount() {
        return digests.size();
    }

    /**
     * Writes the memory into a checkpoint's state: {@code ids} (sorted, front-coded, each with its time
     * as ms before {@code idsBase}) and {@code digests} (scope, bucket before the base's bucket, count,
     * sum in base 36).
     *
     * @param state the state to add to
     * @param base  a recent instant (ms), so times are a few digits
     */
    void write(Map<String, Object> state, long base) {
        PackedLines.Writer ids = new PackedLines.Writer();
        for (Map.Entry<String, Long> e : new TreeMap<>(exact).entrySet()) {
            ids.row(e.getKey()).number(base - e.getValue());
        }
        PackedLines.Writer sums = new PackedLines.Writer();
        long top = Math.floorDiv(base, width);
        for (Map.Entry<Key, Digest> d : digests.entrySet()) {
            sums.row(d.getKey().scope()).number(top - d.getKey().bucket()).number(d.getValue().count())
                    .text(Long.toString(d.getValue().sum(), 36));
        }
        state.put("idsBase", base);
        state.put("ids", ids.toString());
        state.put("digests", sums.toString());
        state.put("digestWidth", width);
    }

    /**
     * Replaces the memory with a checkpoint's ({@link #write}), or with the {@code seen} table of id to
     * time a checkpoint written before the compact form holds.
     *
     * @param cp the checkpoint
     * @throws IllegalArgumentException if it is damaged; the memory is then unchanged
     */
    void read(Checkpoint checkpoint) {
        CheckpointState cp = CheckpointState.read(checkpoint);
        Map<String, Long> ids = new HashMap<>();
        TreeMap<Key, Digest> sums = new TreeMap<>(ORDER);
        if (cp.text("ids") == null) {
            ids.putAll(cp.numbers("seen"));
        } else {
            Long b = cp.number("idsBase");
            Long w = cp.number("digestWidth");
            long base = b == null ? 0 : b;
            long savedWidth = w == null || w <= 0 ? width : w;
            for (String[] row : PackedLines.read(cp.text("ids"))) {
                if (row.length != 2) {
                    throw new IllegalArgumentException("a damaged checkpoint: a delivered id's row");
                }
                ids.put(row[0], base - PackedLines.number(row[1]));
            }
            long top = Math.floorDiv(base, savedWidth);
            for (String[] row : PackedLines.read(cp.text("digests"))) {
                if (row.length != 4) {
                    throw new IllegalArgumentException("a damaged checkpoint: a bucket's row");
                }
                long sum;
                try {
                    sum = Long.parseLong(row[3], 36);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a damaged checkpoint: a bucket's sum", e);
                }
                long bucket = top - PackedLines.number(row[1]);
                if (savedWidth != width) {
                    // written with another width: such a bucket cannot be compared, so it is dropped; what it
                    // held may come again (a repeat), never goes missing
                    continue;
                }
                sums.put(new Key(row[0], bucket), new Digest(PackedLines.number(row[2]), sum));
            }
        }
        exact.clear();
        exact.putAll(ids);
        digests.clear();
        digests.putAll(sums);
    }
}
