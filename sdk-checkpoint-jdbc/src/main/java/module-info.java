/**
 * Feed checkpoints in a database: {@link org.sessionsdk.checkpoint.jdbc.JdbcCheckpointStore}, a
 * {@link org.sessionsdk.core.feed.CheckpointStore} over the application's own
 * {@link javax.sql.DataSource}. A separate module so that {@code org.sessionsdk.core} never needs
 * {@code java.sql}; it brings no JDBC driver, the application has its own.
 */
module org.sessionsdk.checkpoint.jdbc {
    requires transitive org.sessionsdk.core;
    requires transitive java.sql;

    exports org.sessionsdk.checkpoint.jdbc;
}
