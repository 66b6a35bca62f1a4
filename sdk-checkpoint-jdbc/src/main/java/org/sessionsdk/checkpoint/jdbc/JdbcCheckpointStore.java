package org.sessionsdk.checkpoint.jdbc;

import java.io.IOException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.CheckpointStore;

/**
 * Checkpoints in one table of the application's database, for feeds whose follower moves between
 * machines or has no private disk of its own. Plain JDBC over a {@link DataSource} (a pool or not);
 * the SQL is the subset PostgreSQL, MySQL/MariaDB and H2 all accept. The table's DDL is
 * {@link #ddl()}; {@link #createTable()} runs it.
 *
 * <p><b>Atomic per key.</b> A save is one transaction: the checkpoint is stored in parts of 4,000
 * characters (no portable column type holds the largest in one), all replaced together, so a crash
 * or a lost connection at any moment leaves the previous checkpoint or the new one. A load reads all
 * parts in one statement and checks they belong to one save.
 *
 * <p><b>Compare-and-set.</b> Each save bumps the key's version, and a save only succeeds if the
 * version is still the one this store last loaded or saved. Two instances following the same feed
 * therefore cannot overwrite each other's position silently: the one that saves second gets a
 * {@link CheckpointConflictException} (naming the other's {@linkplain Builder#holder holder}), and the
 * stored checkpoint stays the first one's. {@link #load} is how an instance takes a key over: a
 * restarted follower loads, then saves on top of what it loaded; a save of a key this store never
 * loaded succeeds only if nobody saved it yet.
 *
 * <p>Unlike {@code FileCheckpointStore}, nothing is locked between calls and there is nothing to
 * close: a store holds no connection, only the versions it saw. Thread-safe; the store does not
 * serialize saves of the same key by its own threads, which conflict like two instances would.
 */
public final class JdbcCheckpointStore implements CheckpointStore {
    /**
     * The longest checkpoint text a store saves (1 MiB): far above what a feed writes (its size is
     * bounded by the sessions open at once; 256 KB is thousands of them), and a bound on what a load
     * reads. A longer one is refused before anything is written.
     */
    public static final int MAX_CHECKPOINT_CHARS = 1 << 20;

    /** What this store knows of a key: the version it last saw, or two when a commit's outcome is unknown. */
    private record Seen(long version, long orVersion) {
        static final Seen ABSENT = new Seen(0, 0);

        boolean certain() {
            return version == orVersion;
        }
    }

    private final DataSource dataSource;
    private final CheckpointTable table;
    private final String holder;
    private final Clock clock;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    private JdbcCheckpointStore(Builder b) {
        this.dataSource = b.dataSource;
        this.table = new CheckpointTable(b.table);
        this.holder = b.holder != null ? b.holder : defaultHolder();
        this.clock = b.clock;
    }

    /**
     * {@return a builder of a store over a data source}
     *
     * @param dataSource where connections come from; each call takes one and gives it back
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * A store with the defaults: table {@code sessionsdk_checkpoint}, holder host name and process id.
     *
     * @param dataSource where connections come from
     * @return the store
     */
    public static JdbcCheckpointStore of(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** {@return the DDL of this store's table, for a migration tool; {@link #createTable()} runs it} */
    public String ddl() {
        return table.ddl();
    }

    /** {@return the table's name} */
    public String table() {
        return table.name();
    }

    /** {@return who this store says it is in the table, and in other instances' conflict errors} */
    public String holder() {
        return holder;
    }

    /**
     * Creates the table if it is not there ({@code CREATE TABLE IF NOT EXISTS}). Safe to call from
     * every instance at start; an application that manages its schema runs {@link #ddl()} instead.
     *
     * @throws IOException if the table is missing and cannot be created
     */
    public void createTable() throws IOException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!c.getAutoCommit()) {
                s.execute(table.ddl());
                c.commit();
            } else {
                s.execute(table.ddl());
            }
        } catch (SQLException e) {
            // two instances creating it at once: PostgreSQL may fail the second IF NOT EXISTS
            if (!tableExists()) {
                throw new IOException("cannot create the checkpoint table " + table.name() + ": " + e.getMessage(), e);
            }
        }
    }

    private boolean tableExists() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery(table.probe()).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>From then on, this store's saves of the key go on from the version loaded.
     *
     * @throws IllegalArgumentException if the key is empty or longer than 200 characters, or what is
     *     stored is not a whole checkpoint
     */
    @Override
    public Optional<Checkpoint> load(String key) throws IOException {
        checkKey(key);
        StringBuilder text = new StringBuilder();
        long version = 0;
        int parts = 0;
        int read = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(table.selectAll())) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int part = r.getInt(1);
                    if (read == 0) {
                        version = r.getLong(2);
                        parts = r.getInt(3);
                    }
                    if (part != read || r.getLong(2) != version || read >= parts) {
                        throw damaged(key, "part " + part + " of version " + r.getLong(2) + " where part " + read
                                + " of version " + version + " (of " + parts + ") belongs");
                    }
                    text.append(r.getString(6));
                    read++;
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IOException("cannot load the checkpoint of '" + key + "' from " + table.name() + ": "
                    + e.getMessage(), e);
        }
        if (read == 0) {
            seen.put(key, Seen.ABSENT);
            return Optional.empty();
        }
        if (read != parts) {
            throw damaged(key, read + " parts of " + parts);
        }
        // known even if it does not parse: saving a good one over it is then the way out
        seen.put(key, new Seen(version, version));
        return Optional.of(Checkpoint.parse(text.toString()));
    }

    private IllegalArgumentException damaged(String key, String what) {
        return new IllegalArgumentException("the checkpoint of '" + key + "' in " + table.name() + " is damaged: "
                + what + " (was the table changed by hand?)");
    }

    /**
     * {@inheritDoc}
     *
     * <p>In one transaction, and only if the key's version is still the one this store last loaded or
     * saved (or, for a key it never loaded, if nobody saved it yet). When the commit itself fails, as
     * with any database, whether it happened is unknown: the previous checkpoint or this one is
     * stored, and this store's next save goes on from either.
     *
     * @throws CheckpointConflictException if another instance saved the key meanwhile; its
     *     checkpoint is kept
     * @throws IllegalArgumentException if the key is empty or longer than 200 characters, or the
     *     checkpoint's text is longer than {@link #MAX_CHECKPOINT_CHARS}
     */
    @Override
    public void save(String key, Checkpoint checkpoint) throws IOException {
        checkKey(key);
        String text = checkpoint.toString();
        if (text.length() > MAX_CHECKPOINT_CHARS) {
            throw new IllegalArgumentException("a checkpoint of " + text.length() + " characters for '" + key
                    + "': the most a JdbcCheckpointStore saves is " + MAX_CHECKPOINT_CHARS);
        }
        List<String> parts = CheckpointTable.split(text);
        long savedAt = clock.millis();
        Seen before = seen.getOrDefault(key, Seen.ABSENT);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try {
                c.setAutoCommit(false);
                long from = before.version();
                if (!before.certain()) {
                    // the last commit's outcome is unknown: whichever of the two is stored is ours
                    long stored = storedVersion(c, key);
                    if (stored != before.version() && stored != before.orVersion()) {
                        throw conflict(c, key);
                    }
                    from = stored;
                }
                long next = from + 1;
                if (!writeHead(c, key, from, next, parts, savedAt)) {
                    throw conflict(c, key);
                }
                writeTail(c, key, next, parts, savedAt);
                seen.put(key, new Seen(from, next));
                try {
                    c.commit();
                } catch (SQLException e) {
                    rollback(c, e);
                    throw new IOException("the commit of the checkpoint of '" + key + "' in " + table.name()
                            + " failed, and whether it happened is unknown (the previous one or this one is"
                            + " stored; this store goes on from either): " + e.getMessage(), e);
                }
                seen.put(key, new Seen(next, next));
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                try {
                    c.setAutoCommit(autoCommit);
                } catch (SQLException e) {
                    // the connection is broken; closing it is all that is left
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot save the checkpoint of '" + key + "' in " + table.name()
                    + " (the previous one is still there): " + e.getMessage(), e);
        }
    }

    /** The head row, conditionally: false when another instance got there first. */
    private boolean writeHead(Connection c, String key, long from, long next, List<String> parts, long savedAt)
            throws SQLException {
        if (from != 0) {
            try (PreparedStatement s = c.prepareStatement(table.updateHead())) {
                s.setLong(1, next);
                s.setInt(2, parts.size());
                s.setString(3, holder);
                s.setLong(4, savedAt);
                s.setString(5, parts.get(0));
                s.setString(6, key);
                s.setLong(7, from);
                return s.executeUpdate() == 1;
            }
        }
        try (PreparedStatement s = c.prepareStatement(table.insertPart())) {
            bindPart(s, key, 0, next, parts, savedAt);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            // 23xxx: integrity constraint violation, here the primary key: the head is someone else's
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    private void writeTail(Connection c, String key, long version, List<String> parts, long savedAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(table.deleteTail())) {
            s.setString(1, key);
            s.executeUpdate();
        }
        if (parts.size() == 1) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(table.insertPart())) {
            for (int i = 1; i < parts.size(); i++) {
                bindPart(s, key, i, version, parts, savedAt);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void bindPart(PreparedStatement s, String key, int part, long version, List<String> parts, long savedAt)
            throws SQLException {
        s.setString(1, key);
        s.setInt(2, part);
        s.setLong(3, version);
        s.setInt(4, parts.size());
        s.setString(5, holder);
        s.setLong(6, savedAt);
        s.setString(7, parts.get(part));
    }

    private long storedVersion(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(table.selectHead())) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    /** Rolls back (a failed statement may have ended the transaction) and reads who holds the key now. */
    private CheckpointConflictException conflict(Connection c, String key) throws SQLException {
        c.rollback();
        try (PreparedStatement s = c.prepareStatement(table.selectHead())) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                CheckpointConflictException e = r.next()
                        ? new CheckpointConflictException(key, r.getLong(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)))
                        : new CheckpointConflictException(key, 0, null, null);
                c.rollback();
                return e;
            }
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > CheckpointTable.MAX_KEY_CHARS) {
            throw new IllegalArgumentException("a checkpoint key is 1 to " + CheckpointTable.MAX_KEY_CHARS
                    + " characters: " + key);
        }
    }

    private static String defaultHolder() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "unknown-host";
            }
        }
        String h = "pid " + ProcessHandle.current().pid() + " on " + host;
        return h.length() > CheckpointTable.MAX_HOLDER_CHARS ? h.substring(0, CheckpointTable.MAX_HOLDER_CHARS) : h;
    }

    /** Settings of a {@link JdbcCheckpointStore}; every one has a default. */
    public static final class Builder {
        private final DataSource dataSource;
        private String table = "sessionsdk_checkpoint";
        private String holder;
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * The table, for more than one set of checkpoints in one schema or a schema of its own.
         *
         * @param table letters, digits and {@code _}, optionally {@code schema.table}; unquoted, so
         *              the database's own case rules apply (default {@code sessionsdk_checkpoint})
         * @return this builder
         * @throws IllegalArgumentException if it is not such a name
         */
        public Builder table(String table) {
            new CheckpointTable(table);
            this.table = table;
            return this;
        }

        /**
         * Who this store is, stored with each save and shown to another instance whose save conflicts
         * with it, so its operator can find the other follower.
         *
         * @param holder 1 to 200 characters (default {@code pid <pid> on <host name>})
         * @return this builder
         * @throws IllegalArgumentException if it is empty or longer
         */
        public Builder holder(String holder) {
            if (holder == null || holder.isEmpty() || holder.length() > CheckpointTable.MAX_HOLDER_CHARS) {
                throw new IllegalArgumentException("a holder is 1 to " + CheckpointTable.MAX_HOLDER_CHARS
                        + " characters: " + holder);
            }
            this.holder = holder;
            return this;
        }

        /**
         * The clock that stamps each save's time (shown in conflict errors), for tests.
         *
         * @param clock the clock (default the system's, UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** {@return the store; nothing is read or written until it is used} */
        public JdbcCheckpointStore build() {
            return new JdbcCheckpointStore(this);
        }
    }
}
