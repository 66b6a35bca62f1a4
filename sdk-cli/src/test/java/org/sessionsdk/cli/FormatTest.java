package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writers alone: what the table cuts and what it never does, attributes in JSON lines and CSV. */
class FormatTest {
    private static final List<Format.Column> COLUMNS = List.of(Format.Column.of("id", 6), Format.Column.text("user", 5),
            Format.Column.of("host", 4), Format.Column.of("end", 3));

    private static String print(Format format, List<String>... rows) {
        StringWriter sw = new StringWriter();
        try (Format.RowWriter out = format.writer(COLUMNS, List.of("type"), new PrintWriter(sw))) {
            for (List<String> r : rows) {
                out.row(r, Map.of("type", "admin"));
            }
        }
        return sw.toString();
    }

    @Test
    void theTableNeverCutsAnIdAndRealignsAfterIt() {
        String t = print(Format.table, List.of("abc", "ann", "h1", "x"),
                List.of("6a17d01f5e1925601faa86ad22ada6ff", "bob", "h2", "y"),
                List.of("1234567", "al", "h3", "z"));
        List<String> lines = t.lines().toList();
        assertThat(lines.get(0)).isEqualTo("ID      USER   HOST  END");
        assertThat(lines.get(1)).isEqualTo("abc     ann    h1    x");
        // the 32-character id is whole; the row goes on two spaces after it
        assertThat(lines.get(2)).isEqualTo("6a17d01f5e1925601faa86ad22ada6ff  bob  h2  y");
        // one character too long: the user column gives up a space and the host is back in line
        assertThat(lines.get(3)).isEqualTo("1234567  al    h3    z");
        assertThat(t).doesNotContain("~");
    }

    @Test
    void theTableCutsOnlyFreeText() {
        String t = print(Format.table, List.of("1", "a-very-long-name", "a-long-host", "end"));
        assertThat(t.lines().toList().get(1)).isEqualTo("1       a-ve~  a-long-host  end");
    }

    @Test
    void jsonLinesCarryTheAttributesAndCsvGivesEachAColumn() {
        assertThat(print(Format.jsonl, Arrays.asList("1", "ann", null, "x")))
                .isEqualTo("{\"id\":\"1\",\"user\":\"ann\",\"host\":null,\"end\":\"x\",\"attributes\":{\"type\":\"admin\"}}"
                        + System.lineSeparator());
        assertThat(print(Format.csv, Arrays.asList("1", "a,b", null, "x")))
                .isEqualTo("id,user,host,end,type\r\n1,\"a,b\",,x,admin\r\n");
    }
}
