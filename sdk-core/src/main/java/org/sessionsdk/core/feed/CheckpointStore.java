package org.sessionsdk.core.feed;

import java.io.IOException;
import java.util.Optional;

/** Where checkpoints are kept between runs, one per key (e.g. one per followed server and stream). */
public interface CheckpointStore {

    /**
     * The checkpoint saved last under {@code key}.
     *
     * @param key the feed's key
     * @return the checkpoint, or empty if none was saved
     * @throws IOException if the store cannot be read
     * @throws IllegalArgumentException if what is stored is not a checkpoint
     */
    Optional<Checkpoint> load(String key) throws IOException;

    /**
     * Saves a checkpoint under {@code key}, replacing the previous one; when this returns it is durable.
     *
     * @param key        the feed's key
     * @param checkpoint the checkpoint
     * @throws IOException if it cannot be saved; the previous one is then still there
     */
    void save(String key, Checkpoint checkpoint) throws IOException;
}
