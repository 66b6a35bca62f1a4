package org.sessionsdk.core.internal.xml;

/**
 * An element's text as a StAX reader hands it over, in chunks: the usual single chunk is kept as it is
 * (no copy), only a second one starts a builder.
 */
public final class TextChunks {
    private String first;
    private StringBuilder more;

    /**
     * Adds the next chunk.
     *
     * @param chunk the reader's text for this event
     */
    public void add(String chunk) {
        if (first == null) {
            first = chunk;
        } else {
            if (more == null) {
                more = new StringBuilder(first);
            }
            more.append(chunk);
        }
    }

    /** Forgets what was added (text before a nested element that is not kept). */
    public void clear() {
        first = null;
        more = null;
    }

    /** {@return the text added so far, empty when none} */
    public String text() {
        return more != null ? more.toString() : first == null ? "" : first;
    }
}
