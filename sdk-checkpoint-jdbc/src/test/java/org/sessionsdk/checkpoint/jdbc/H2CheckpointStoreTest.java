package org.sessionsdk.checkpoint.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on H2, in a database file: the crash child opens the same file as its own engine and
 * dies in the middle of a transaction, so the next open has to recover without it.
 */
class H2CheckpointStoreTest extends CheckpointStoreContract {
    @TempDir
    static Path dir;
    private static String url;
    private static DataSource db;

    @BeforeAll
    static void database() {
        url = "jdbc:h2:file:" + dir.resolve("checkpoints").toAbsolutePath();
        db = Databases.fromUrl(url);
    }

    @Override
    DataSource dataSource() {
        return db;
    }

    @Override
    String url() {
        return url;
    }
}
