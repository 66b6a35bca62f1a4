package org.sessionsdk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.sessionsdk.core.internal.JsonSupport;

/**
 * How rows are printed: an aligned table for people, JSON lines or CSV for programs. Rows are
 * written as they come, so a million sessions print in constant memory; the table therefore has
 * fixed column widths and cuts what does not fit.
 */
enum Format {
    table, jsonl, csv;

    /** Writes rows of the given columns to {@code out}. */
    RowWriter writer(List<Column> columns, PrintWriter out) {
        return switch (this) {
            case table -> new Table(columns, out);
            case jsonl -> new JsonLines(columns, out);
            case csv -> new Csv(columns, out);
        };
    }

    /** A column: its name and how wide the table prints it. */
    record Column(String name, int width) {
    }

    /** Receives rows; {@link #close()} flushes. */
    interface RowWriter extends AutoCloseable {
        void row(List<String> values);

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
            for (int i = 0; i < columns.size(); i++) {
                String v = values.get(i) == null ? "-" : values.get(i);
                int w = columns.get(i).width();
                if (v.length() > w) {
                    v = v.substring(0, w - 1) + "~";
                }
                sb.append(v);
                if (i < columns.size() - 1) {
                    sb.append(" ".repeat(w - v.length() + 2));
                }
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
            java.io.StringWriter sw = new java.io.StringWriter();
            try (JsonGenerator g = JsonSupport.factory().createGenerator(sw)) {
                g.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    g.writeStringField(columns.get(i).name(), values.get(i));
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
        private final PrintWriter out;

        Csv(List<Column> columns, PrintWriter out) {
            this.out = out;
            out.print(String.join(",", columns.stream().map(Column::name).toList()) + "\r\n");
        }

        @Override
        public void row(List<String> values) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(quote(values.get(i)));
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
}
