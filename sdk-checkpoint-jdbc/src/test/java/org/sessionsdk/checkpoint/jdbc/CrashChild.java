package org.sessionsdk.checkpoint.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.sessionsdk.core.feed.Checkpoint;

/**
 * A second JVM for the crash test: {@code URL TABLE KEY CHARS} loads the key, then saves a checkpoint
 * of about CHARS characters; when the store commits, it prints what its own transaction holds
 * ({@code UNCOMMITTED version=V parts=P}) and halts the JVM, so the process dies with the writes done
 * and the commit never sent.
 */
public final class CrashChild {
    static final int HALTED = 42;

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String table = args[1];
        String key = args[2];
        DataSource db = CommitHook.wrap(Databases.fromUrl(args[0]), real -> {
            try (PreparedStatement s = real.prepareStatement(
                    "SELECT version, parts FROM " + table + " WHERE feed_key = ? AND part = 0")) {
                s.setString(1, key);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    System.out.println("UNCOMMITTED version=" + r.getLong(1) + " parts=" + r.getInt(2));
                }
            }
            System.out.flush();
            Runtime.getRuntime().halt(HALTED);
        });
        JdbcCheckpointStore store = JdbcCheckpointStore.builder(db).table(table).holder("crash child").build();
        System.out.println("LOADED " + store.load(key).isPresent());
        store.save(key, Checkpoints.sized(Integer.parseInt(args[3]), "child"));
        System.out.println("COMMITTED");
    }
}
