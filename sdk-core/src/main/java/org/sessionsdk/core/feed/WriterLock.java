package org.sessionsdk.core.feed;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * The exclusive lock of one checkpoint file's writer, on a sidecar {@code <file>.lock}: a lock on the
 * checkpoint itself would be lost at the first save, whose rename puts another file at its name.
 * The operating system drops the lock with the process, so a writer killed with {@code kill -9}
 * leaves nothing to clean up.
 *
 * <p>The sidecar is left in place: deleting it on release would let a writer that opened it just
 * before lock the deleted file while a third creates and locks a new one.
 */
final class WriterLock implements AutoCloseable {
    /**
     * The lock files this JVM holds (by file key). Checked before opening: on POSIX systems closing
     * any channel on a file drops every lock the process holds on it, so a second open-try-close in
     * this JVM would silently free the first writer's lock.
     */
    private static final Set<Object> HELD = new HashSet<>();

    private final FileChannel channel;
    private final FileLock lock;
    private final Object key;

    private WriterLock(FileChannel channel, FileLock lock, Object key) {
        this.channel = channel;
        this.lock = lock;
        this.key = key;
    }

    /** Takes the lock of {@code file}, or fails at once if another writer (process or this JVM) holds it. */
    static WriterLock acquire(Path file) throws IOException {
        Path path = file.resolveSibling(file.getFileName() + ".lock");
        synchronized (HELD) {
            Object before = key(path);
            if (before != null && HELD.contains(before)) {
                throw new CheckpointInUseException(file, path);
            }
            FileChannel channel = PrivateFiles.openOrCreate(path);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null; // not held through HELD's key (a platform without file keys): the same answer
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new CheckpointInUseException(file, path);
            }
            Object key = key(path);
            HELD.add(key);
            return new WriterLock(channel, lock, key);
        }
    }

    /** Releases the lock; the sidecar stays. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (!channel.isOpen()) {
                return;
            }
            HELD.remove(key);
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** The file's identity (device and inode where there are such), or its path where there is none. */
    private static Object key(Path path) throws IOException {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return key != null ? key : path.toAbsolutePath().normalize();
        } catch (NoSuchFileException none) {
            return null;
        }
    }
}
