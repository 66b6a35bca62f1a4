package org.sessionsdk.kafka.internal;

/**
 * When a source partition whose poll brought no records gets a heartbeat record carrying its offset, so
 * that Connect stores where an idle endpoint stands (connect-api has no offset update without a record:
 * KIP-910 never shipped). A heartbeat is due when the partition's checkpoint differs from the offset last
 * handed to Connect (by a record or a heartbeat; at start, the stored one) and either no offset was ever
 * handed or stored (then at once: the start position is stored from the first poll on) or the interval
 * has passed since the last one was handed. One instance per partition, used by the task's thread only.
 */
public final class Heartbeat {
    private final long intervalMs;
    /** The checkpoint text last handed to Connect, or the stored one; null when there is neither. */
    private String handed;
    private long handedAt;

    /**
     * The heartbeat rule of a partition.
     *
     * @param intervalMs the least time between two heartbeats; 0 or less for none at all
     * @param stored     the checkpoint text Connect had stored for the partition, or null
     * @param startedAt  when the task started, epoch milliseconds
     */
    public Heartbeat(long intervalMs, String stored, long startedAt) {
        this.intervalMs = intervalMs;
        this.handed = stored;
        this.handedAt = startedAt;
    }

    /**
     * Whether a poll that brought no records should hand Connect a heartbeat.
     *
     * @param checkpoint the partition's checkpoint text after that poll
     * @param now        epoch milliseconds
     * @return true when a heartbeat is due; the caller then reports it {@link #handed}
     */
    public boolean due(String checkpoint, long now) {
        if (intervalMs <= 0 || checkpoint.equals(handed)) {
            return false;
        }
        return handed == null || now - handedAt >= intervalMs;
    }

    /**
     * A record or heartbeat carrying this checkpoint was handed to Connect.
     *
     * @param checkpoint the checkpoint text its offset carries
     * @param at         epoch milliseconds
     */
    public void handed(String checkpoint, long at) {
        handed = checkpoint;
        handedAt = at;
    }
}
