package org.sessionsdk.testkit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A response body written a few bytes at a time: each piece is flushed (an HTTP chunk of its own) and
 * the next waits {@code pause} of real time, as a slow link delivers it. Real time on purpose: this is
 * about the transport, which no simulated clock drives.
 */
final class SlowOutputStream extends FilterOutputStream {
    private final int bytesPerChunk;
    private final Duration pause;
    private int inChunk;
    private boolean started;

    SlowOutputStream(OutputStream out, int bytesPerChunk, Duration pause) {
        super(out);
        this.bytesPerChunk = bytesPerChunk;
        this.pause = pause;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (inChunk == 0 && started) {
                pause();
            }
            started = true;
            int n = Math.min(len, bytesPerChunk - inChunk);
            out.write(b, off, n);
            off += n;
            len -= n;
            inChunk += n;
            if (inChunk == bytesPerChunk) {
                out.flush();
                inChunk = 0;
            }
        }
    }

    private void pause() throws IOException {
        try {
            Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("closing while a slow body was written");
        }
    }
}
