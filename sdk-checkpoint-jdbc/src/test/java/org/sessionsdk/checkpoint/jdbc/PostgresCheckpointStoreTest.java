package org.sessionsdk.checkpoint.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on a real PostgreSQL server started for this class ({@link EmbeddedPg}, also as root).
 * The crash child is a client here: the server sees its connection drop with the transaction open.
 */
class PostgresCheckpointStoreTest extends CheckpointStoreContract {
    @TempDir
    static Path dir;
    private static EmbeddedPostgres pg;
    private static DataSource db;

    @BeforeAll
    static void start() throws IOException {
        pg = EmbeddedPg.start(dir);
        db = Databases.fromUrl(pg.getJdbcUrl("postgres", "postgres"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    DataSource dataSource() {
        return db;
    }

    @Override
    String url() {
        return pg.getJdbcUrl("postgres", "postgres");
    }
}
