package org.sessionsdk.core.feed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Checkpoints in files of one directory, one per key ({@code <key>.checkpoint}), crash-safe: a save
 * writes a temporary file, forces it to disk, renames it over the old one atomically and forces the
 * directory, so a crash at any moment leaves the previous or the new checkpoint, never a torn one.
 */
public final class FileCheckpointStore implements CheckpointStore {
    private final Path directory;

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

    @Override
    public Optional<Checkpoint> load(String key) throws IOException {
        return read(file(key));
    }

    @Override
    public void save(String key, Checkpoint checkpoint) throws IOException {
        write(file(key), checkpoint);
    }

    /**
     * Reads one checkpoint file, for a tool that names the file itself (e.g. {@code sessions follow
     * --checkpoint FILE}).
     *
     * @param file the file
     * @return its checkpoint, or empty if there is no such file
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it holds no checkpoint (the message names the file)
     */
    public static Optional<Checkpoint> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
        try {
            return Optional.of(Checkpoint.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves one checkpoint file crash-safely, as {@link #save} does: {@code <file>.tmp} in the same
     * directory, forced to disk, renamed over {@code file} atomically, the directory forced. A crash
     * at any moment leaves the previous or the new checkpoint. One writer per file.
     *
     * @param file       the file; its directory must exist
     * @param checkpoint the checkpoint
     * @throws IOException if it cannot be saved; the previous one is then still there
     */
    public static void write(Path file, Checkpoint checkpoint) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Path tmp = directory.resolve(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap((checkpoint + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + directory + " cannot rename atomically: checkpoints there"
                    + " could be torn by a crash", e);
        }
        forceDirectory(directory);
    }

    /** Makes the rename durable; some platforms cannot open a directory, and there the rename must do. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            // e.g. Windows: directories cannot be opened as channels
        }
    }
}
