package org.sessionsdk.core.internal.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * How a feed's de-dup state is written into one checkpoint value: one line per row, its fields
 * separated by commas, the rows sorted by key and each key written as the number of characters it
 * shares with the previous key and the rest. Random ids then cost about their own entropy once the
 * checkpoint deflates them ({@code sdkcp2}), where a JSON table repeated every key's quotes and, for
 * a feed with two tables of the same ids, every id twice. Commas, line ends and {@code %} in a field
 * are percent-escaped, so any id survives.
 */
final class PackedLines {
    private PackedLines() {
    }

    /** Writes rows; keys must come in ascending order for the front coding to pay. */
    static final class Writer {
        private final StringBuilder text = new StringBuilder();
        private String previous = "";
        private boolean open;

        /**
         * Starts a row with its key.
         *
         * @param key the row's key
         * @return this writer
         */
        Writer row(String key) {
            if (open) {
                text.append('\n');
            }
            int shared = 0;
            int max = Math.min(previous.length(), key.length());
            while (shared < max && previous.charAt(shared) == key.charAt(shared)) {
                shared++;
            }
            if (shared > 0 && Character.isHighSurrogate(key.charAt(shared - 1))) {
                shared--; // never split a character in two
            }
            text.append(shared).append(',');
            escape(key.substring(shared));
            previous = key;
            open = true;
            return this;
        }

        /**
         * Adds a whole number to the row.
         *
         * @param n the number
         * @return this writer
         */
        Writer number(long n) {
            text.append(',').append(n);
            return this;
        }

        /**
         * Adds text to the row (an empty field for null).
         *
         * @param t the text
         * @return this writer
         */
        Writer text(String t) {
            text.append(',');
            if (t != null) {
                escape(t);
            }
            return this;
        }

        private void escape(String s) {
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                switch (c) {
                    case '%' -> text.append("%25");
                    case ',' -> text.append("%2C");
                    case '\n' -> text.append("%0A");
                    case '\r' -> text.append("%0D");
                    default -> text.append(c);
                }
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * Reads rows written by a {@link Writer}.
     *
     * @param text the value, or null for none
     * @return each row's fields, the key first and whole
     * @throws IllegalArgumentException if the text is damaged
     */
    static List<String[]> read(String text) {
        List<String[]> rows = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return rows;
        }
        String previous = "";
        for (String line : text.split("\n", -1)) {
            String[] f = line.split(",", -1);
            if (f.length < 2) {
                throw new IllegalArgumentException("a damaged checkpoint: a packed row without a key");
            }
            int shared;
            try {
                shared = Integer.parseInt(f[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a damaged checkpoint: a packed row's key", e);
            }
            if (shared < 0 || shared > previous.length()) {
                throw new IllegalArgumentException("a damaged checkpoint: a packed row's key");
            }
            String key = previous.substring(0, shared) + unescape(f[1]);
            String[] row = new String[f.length - 1];
            row[0] = key;
            for (int k = 2; k < f.length; k++) {
                row[k - 1] = unescape(f[k]);
            }
            rows.add(row);
            previous = key;
        }
        return rows;
    }

    /**
     * A field as a whole number.
     *
     * @param field the field
     * @return the number
     * @throws IllegalArgumentException if it is not one (a damaged checkpoint)
     */
    static long number(String field) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a damaged checkpoint: a packed field is not a number", e);
        }
    }

    private static int number16(String hex) {
        try {
            return Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a damaged checkpoint: a packed field's escape", e);
        }
    }

    private static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '%') {
                if (k + 2 >= s.length()) {
                    throw new IllegalArgumentException("a damaged checkpoint: a packed field's escape is cut short");
                }
                out.append((char) number16(s.substring(k + 1, k + 3)));
                k += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
