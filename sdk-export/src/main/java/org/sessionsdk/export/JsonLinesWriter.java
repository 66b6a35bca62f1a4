package org.sessionsdk.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.sessionsdk.core.audit.AuditEvent;
import org.sessionsdk.core.feed.SessionChange;
import org.sessionsdk.core.session.SessionRecord;

/**
 * Writes documents of one {@link SiemFormat} as JSON Lines (UTF-8, one document and {@code \n} per
 * line) to a stream, as they come: nothing is held but a small buffer. Flush (or close) to push
 * them out; closing closes the stream.
 *
 * <pre>{@code
 * try (JsonLinesWriter out = new JsonLinesWriter(Files.newOutputStream(path), SiemFormat.ECS);
 *      Stream<SessionRecord> s = client.sessionRecords(range)) {
 *     s.forEach(out::write);
 * }
 * }</pre>
 */
public final class JsonLinesWriter implements Closeable, Flushable {
    private final Writer out;
    private final SiemFormat format;
    private long lines;

    /**
     * A writer over a stream.
     *
     * @param out    where the lines go
     * @param format the schema to write
     */
    public JsonLinesWriter(OutputStream out, SiemFormat format) {
        this.out = new BufferedWriter(new OutputStreamWriter(Objects.requireNonNull(out, "out"), StandardCharsets.UTF_8));
        this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * A writer over a character stream (e.g. a console's), for callers that already chose the encoding.
     *
     * @param out    where the lines go
     * @param format the schema to write
     */
    public JsonLinesWriter(Writer out, SiemFormat format) {
        this.out = Objects.requireNonNull(out, "out");
        this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * Writes a session change: one line.
     *
     * @param change the change
     * @throws java.io.UncheckedIOException if the stream fails
     */
    public void write(SessionChange change) {
        line(format.document(change));
    }

    /**
     * Writes a listed session: one line, two when it has ended.
     *
     * @param session the record
     * @throws java.io.UncheckedIOException if the stream fails
     */
    public void write(SessionRecord session) {
        format.documents(session).forEach(this::line);
    }

    /**
     * Writes an audit entry: one line.
     *
     * @param event the entry
     * @throws java.io.UncheckedIOException if the stream fails
     */
    public void write(AuditEvent event) {
        line(format.document(event));
    }

    /** {@return the lines written so far} */
    public long lines() {
        return lines;
    }

    private void line(String json) {
        try {
            out.write(json);
            out.write('\n');
            lines++;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
