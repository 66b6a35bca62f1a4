package org.sessionsdk.core.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One checkpoint file and its only writer, for a tool that names the file itself (e.g. {@code sessions
 * follow --checkpoint FILE}); {@link FileCheckpointStore} keeps one per key.
 *
 * <p>Open, it holds an exclusive lock (on {@code <file>.lock} beside it, left there) until
 * {@link #close()}: a second writer, in another process or this JVM, fails at {@link #open} with a
 * {@link CheckpointInUseException}. A writer killed with {@code kill -9} loses the lock with its
 * process, so a restart resumes at once.
 *
 * <p>Saves are crash-safe and private: a new owner-only temporary file of a random name in the same
 * directory (never a name someone could plant a link at), forced to disk, renamed over the file
 * atomically, the directory forced. A crash at any moment leaves the previous or the new checkpoint,
 * never a torn one. The file is never read or written through a symbolic link: a path that is one is
 * refused.
 */
public final class CheckpointFile implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TEMP_NAME_TRIES = 16;

    private final Path file;
    private final WriterLock lock;
    private boolean closed;

    private CheckpointFile(Path file, WriterLock lock) {
        this.file = file;
        this.lock = lock;
    }

    /**
     * Opens a checkpoint file for its writer; the file itself need not exist yet.
     *
     * @param file the file; its directory must exist
     * @return the open file, holding the lock until closed
     * @throws CheckpointInUseException if another writer holds it (the message names the file)
     * @throws java.nio.file.FileSystemException if the path is a symbolic link (the message says so)
     * @throws IOException if the lock file cannot be created or locked
     */
    public static CheckpointFile open(Path file) throws IOException {
        Path target = Objects.requireNonNull(file, "file").toAbsolutePath();
        PrivateFiles.refuseLink(target);
        WriterLock lock = WriterLock.acquire(target);
        try {
            PrivateFiles.refuseLink(target); // a link planted between the check and the lock
            removeStaleTemporaries(target);
            return new CheckpointFile(target, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** {@return the checkpoint file (absolute)} */
    public Path path() {
        return file;
    }

    /**
     * {@return the checkpoint saved in the file, or empty if there is no file yet}
     *
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it holds no checkpoint (the message names the file)
     * @throws IllegalStateException if this is closed
     */
    public synchronized Optional<Checkpoint> read() throws IOException {
        requireOpen();
        return read(file);
    }

    /**
     * Saves a checkpoint crash-safely, replacing the one in the file; durable when this returns.
     *
     * @param checkpoint the checkpoint
     * @throws IOException if it cannot be saved; the previous one is then still there
     * @throws IllegalStateException if this is closed
     */
    public synchronized void write(Checkpoint checkpoint) throws IOException {
        requireOpen();
        byte[] text = (Objects.requireNonNull(checkpoint, "checkpoint") + "\n").getBytes(StandardCharsets.UTF_8);
        Path directory = file.getParent();
        Path tmp = writeTemporary(text);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            discard(tmp, e);
            throw new IOException("the file system of " + directory + " cannot rename atomically: checkpoints there"
                    + " could be torn by a crash", e);
        } catch (IOException | RuntimeException e) {
            discard(tmp, e);
            throw e;
        }
        forceDirectory(directory);
    }

    /** Releases the lock (the lock file stays); a second close does nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            lock.close();
        }
    }

    /** Reads a checkpoint file without a lock (a reader never disturbs the writer); never through a link. */
    static Optional<Checkpoint> read(Path file) throws IOException {
        PrivateFiles.refuseLink(file);
        String text;
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
        try {
            return Optional.of(Checkpoint.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private Path writeTemporary(byte[] text) throws IOException {
        for (int i = 0; ; i++) {
            Path tmp = temporaryName(file);
            FileChannel ch;
            try {
                ch = PrivateFiles.createNew(tmp);
            } catch (FileAlreadyExistsException planted) {
                if (i + 1 < TEMP_NAME_TRIES) {
                    continue; // 64 random bits: only ever a file someone put there
                }
                throw planted;
            }
            try (ch) {
                ByteBuffer bytes = ByteBuffer.wrap(text);
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            } catch (IOException | RuntimeException e) {
                discard(tmp, e);
                throw e;
            }
            return tmp;
        }
    }

    /** Deletes a temporary file that will not be renamed; a failure to is added to the one that stopped the save. */
    private static void discard(Path tmp, Exception cause) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static Path temporaryName(Path file) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return file.resolveSibling(file.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp");
    }

    /** Deletes what a writer killed between creating a temporary file and renaming it left behind. */
    private static void removeStaleTemporaries(Path file) throws IOException {
        Pattern ours = Pattern.compile(Pattern.quote(file.getFileName().toString()) + "\\.[0-9a-f]{16}\\.tmp");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(file.getParent(),
                p -> ours.matcher(p.getFileName().toString()).matches())) {
            for (Path stale : entries) {
                try {
                    Files.deleteIfExists(stale); // a link is deleted, not followed
                } catch (IOException notOurs) {
                    // e.g. another user's file in a sticky directory: it is no temporary of ours
                }
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the checkpoint file " + file + " is closed");
        }
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
