package org.sessionsdk.core.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checkpoints in files of one directory, one per key ({@code <key>.checkpoint}), each a
 * {@link CheckpointFile}: crash-safe (a save writes an owner-only temporary file, forces it to disk,
 * renames it over the old one atomically and forces the directory, so a crash at any moment leaves
 * the previous or the new checkpoint, never a torn one), private (mode 0600) and never through a
 * symbolic link.
 *
 * <p>One writer per key: the first {@link #load} or {@link #save} of a key takes its file's lock
 * ({@code <key>.checkpoint.lock}) and the store keeps it until {@link #close()}. A key that another
 * store holds, in this JVM or another process, fails with a {@link CheckpointInUseException}; other
 * keys of the same directory stay free for others. Thread-safe.
 */
public final class FileCheckpointStore implements CheckpointStore, AutoCloseable {
    private final Path directory;
    private final Map<String, CheckpointFile> held = new HashMap<>();
    private boolean closed;

    /**
     * A store in {@code directory}, created if missing.
     *
     * @param directory where the files go
     * @throws IOException if the directory cannot be created
     */
    public FileCheckpointStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * {@return the file a key's checkpoint lives in}
     *
     * @param key letters, digits, {@code . _ -} (e.g. {@code plesk-panel7-sessions})
     * @throws IllegalArgumentException if the key has other characters
     */
    public Path file(String key) {
        if (key == null || key.isEmpty() || !key.matches("[A-Za-z0-9._-]+") || key.startsWith(".")) {
            throw new IllegalArgumentException("a checkpoint key is letters, digits, '.', '_' and '-': " + key);
        }
        return directory.resolve(key + ".checkpoint");
    }

    /**
     * {@inheritDoc}
     *
     * @throws CheckpointInUseException if another store holds the key
     * @throws IllegalStateException if the store is closed
     */
    @Override
    public Optional<Checkpoint> load(String key) throws IOException {
        return claim(key).read();
    }

    /**
     * {@inheritDoc}
     *
     * @throws CheckpointInUseException if another store holds the key
     * @throws IllegalStateException if the store is closed
     */
    @Override
    public void save(String key, Checkpoint checkpoint) throws IOException {
        claim(key).write(checkpoint);
    }

    /** Releases the keys' locks; the store cannot be used after. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        IOException first = null;
        for (CheckpointFile f : held.values()) {
            try {
                f.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        held.clear();
        if (first != null) {
            throw first;
        }
    }

    /**
     * Reads one checkpoint file, without taking its lock (to look at what a writer saved); never
     * through a symbolic link.
     *
     * @param file the file
     * @return its checkpoint, or empty if there is no such file
     * @throws IOException if it cannot be read, or is a symbolic link
     * @throws IllegalArgumentException if it holds no checkpoint (the message names the file)
     */
    public static Optional<Checkpoint> read(Path file) throws IOException {
        return CheckpointFile.read(file);
    }

    /**
     * Saves one checkpoint file once, as {@link CheckpointFile#write} does, holding its lock for the
     * save only. A writer that saves again and again opens a {@link CheckpointFile} and keeps it.
     *
     * @param file       the file; its directory must exist
     * @param checkpoint the checkpoint
     * @throws CheckpointInUseException if a writer holds the file
     * @throws IOException if it cannot be saved; the previous one is then still there
     */
    public static void write(Path file, Checkpoint checkpoint) throws IOException {
        try (CheckpointFile f = CheckpointFile.open(file)) {
            f.write(checkpoint);
        }
    }

    private synchronized CheckpointFile claim(String key) throws IOException {
        Path file = file(key);
        if (closed) {
            throw new IllegalStateException("the checkpoint store in " + directory + " is closed");
        }
        CheckpointFile f = held.get(key);
        if (f == null) {
            f = CheckpointFile.open(file);
            held.put(key, f);
        }
        return f;
    }
}
