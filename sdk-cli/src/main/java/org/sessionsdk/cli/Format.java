package org.sessionsdk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sessionsdk.core.internal.JsonSupport;

/**
 * How rows are printed: an aligned table for people, JSON lines or CSV for programs. Rows are
 * written as they come, so a million sessions print in constant memory; the table therefore has
 * fixed column widths. It never cuts a value someone may copy into another command (ids, times,
 * addresses): such a value pushes the rest of its row to the right instead, and the columns after
 * it line up again as soon as there is room. Only free text is cut to its width.
 */
enum Format {
    table, jsonl, csv, ocsf, ecs;

    /** {@return the SIEM schema this format writes, or null for the row formats} */
    org.sessionsdk.export.SiemFormat siem() {
        return switch (this) {
            case ocsf -> org.sessionsdk.export.SiemFormat.OCSF;
            case ecs -> org.sessionsdk.export.SiemFormat.ECS;
            default -> null;
        };
    }

    /** Writes rows of the given columns to {@code out}. */
    RowWriter writer(List<Column> columns, PrintWriter out) {
        return writer(columns, List.of(), out);
    }

    /**
     * Writes rows of the given columns and their attributes to {@code out}: JSON lines put every
     * attribute in an {@code attributes} object, CSV gives each of {@code attributeColumns} a
     * column after the others, the table shows none.
     */
    RowWriter writer(List<Column> columns, List<String> attributeColumns, PrintWriter out) {
        return switch (this) {
            case table -> new Table(columns, out);
            case jsonl -> new JsonLines(columns, out);
            case csv -> new Csv(columns, attributeColumns, out);
            case ocsf, ecs -> throw new IllegalStateException(this + " documents are written by SiemLines, not as rows");
        };
    }

    /**
     * Writes every item, opening the writer (which may print a header) only after the first item,
     * or the end, has been read: that first read is where a refused login or an unreachable server
     * shows, and a header above such an error would read as an empty result.
     */
    static <T> void writeAll(Stream<T> items, Supplier<RowWriter> open, BiConsumer<RowWriter, T> write) {
        Iterator<T> it = items.iterator();
        boolean any = it.hasNext();
        try (RowWriter out = open.get()) {
            while (any) {
                write.accept(out, it.next());
                any = it.hasNext();
            }
        }
    }

    /**
     * A column: its name, how wide the table prints it, and whether a longer value may be cut.
     *
     * @param text free text a person reads (a user name), the only kind the table may cut
     */
    record Column(String name, int width, boolean text) {
        /** A column whose values are printed whole, however long. */
        static Column of(String name, int width) {
            return new Column(name, width, false);
        }

        /** A free-text column, cut to its width with a trailing {@code ~}. */
        static Column text(String name, int width) {
            return new Column(name, width, true);
        }
    }

    /** Receives rows; {@link #close()} flushes. */
    interface RowWriter extends AutoCloseable {
        void row(List<String> values);

        /** A row with the vendor's attributes; formats that have no place for them ignore them. */
        default void row(List<String> values, Map<String, String> attributes) {
            row(values);
        }

        @Override
        void close();
    }

    private static final class Table implements RowWriter {
        private final List<Column> columns;
        private final PrintWriter out;

        Table(List<Column> columns, PrintWriter out) {
            this.columns = columns;
            this.out = out;
            out.println(line(columns.stream().map(Column::name).map(String::toUpperCase).toList()));
        }

        @Override
        public void row(List<String> values) {
            out.println(line(values));
        }

        private String line(List<String> values) {
            StringBuilder sb = new StringBuilder();
            int columnStart = 0;
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                String v = values.get(i) == null ? "-" : values.get(i);
                if (c.text() && v.length() > c.width()) {
                    v = v.substring(0, c.width() - 1) + "~";
                }
                if (i > 0) {
                    // back at the column's own start if an earlier value overflowed into the
                    // spare room, else two spaces after the overflow
                    sb.append(" ".repeat(Math.max(2, columnStart - sb.length())));
                }
                sb.append(v);
                columnStart += c.width() + 2;
            }
            return sb.toString().stripTrailing();
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private static final class JsonLines implements RowWriter {
        private final List<Column> columns;
        private final PrintWriter out;

        JsonLines(List<Column> columns, PrintWriter out) {
            this.columns = columns;
            this.out = out;
        }

        @Override
        public void row(List<String> values) {
            row(values, null);
        }

        @Override
        public void row(List<String> values, Map<String, String> attributes) {
            java.io.StringWriter sw = new java.io.StringWriter();
            try (JsonGenerator g = JsonSupport.factory().createGenerator(sw)) {
                g.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    g.writeStringField(columns.get(i).name(), values.get(i));
                }
                if (attributes != null) {
                    g.writeObjectFieldStart("attributes");
                    for (Map.Entry<String, String> a : attributes.entrySet()) {
                        g.writeStringField(a.getKey(), a.getValue());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println(sw);
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private static final class Csv implements RowWriter {
        private final List<String> attributeColumns;
        private final PrintWriter out;

        Csv(List<Column> columns, List<String> attributeColumns, PrintWriter out) {
            this.attributeColumns = attributeColumns;
            this.out = out;
            List<String> header = new ArrayList<>(columns.stream().map(Column::name).toList());
            header.addAll(attributeColumns);
            out.print(header.stream().map(Csv::quote).collect(Collectors.joining(",")) + "\r\n");
        }

        @Override
        public void row(List<String> values) {
            row(values, Map.of());
        }

        @Override
        public void row(List<String> values, Map<String, String> attributes) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(quote(values.get(i)));
            }
            for (String a : attributeColumns) {
                sb.append(',').append(quote(attributes.get(a)));
            }
            out.print(sb.append("\r\n"));
        }

        /** RFC 4180: quote when needed, double the quotes inside. */
        private static String quote(String v) {
            if (v == null) {
                return "";
            }
            boolean needs = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
            return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    /**
     * A record's attributes for printing: the vendor's known ones in their column order, then any
     * others by name.
     */
    static Map<String, String> inColumnOrder(Map<String, String> attributes, List<String> known) {
        Map<String, String> ordered = new java.util.LinkedHashMap<>();
        for (String k : known) {
            String v = attributes.get(k);
            if (v != null) {
                ordered.put(k, v);
            }
        }
        new java.util.TreeMap<>(attributes).forEach(ordered::putIfAbsent);
        return ordered;
    }
}
