package org.sessionsdk.benchmarks.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.sessionsdk.benchmarks.vendor.WireFormat;

/**
 * A vendor body made on the fly, a batch of records at a time: constant memory whatever the length,
 * so a loopback server can send a gigabyte without ever holding it.
 */
public final class GeneratedBody extends InputStream {
    private static final int BATCH_CHARS = 32 * 1024;

    private final WireFormat wire;
    private final int from;
    private final int end;
    private final StringBuilder sb = new StringBuilder(BATCH_CHARS + 1024);
    private int next;
    private byte[] chunk = new byte[0];
    private int pos;
    private int stage; // 0 prefix pending, 1 records, 2 suffix served
    private long served;

    /** A whole body (the format's prefix, records {@code [from, to)} joined, its suffix). */
    public GeneratedBody(WireFormat wire, int from, int to) {
        this.wire = wire;
        this.from = from;
        this.next = from;
        this.end = Math.max(from, to);
    }

    public long bytesServed() {
        return served;
    }

    private boolean fill() {
        while (pos >= chunk.length) {
            sb.setLength(0);
            if (stage == 0) {
                sb.append(wire.prefix());
                stage = 1;
            }
            if (stage == 1) {
                while (next < end && sb.length() < BATCH_CHARS) {
                    if (next > from) {
                        sb.append(wire.separator());
                    }
                    wire.appendRecord(sb, next++);
                }
                if (next >= end) {
                    sb.append(wire.suffix());
                    stage = 2;
                }
            } else if (sb.length() == 0) {
                return false;
            }
            chunk = sb.toString().getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return true;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        served++;
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
        served += n;
        return n;
    }
}
