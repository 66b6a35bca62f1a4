package org.sessionsdk.benchmarks.vendor;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.sessionsdk.benchmarks.support.GeneratedBody;

/**
 * A vendor's list response as the benchmarks generate it: its prefix, the records joined by a
 * separator, its suffix, each record made from its index so that a body of any length can be produced
 * on the fly (never held) or materialised once (held in memory). The shapes follow the vendors'
 * documented samples (see each module's tests); values vary with the index, and record {@code i} is a
 * session still open when {@code i % 10 == 0}.
 */
public interface WireFormat {

    /** {@return the response's Content-Type} */
    String contentType();

    /** {@return what comes before the first record} */
    String prefix();

    /** {@return what comes between two records} */
    String separator();

    /** {@return what comes after the last record} */
    String suffix();

    /**
     * Appends one record, without separator.
     *
     * @param sb where to
     * @param i  the record's index
     */
    void appendRecord(StringBuilder sb, int i);

    /**
     * {@return whether the list call pages with {@code skip} and {@code limit} query parameters} A server
     * then answers records {@code [skip, skip + limit)}; an empty page ends the listing.
     */
    default boolean pagedBySkipAndLimit() {
        return false;
    }

    /**
     * {@return the whole body of {@code count} records, materialised (for the in-memory benchmarks)}
     *
     * @param count how many records
     */
    default byte[] body(int count) {
        try (GeneratedBody g = new GeneratedBody(this, 0, count)) {
            return g.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@return the answer to the session list call (what {@link BenchVendor#list} reads) with {@code count}
     * sessions} The streamed body itself unless the vendor lists sessions with another call.
     *
     * @param count how many sessions
     */
    default byte[] sessionListBody(int count) {
        return body(count);
    }

    /** {@return roughly how many bytes one record takes (a sample of a few hundred)} */
    default double bytesPerRecord() {
        StringBuilder sb = new StringBuilder();
        int n = 512;
        for (int i = 0; i < n; i++) {
            appendRecord(sb, 1_000_000 + i);
            sb.append(separator());
        }
        return (double) sb.length() / n;
    }
}
