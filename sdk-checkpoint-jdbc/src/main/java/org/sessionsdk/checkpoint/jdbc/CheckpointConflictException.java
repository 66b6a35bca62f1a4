package org.sessionsdk.checkpoint.jdbc;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Another instance saved a checkpoint key since this one loaded or saved it: two instances follow
 * the same feed. Saving anyway would put one of them back at the other's position without either
 * noticing (a batch handled twice, or one skipped), so the save is refused and the stored checkpoint
 * stays the other instance's. Retrying does not help: stop one of them, or give each its own key. A
 * store that loads the key again takes it over from then on (and the other instance gets this error
 * at its next save).
 */
public final class CheckpointConflictException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The key. */
    private final String key;
    /** The version stored now; 0 when the key's checkpoint was deleted. */
    private final long storedVersion;
    /** Who saved it, or null when it was deleted. */
    private final String storedBy;
    /** When it was saved, or null when it was deleted. */
    private final Instant storedAt;

    CheckpointConflictException(String key, long storedVersion, String storedBy, Instant storedAt) {
        super(message(key, storedVersion, storedBy, storedAt));
        this.key = key;
        this.storedVersion = storedVersion;
        this.storedBy = storedBy;
        this.storedAt = storedAt;
    }

    private static String message(String key, long version, String by, Instant at) {
        String what = by == null
                ? "was deleted"
                : "was saved by another instance (version " + version + ", by " + by + " at " + at + ")";
        return "the checkpoint of '" + key + "' " + what + " since this store last loaded or saved it: two"
                + " instances follow the same feed. The stored checkpoint was kept; stop one of them, or give"
                + " each its own key";
    }

    /** {@return the checkpoint key} */
    public String key() {
        return key;
    }

    /** {@return the version stored now, 0 when the checkpoint was deleted} */
    public long storedVersion() {
        return storedVersion;
    }

    /** {@return who saved the stored checkpoint (its store's holder), empty when it was deleted} */
    public Optional<String> storedBy() {
        return Optional.ofNullable(storedBy);
    }

    /** {@return when the stored checkpoint was saved, empty when it was deleted} */
    public Optional<Instant> storedAt() {
        return Optional.ofNullable(storedAt);
    }
}
