package org.sessionsdk.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ResponseFormatException;

/** Fields kept as JSON text: free-form values (an audit entry's old and new body) whatever their type. */
class JsonKeepJsonTest {
    record Row(String id, String body, String old) {
    }

    private static final JsonArrayStream<Row> READER = JsonArrayStream.of("rows",
            o -> new Row(o.string("id"), o.json("body"), o.json("old"))).keepJson("body", "old").build();

    private static List<Row> read(String json) {
        return READER.list(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), () -> { });
    }

    @Test
    void keepsObjectsArraysAndScalarsAsCompactJsonText() {
        List<Row> rows = read("""
                [{"id": 1, "body": { "name" : "a", "tags": [1, 2, {"x": null}] }, "old": null},
                 {"id": 2, "body": [ ], "old": "text"},
                 {"id": 3, "body": 4.5, "old": true},
                 {"id": 4}]
                """);
        assertThat(rows).containsExactly(
                new Row("1", "{\"name\":\"a\",\"tags\":[1,2,{\"x\":null}]}", null),
                new Row("2", "[]", "\"text\""),
                new Row("3", "4.5", "true"),
                new Row("4", null, null));
    }

    @Test
    void onlyTheElementsOwnFieldsAreKeptNotNestedOnes() {
        JsonArrayStream<String> r = JsonArrayStream.of("rows", o -> o.object("inner").string("body"))
                .keepJson("body").build();
        assertThat(r.list(new ByteArrayInputStream("[{\"inner\":{\"body\":\"b\"}}]".getBytes(StandardCharsets.UTF_8)),
                () -> { })).containsExactly("b");
    }

    @Test
    void aKeptFieldIsNotAStringAndAnOrdinaryFieldIsNotKept() {
        JsonArrayStream<String> asString = JsonArrayStream.of("rows", o -> o.string("body")).keepJson("body").build();
        assertThatThrownBy(() -> asString.list(new ByteArrayInputStream("[{\"body\":{}}]".getBytes(StandardCharsets.UTF_8)),
                () -> { })).isInstanceOf(ResponseFormatException.class).hasMessageContaining("body");
        JsonArrayStream<String> notKept = JsonArrayStream.of("rows", o -> o.json("id")).build();
        assertThatThrownBy(() -> notKept.list(new ByteArrayInputStream("[{\"id\":1}]".getBytes(StandardCharsets.UTF_8)),
                () -> { })).isInstanceOf(ResponseFormatException.class).hasMessageContaining("id");
    }

    @Test
    void aTruncatedKeptValueIsAResponseFormatException() {
        assertThatThrownBy(() -> read("[{\"id\":1,\"body\":{\"a\":[1,"))
                .isInstanceOf(ResponseFormatException.class);
    }
}
