package org.sessionsdk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.sessionsdk.export.JsonLinesWriter;

/** {@code --format ocsf|ecs}: the items as SIEM documents, one JSON line each, flushed at the end. */
final class SiemLines {
    private SiemLines() {
    }

    /** Writes each item as it is read; {@code tick} is called once per item (progress). */
    static <T> void writeAll(Stream<T> items, Format format, Terminal term, BiConsumer<JsonLinesWriter, T> write,
                             Runnable tick) {
        JsonLinesWriter out = new JsonLinesWriter(term.out(), format.siem());
        Iterator<T> it = items.iterator();
        while (it.hasNext()) {
            write.accept(out, it.next());
            tick.run();
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
