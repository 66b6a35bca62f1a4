package org.sessionsdk.core.testing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A body made on the fly: prefix, n elements joined by a separator, suffix. Never held in memory,
 * so a test can stream millions of records. {@link #bytesRead()} shows how far a reader got.
 */
public final class GeneratedBody extends InputStream {
    private final byte[] prefix;
    private final byte[] separator;
    private final byte[] suffix;
    private final int count;
    private final IntFunction<String> element;
    private byte[] chunk;
    private int pos;
    private int next = -1; // -1: prefix not yet served
    private boolean suffixServed;
    private long read;

    private GeneratedBody(String prefix, int count, IntFunction<String> element, String separator, String suffix) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.separator = separator.getBytes(StandardCharsets.UTF_8);
        this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
        this.count = count;
        this.element = element;
    }

    public static GeneratedBody of(String prefix, int count, IntFunction<String> element, String separator,
                                   String suffix) {
        return new GeneratedBody(prefix, count, element, separator, suffix);
    }

    /** {@code [e0,e1,...]}. */
    public static GeneratedBody jsonArray(int count, IntFunction<String> element) {
        return of("[", count, element, ",", "]");
    }

    public long bytesRead() {
        return read;
    }

    private boolean fill() {
        while (chunk == null || pos >= chunk.length) {
            pos = 0;
            if (next == -1) {
                chunk = prefix;
                next = 0;
            } else if (next < count) {
                byte[] e = element.apply(next).getBytes(StandardCharsets.UTF_8);
                if (next > 0) {
                    byte[] joined = new byte[separator.length + e.length];
                    System.arraycopy(separator, 0, joined, 0, separator.length);
                    System.arraycopy(e, 0, joined, separator.length, e.length);
                    e = joined;
                }
                chunk = e;
                next++;
            } else if (!suffixServed) {
                chunk = suffix;
                suffixServed = true;
            } else {
                return false;
            }
        }
        return true;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        read++;
        return chunk[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        read += n;
        return n;
    }
}
