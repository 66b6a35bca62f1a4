package org.sessionsdk.cli;

import java.io.PrintWriter;

/**
 * A progress line on stderr while a long list downloads: records so far and the rate. On a
 * terminal the line is rewritten in place with {@code \r}; anywhere else (a log file, a CI job)
 * each update is a line of its own, since a {@code \r} there only makes one unreadable line.
 * Quiet for short lists: the first update appears after {@link #EVERY} records; silent when the
 * user asked for {@code --quiet}.
 */
final class Progress {
    static final int EVERY = 10_000;

    private final PrintWriter err;
    private final boolean inPlace;
    private final boolean quiet;
    private final long startNanos = System.nanoTime();
    private long count;
    private boolean shown;

    /**
     * @param inPlace whether stderr is a terminal, where the line may rewrite itself
     * @param quiet   print nothing at all
     */
    Progress(PrintWriter err, boolean inPlace, boolean quiet) {
        this.err = err;
        this.inPlace = inPlace;
        this.quiet = quiet;
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

    /** Prints the final count if an update was shown, and ends the in-place line. */
    void done() {
        if (!shown) {
            return;
        }
        if (count % EVERY != 0) {
            show();
        }
        if (inPlace) {
            err.println();
        }
        err.flush();
    }

    private void show() {
        if (quiet) {
            return;
        }
        shown = true;
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        String line = count + " records, " + Math.round(count / seconds) + "/s";
        if (inPlace) {
            err.print("\r" + line);
        } else {
            err.println(line);
        }
        err.flush();
    }
}
