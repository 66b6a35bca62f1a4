package org.sessionsdk.cli;

import java.io.PrintWriter;

/**
 * A progress line on stderr while a long list downloads: records so far and the rate, rewritten in
 * place. Quiet for short lists: the first line appears after {@link #EVERY} records.
 */
final class Progress {
    static final int EVERY = 10_000;

    private final PrintWriter err;
    private final long startNanos = System.nanoTime();
    private long count;
    private boolean shown;

    Progress(PrintWriter err) {
        this.err = err;
    }

    void tick() {
        count++;
        if (count % EVERY == 0) {
            show();
        }
    }

    long count() {
        return count;
    }

    /** Ends the line if one was shown. */
    void done() {
        if (shown) {
            show();
            err.println();
            err.flush();
        }
    }

    private void show() {
        shown = true;
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        err.print("\r" + count + " records, " + Math.round(count / seconds) + "/s");
        err.flush();
    }
}
