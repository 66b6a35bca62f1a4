package org.sessionsdk.checkpoint.jdbc;

import java.util.Map;
import org.sessionsdk.core.feed.Checkpoint;

/** Checkpoints of a chosen size for the tests. */
final class Checkpoints {
    private Checkpoints() {
    }

    static Checkpoint small(String mark) {
        return Checkpoint.of("test/jdbc", Map.of("mark", mark, "seq", 7L));
    }

    /**
     * The largest checkpoint whose text is at most {@code chars} long: exactly {@code chars}, or one
     * less where base64 has no text of that length (it skips one length in four).
     */
    static Checkpoint sized(int chars, String mark) {
        int lo = 0;
        int hi = chars;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (of(mid, mark).toString().length() <= chars) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return of(lo, mark);
    }

    private static Checkpoint of(int fill, String mark) {
        // varied text, so a part put back in the wrong place would not read the same
        StringBuilder b = new StringBuilder(fill);
        for (int i = 0; i < fill; i++) {
            b.append((char) ('a' + (i * 7 + i / 26) % 26));
        }
        return Checkpoint.of("test/jdbc", Map.of("mark", mark, "fill", b.toString()));
    }
}
