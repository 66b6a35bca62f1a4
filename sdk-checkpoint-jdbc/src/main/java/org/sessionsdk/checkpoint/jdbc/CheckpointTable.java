package org.sessionsdk.checkpoint.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoint table's SQL, in the subset PostgreSQL, MySQL/MariaDB and H2 all accept. A checkpoint
 * is text of up to {@link JdbcCheckpointStore#MAX_CHECKPOINT_CHARS}, but MySQL's {@code TEXT} stops at
 * 64 KB and PostgreSQL has no {@code MEDIUMTEXT} or {@code CLOB}: no one column type holds it in all
 * three. So it is cut into parts of {@value #PART_CHARS} characters, one row each; part 0 is the head
 * the compare-and-set works on, and every part carries the version it was written with, so a reader
 * can tell the parts of one save from another's.
 */
final class CheckpointTable {
    /** Characters per part: VARCHAR(4000) is within every database's row limit, in any character set. */
    static final int PART_CHARS = 4000;
    /** The longest key, so the primary key fits MySQL's index limit in utf8mb4 (4 bytes a character). */
    static final int MAX_KEY_CHARS = 200;
    static final int MAX_HOLDER_CHARS = 200;

    private final String name;

    CheckpointTable(String name) {
        // unquoted, so it is never SQL text from outside; optionally schema-qualified
        if (name == null || !name.matches("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("a checkpoint table is named by letters, digits and '_' (not"
                    + " starting with a digit, at most 63), optionally after a schema and '.': " + name);
        }
        this.name = name;
    }

    String name() {
        return name;
    }

    String ddl() {
        return "CREATE TABLE IF NOT EXISTS " + name + " (\n"
                + "    feed_key VARCHAR(" + MAX_KEY_CHARS + ") NOT NULL,\n"
                + "    part     INTEGER       NOT NULL,\n"
                + "    version  BIGINT        NOT NULL,\n"
                + "    parts    INTEGER       NOT NULL,\n"
                + "    holder   VARCHAR(" + MAX_HOLDER_CHARS + ")  NOT NULL,\n"
                + "    saved_at BIGINT        NOT NULL,\n"
                + "    body     VARCHAR(" + PART_CHARS + ") NOT NULL,\n"
                + "    PRIMARY KEY (feed_key, part)\n"
                + ")";
    }

    String probe() {
        return "SELECT feed_key FROM " + name + " WHERE 1 = 0";
    }

    String selectAll() {
        return "SELECT part, version, parts, holder, saved_at, body FROM " + name + " WHERE feed_key = ? ORDER BY part";
    }

    String selectHead() {
        return "SELECT version, holder, saved_at FROM " + name + " WHERE feed_key = ? AND part = 0";
    }

    /** Parameters: version, parts, holder, saved_at, body; then feed_key and the expected version. */
    String updateHead() {
        return "UPDATE " + name + " SET version = ?, parts = ?, holder = ?, saved_at = ?, body = ?"
                + " WHERE feed_key = ? AND part = 0 AND version = ?";
    }

    /** Parameters: feed_key, part, version, parts, holder, saved_at, body. */
    String insertPart() {
        return "INSERT INTO " + name + " (feed_key, part, version, parts, holder, saved_at, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    }

    String deleteTail() {
        return "DELETE FROM " + name + " WHERE feed_key = ? AND part > 0";
    }

    /** {@return the text in parts of at most {@link #PART_CHARS}; one empty part for empty text} */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < text.length(); i += PART_CHARS) {
            parts.add(text.substring(i, Math.min(text.length(), i + PART_CHARS)));
        }
        if (parts.isEmpty()) {
            parts.add("");
        }
        return parts;
    }
}
