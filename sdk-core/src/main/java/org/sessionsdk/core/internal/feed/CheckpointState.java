package org.sessionsdk.core.internal.feed;

import java.lang.invoke.MethodHandles;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.sessionsdk.core.feed.Checkpoint;

/**
 * What a feed keeps in its {@link Checkpoint}: feed implementations write it ({@link #checkpoint}) and
 * read it back ({@link #read}); users see only the checkpoint's text. Values are text, whole numbers and
 * tables of id to text or whole number.
 */
public final class CheckpointState {
    /**
     * How this package reaches a checkpoint's values without a public accessor; {@link Checkpoint}
     * installs it when its class initializes.
     */
    public interface Access {
        /**
         * {@return a checkpoint of these checked values}
         *
         * @param kind     which feed wrote it
         * @param endpoint the endpoint it read, or null
         * @param state    checked, sorted, unmodifiable values
         */
        Checkpoint create(String kind, String endpoint, Map<String, Object> state);

        /**
         * {@return the checkpoint's values}
         *
         * @param checkpoint a checkpoint
         */
        Map<String, Object> state(Checkpoint checkpoint);
    }

    private static volatile Access access;

    private final Map<String, Object> state;

    private CheckpointState(Map<String, Object> state) {
        this.state = state;
    }

    /**
     * Installs the accessor; only {@link Checkpoint} calls this, once.
     *
     * @param a the accessor
     */
    public static void install(Access a) {
        if (access != null) {
            throw new IllegalStateException("installed already");
        }
        access = a;
    }

    private static Access access() {
        Access a = access;
        if (a == null) {
            try {
                MethodHandles.lookup().ensureInitialized(Checkpoint.class);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            a = access;
        }
        return a;
    }

    /**
     * A checkpoint of these values.
     *
     * @param kind  which feed wrote it, e.g. {@code plesk/sessions/diff}
     * @param state text, whole numbers and tables of id to text or whole number; the text lists the
     *              values by name and a table's rows in the table's own order (pass an ordered map)
     * @return the checkpoint, naming no endpoint
     * @throws IllegalArgumentException if a value is of another type, or is named {@code kind} or
     *     {@code endpoint} (the checkpoint's own)
     */
    public static Checkpoint checkpoint(String kind, Map<String, ?> state) {
        return checkpoint(kind, null, state);
    }

    /**
     * A checkpoint of these values, naming an endpoint.
     *
     * @param kind     which feed wrote it
     * @param endpoint the endpoint's stable form, or null
     * @param state    as for {@link #checkpoint(String, Map)}
     * @return the checkpoint
     */
    public static Checkpoint checkpoint(String kind, String endpoint, Map<String, ?> state) {
        Objects.requireNonNull(kind, "kind");
        if (state.containsKey("kind") || state.containsKey("endpoint")) {
            throw new IllegalArgumentException("'kind' and 'endpoint' are the checkpoint's own, not a feed's values");
        }
        // sorted, so the text is the same whatever map the caller built (Map.of's order changes per JVM);
        // a table keeps the order given, which the feeds build in first-seen order
        Map<String, Object> copy = new TreeMap<>();
        state.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> t = new LinkedHashMap<>();
                m.forEach((id, n) -> {
                    if (!(n instanceof Long || n instanceof String)) {
                        throw new IllegalArgumentException("table values are text or whole numbers: " + k);
                    }
                    t.put((String) id, n);
                });
                copy.put(k, Collections.unmodifiableMap(t));
            } else if (v instanceof String || v instanceof Long) {
                copy.put(k, v);
            } else if (v != null) {
                throw new IllegalArgumentException("checkpoint values are text, whole numbers or tables: " + k);
            }
        });
        return access().create(kind, endpoint, Collections.unmodifiableMap(copy));
    }

    /**
     * {@return the checkpoint naming this endpoint instead}
     *
     * @param cp       a checkpoint
     * @param endpoint the endpoint's stable form (scheme, host, port, path; never credentials), or null
     */
    public static Checkpoint withEndpoint(Checkpoint cp, String endpoint) {
        return Objects.equals(endpoint, cp.endpoint()) ? cp
                : access().create(cp.kind(), endpoint, access().state(cp));
    }

    /**
     * {@return a checkpoint's values}
     *
     * @param cp a checkpoint
     */
    public static CheckpointState read(Checkpoint cp) {
        return new CheckpointState(access().state(cp));
    }

    /**
     * {@return the values of a checkpoint the feed about to read it wrote}
     *
     * @param cp       a checkpoint
     * @param expected the reader's kind
     * @throws IllegalArgumentException if it is another feed's
     */
    public static CheckpointState read(Checkpoint cp, String expected) {
        if (!cp.kind().equals(expected)) {
            throw new IllegalArgumentException("this checkpoint belongs to a " + cp.kind() + " feed, not to a "
                    + expected + " feed: resume each feed from its own checkpoint");
        }
        return read(cp);
    }

    /** {@return whether it holds no value at all} */
    public boolean isEmpty() {
        return state.isEmpty();
    }

    /**
     * {@return a text value, or null}
     *
     * @param key the value's name
     */
    public String text(String key) {
        return state.get(key) instanceof String s ? s : null;
    }

    /**
     * {@return a whole number, or null}
     *
     * @param key the value's name
     */
    public Long number(String key) {
        return state.get(key) instanceof Long n ? n : null;
    }

    /**
     * {@return a table of id to whole number (or text), empty when absent}
     *
     * @param key the table's name
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> table(String key) {
        return state.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * {@return a table of id to whole number, empty when absent}
     *
     * @param key the table's name
     * @throws IllegalArgumentException if the table holds something else (a damaged checkpoint)
     */
    public Map<String, Long> numbers(String key) {
        Map<String, Long> out = new LinkedHashMap<>();
        table(key).forEach((id, v) -> {
            if (!(v instanceof Long n)) {
                throw new IllegalArgumentException("a damaged checkpoint: '" + key + "' holds a value that is not a number");
            }
            out.put(id, n);
        });
        return out;
    }

    /**
     * {@return a table of id to text, empty when absent}
     *
     * @param key the table's name
     * @throws IllegalArgumentException if the table holds something else (a damaged checkpoint)
     */
    public Map<String, String> texts(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        table(key).forEach((id, v) -> {
            if (!(v instanceof String t)) {
                throw new IllegalArgumentException("a damaged checkpoint: '" + key + "' holds a value that is not text");
            }
            out.put(id, t);
        });
        return out;
    }
}
