package org.sessionsdk.kafka.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.sessionsdk.core.feed.Checkpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source partitions and offsets in the one key order under which Connect finds them again, and the
 * start-up lookup that also finds offsets stored by releases that wrote another order.
 *
 * <p>Connect stores an offset under the <em>serialized</em> partition map, so the same partition
 * written with its keys in another order is another partition. Releases up to 0.1.0 built the map
 * with {@code Map.of}, whose order is seeded anew in every JVM: a task restarted in a new process
 * missed its offset. The order chosen here is the one Connect itself produces when it reads a
 * partition back (its {@code JsonConverter} fills a {@code new HashMap<>()} in document order and
 * {@code GET /connectors/NAME/offsets} serializes that map again to look the offset up): any other
 * fixed order would resume correctly but show {@code "offset": null} to operators. {@code String}'s
 * hash is specified, so the order is the same in every JVM; a test checks the round trip through
 * Connect's own converter.
 */
public final class SourcePartitions {
    private static final Logger LOG = LoggerFactory.getLogger(SourcePartitions.class);

    private SourcePartitions() {
    }

    /**
     * A map whose iteration (and so serialization) order is the one Connect reads it back in.
     *
     * @param entries the keys and values, in any order
     * @return an unmodifiable map in Connect's read-back order
     */
    public static Map<String, Object> ordered(Map<String, ?> entries) {
        // the very construction JsonConverter uses on the way back in: default capacity, one put a key
        // (putAll would size the table to the entries first, and a smaller table iterates otherwise)
        Map<String, Object> asConnectReadsIt = new HashMap<>();
        entries.forEach(asConnectReadsIt::put);
        return Collections.unmodifiableMap(new LinkedHashMap<>(asConnectReadsIt));
    }

    /**
     * Every form a partition may be stored under, the current one first: without new keys, its other
     * key orders; with new keys, every key order of it without them (what older releases wrote).
     *
     * @param partition a partition from {@link #ordered(Map)}
     * @param newKeys   keys this release added to the partition; older releases wrote it without them
     * @return its forms, the current first
     */
    public static List<Map<String, Object>> forms(Map<String, Object> partition, String... newKeys) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(partition);
        if (newKeys.length == 0) {
            addOrders(out, partition, partition);
        } else {
            // a shape with new keys was only ever written in the current order: the other orders are the
            // older shape's
            Map<String, Object> older = new LinkedHashMap<>(partition);
            for (String k : newKeys) {
                older.remove(k);
            }
            Map<String, Object> olderOrdered = ordered(older);
            out.add(olderOrdered);
            addOrders(out, olderOrdered, partition);
        }
        return out;
    }

    private static void addOrders(List<Map<String, Object>> out, Map<String, Object> of, Map<String, Object> current) {
        for (List<String> keys : permutations(new ArrayList<>(of.keySet()))) {
            Map<String, Object> form = new LinkedHashMap<>();
            keys.forEach(k -> form.put(k, of.get(k)));
            if (!List.copyOf(form.keySet()).equals(List.copyOf(of.keySet()))) {
                out.add(Collections.unmodifiableMap(form));
            }
        }
    }

    /**
     * Reads the stored checkpoint of each partition: under its current key order when there is one
     * (this release wrote it, so it is the newest), else the furthest along of those stored under an
     * older release's orders. One read per key order, whatever the number of partitions.
     *
     * @param reader    Connect's offset reader, or null (no offsets)
     * @param partitions the partitions, each from {@link #ordered(Map)}
     * @param offsetKey the offset's key holding the checkpoint text
     * @param newKeys   partition keys this release added (see {@link #forms})
     * @return the checkpoint text per partition; partitions without one are absent
     */
    public static Map<Map<String, Object>, String> storedCheckpoints(OffsetStorageReader reader,
                                                                     List<Map<String, Object>> partitions,
                                                                     String offsetKey, String... newKeys) {
        Map<Map<String, Object>, String> out = new HashMap<>();
        if (reader == null || partitions.isEmpty()) {
            return out;
        }
        List<List<Map<String, Object>>> formsOf = new ArrayList<>();
        int orders = 0;
        for (Map<String, Object> p : partitions) {
            List<Map<String, Object>> f = forms(p, newKeys);
            formsOf.add(f);
            orders = Math.max(orders, f.size());
        }
        // one batch per form: within a batch no two partitions are equal maps (Connect's answer is keyed
        // by map equality, under which every key order of a partition is the same key)
        String[][] texts = new String[partitions.size()][orders];
        for (int order = 0; order < orders; order++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (List<Map<String, Object>> f : formsOf) {
                if (order < f.size()) {
                    batch.add(f.get(order));
                }
            }
            Map<Map<String, Object>, Map<String, Object>> offsets = reader.offsets(batch);
            for (int k = 0; k < partitions.size() && offsets != null; k++) {
                List<Map<String, Object>> f = formsOf.get(k);
                Map<String, Object> offset = order < f.size() ? offsets.get(f.get(order)) : null;
                Object text = offset == null ? null : offset.get(offsetKey);
                texts[k][order] = text == null ? null : text.toString();
            }
        }
        for (int k = 0; k < partitions.size(); k++) {
            Map<String, Object> p = partitions.get(k);
            if (texts[k][0] != null) {
                out.put(p, texts[k][0]);
                continue;
            }
            String best = null;
            for (int order = 1; order < orders; order++) {
                String older = texts[k][order];
                if (older != null && (best == null || furtherAlong(older, best))) {
                    best = older;
                }
            }
            if (best != null) {
                LOG.info("sessionsdk: resuming {} from an offset an older release stored under another form of the "
                        + "partition; the next commit stores it in the current form", p);
                out.put(p, best);
            }
        }
        return out;
    }

    /**
     * Whether checkpoint text {@code a} stands further along than {@code b}
     * ({@link Checkpoint#isFurtherAlongThan}). Text that is not a checkpoint never wins.
     */
    static boolean furtherAlong(String a, String b) {
        Checkpoint ca;
        Checkpoint cb;
        try {
            ca = Checkpoint.parse(a);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            cb = Checkpoint.parse(b);
        } catch (IllegalArgumentException e) {
            return true;
        }
        return ca.isFurtherAlongThan(cb);
    }

    private static List<List<String>> permutations(List<String> keys) {
        List<List<String>> out = new ArrayList<>();
        if (keys.size() <= 1) {
            out.add(new ArrayList<>(keys));
            return out;
        }
        for (int i = 0; i < keys.size(); i++) {
            List<String> rest = new ArrayList<>(keys);
            String head = rest.remove(i);
            for (List<String> tail : permutations(rest)) {
                tail.add(0, head);
                out.add(tail);
            }
        }
        return out;
    }
}
