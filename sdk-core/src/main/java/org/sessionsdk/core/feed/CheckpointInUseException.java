package org.sessionsdk.core.feed;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint file another writer holds: another process, or another store or {@link CheckpointFile}
 * in this JVM, has it open. Two writers would interleave their saves and each resume from the other's
 * position, so the second is refused when it opens the file.
 */
public final class CheckpointInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The checkpoint file in use. */
    private final transient Path file;

    /**
     * An exception naming the file.
     *
     * @param file the checkpoint file
     * @param lock the lock file its writer holds
     */
    public CheckpointInUseException(Path file, Path lock) {
        super(file + " is in use by another writer (its lock " + lock.getFileName() + " is held; one writer per"
                + " checkpoint file: stop the other one or give this one its own file)");
        this.file = file;
    }

    /** {@return the checkpoint file in use} */
    public Path file() {
        return file;
    }
}
