package org.sessionsdk.checkpoint.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.sessionsdk.core.feed.Checkpoint;

/** Checkpoints of a chosen size for the tests. */
final class Checkpoints {
    private Checkpoints() {
    }

    static Checkpoint small(String mark) {
        return text("\"mark\":\"" + mark + "\",\"seq\":7");
    }

    /**
     * The largest checkpoint whose text is at most {@code chars} long: within a few characters of it.
     * A large checkpoint's text is compressed, then base64, so its length moves in steps of four and
     * the fill is random letters (it compresses to about 60 %, as real ids do), never a pattern that
     * would shrink to nothing.
     */
    static Checkpoint sized(int chars, String mark) {
        int lo = 0;
        int hi = chars * 2; // compressed: a fill longer than the text it makes
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
        // random text (the same for every length: a prefix of the next), so a part put back in the
        // wrong place would not read the same and compression cannot shrink it to nothing
        java.util.Random random = new java.util.Random(20261207);
        StringBuilder b = new StringBuilder(fill);
        for (int i = 0; i < fill; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return text("\"fill\":\"" + b + "\",\"mark\":\"" + mark + "\"");
    }

    /** A checkpoint as a store holds it: its text (marks and fills hold no quote or backslash). */
    private static Checkpoint text(String values) {
        String json = "{\"kind\":\"test/jdbc\"," + values + "}";
        return Checkpoint.parse("sdkcp1." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }
}
