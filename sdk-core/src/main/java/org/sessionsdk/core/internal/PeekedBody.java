package org.sessionsdk.core.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * Lets a policy read the start of a body and then hand the whole body on: every byte read through
 * {@link #stream()} is kept (up to a limit), and {@link #replay()} gives those bytes again followed by
 * the rest of the body, unread. For a vendor that reports errors inside a 2xx answer, so the error can
 * be found before the response leaves the pipeline, without buffering the body.
 *
 * <p>SDK-internal.
 */
public final class PeekedBody {
    private final InputStream body;
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream(512);
    private IOException failure;

    /**
     * @param body  the body to peek at
     * @param limit the most bytes a peek may read; reading past it fails with {@link LimitReached}
     */
    public PeekedBody(InputStream body, int limit) {
        this.body = body;
        this.limit = limit;
    }

    /** Thrown by the peek stream when the limit is reached: the peek found nothing in time. */
    public static final class LimitReached extends IOException {
        private static final long serialVersionUID = 1L;

        LimitReached() {
            super("peek limit reached");
        }
    }

    /** {@return a stream over the body that keeps what it reads} */
    public InputStream stream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int room = limit - kept.size();
                if (room <= 0) {
                    throw new LimitReached();
                }
                int n;
                try {
                    n = body.read(b, off, Math.min(len, room));
                } catch (IOException e) {
                    failure = e;
                    throw e;
                }
                if (n > 0) {
                    kept.write(b, off, n);
                }
                return n;
            }
        };
    }

    /**
     * {@return the bytes read so far, then the rest of the body; if the body failed while peeking
     * (a stall, a reset), the same failure again where it happened, for the reader to report}
     */
    public InputStream replay() {
        IOException failed = failure;
        InputStream rest = failed == null ? body : new InputStream() {
            @Override
            public int read() throws IOException {
                throw failed;
            }

            @Override
            public void close() throws IOException {
                body.close();
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(kept.toByteArray()), rest);
    }
}
