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
        try {
            String text = Files.readString(file(key), StandardCharsets.UTF_8);
            try {
                return Optional.of(Checkpoint.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file(key) + ": " + e.getMessage(), e);
            }
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    @Override
    public void save(String key, Checkpoint checkpoint) throws IOException {
        Path target = file(key);
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
        forceDirectory();
    }

    /** Makes the rename durable; some platforms cannot open a directory, and there the rename must do. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            // e.g. Windows: directories cannot be opened as channels
        }
    }
}
