package org.sessionsdk.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.testing.GeneratedBody;

class JsonArrayStreamTest {
    record Row(long id, String name) {
    }

    private static final JsonArrayStream<Row> TOP = JsonArrayStream.of("rows",
            o -> new Row(o.int64("id"), o.string("name"))).build();

    private static InputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static AutoCloseable flag(AtomicBoolean closed) {
        return () -> closed.set(true);
    }

    @Test
    void readsATopLevelArrayIgnoringUnknownFields() {
        AtomicBoolean closed = new AtomicBoolean();
        List<Row> rows = TOP.list(body("[{\"id\":1,\"name\":\"a\",\"new\":{\"deep\":[1,{}]}},{\"name\":\"b\",\"id\":\"2\"}]"),
                flag(closed));
        assertThat(rows).containsExactly(new Row(1, "a"), new Row(2, "b"));
        assertThat(closed).isTrue();
    }

    @Test
    void anEmptyArrayIsAnEmptyList() {
        assertThat(TOP.list(body("  [ ]  "), null)).isEmpty();
    }

    @Test
    void readsAnArrayInsideAnEnvelopeAndChecksTheEnvelope() {
        JsonArrayStream<Row> s = JsonArrayStream.of("items", o -> new Row(o.int64("id"), o.string("name")))
                .inField("items")
                .envelopeCheck(env -> {
                    JsonObject r = env.object("response");
                    if (r != null && Boolean.TRUE.equals(r.boolOrNull("error"))) {
                        throw new ApiException(new ErrorDetails(200, r.string("error_code"), r.string("message"),
                                "GET", "/x", null, 1, null));
                    }
                }).build();

        assertThat(s.list(body("{\"code\":200,\"response\":{\"error\":false},\"items\":[{\"id\":5}],\"tail\":1}"), null))
                .containsExactly(new Row(5, null));
        assertThatThrownBy(() -> s.list(body("{\"code\":200,\"response\":{\"error\":true,\"error_code\":7,"
                + "\"message\":\"denied\"}}"), null))
                .isInstanceOf(ApiException.class).hasMessageContaining("7: denied");
    }

    @Test
    void flattensAWholeEnvelopeNestedAsAnElement() {
        JsonArrayStream<Row> s = JsonArrayStream.of("items", o -> new Row(o.int64("id"), null))
                .inField("items").flattenNestedEnvelopes().build();
        String json = "{\"code\":200,\"items\":[{\"code\":200,\"tenant\":\"t\",\"items\":[{\"id\":1},{\"id\":2}],"
                + "\"after\":[1]},{\"id\":3}]}";
        assertThat(s.list(body(json), null)).extracting(Row::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aMissingArrayIsAnErrorUnlessDeclaredEmpty() {
        JsonArrayStream.Builder<Row> b = JsonArrayStream.of("items", o -> new Row(o.int64("id"), null)).inField("items");
        assertThatThrownBy(() -> b.build().list(body("{\"code\":200}"), null))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("'items'");
        assertThat(b.missingArrayIsEmpty().build().list(body("{\"code\":200,\"items\":null}"), null)).isEmpty();
    }

    @Test
    void malformedTruncatedEmptyAndWrongShapedBodiesAreFormatErrorsWithALocation() {
        AtomicBoolean closed = new AtomicBoolean();
        assertThatThrownBy(() -> TOP.list(body("[{\"id\":1},{\"id\":2,"), flag(closed)))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("rows[1]");
        assertThat(closed).isTrue();
        assertThatThrownBy(() -> TOP.list(body("[{\"id\":1}, oops]"), null))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> TOP.list(body(""), null))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("empty body");
        assertThatThrownBy(() -> TOP.list(body("{\"id\":1}"), null))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("a JSON array");
        assertThatThrownBy(() -> TOP.list(body("[1,2]"), null))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("an object");
        assertThatThrownBy(() -> TOP.list(body("[{\"id\":\"x1\"}]"), null))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("field 'id'").hasMessageContaining("\"x1\"");
        assertThatThrownBy(() -> TOP.list(body("[] trailing"), null))
                .isInstanceOf(ResponseFormatException.class);
        assertThatThrownBy(() -> TOP.list(body("<html>502 Bad Gateway</html>"), null))
                .isInstanceOf(ResponseFormatException.class);
    }

    @Test
    void anIoFailureMidBodyIsATransportError() {
        InputStream broken = new InputStream() {
            private final InputStream head = body("[{\"id\":1},");

            @Override
            public int read() throws IOException {
                int b = head.read();
                if (b < 0) {
                    throw new IOException("connection reset");
                }
                return b;
            }
        };
        assertThatThrownBy(() -> TOP.list(broken, null)).isInstanceOf(TransportException.class)
                .hasMessageContaining("connection reset");
    }

    @Test
    void streamsAMillionRecordsLazilyAndClosesEarly() {
        GeneratedBody gen = GeneratedBody.jsonArray(1_000_000, i -> "{\"id\":" + i + ",\"name\":\"user" + i + "\"}");
        AtomicBoolean closed = new AtomicBoolean();
        try (Stream<Row> s = TOP.stream(gen, flag(closed))) {
            Iterator<Row> it = s.iterator();
            assertThat(it.next()).isEqualTo(new Row(0, "user0"));
            // the first record came out long before the body was read: nothing was buffered
            assertThat(gen.bytesRead()).isLessThan(64 * 1024);
        }
        assertThat(closed).isTrue();

        GeneratedBody all = GeneratedBody.jsonArray(1_000_000, i -> "{\"id\":" + i + ",\"name\":\"u\"}");
        try (Stream<Row> s = TOP.stream(all, null)) {
            assertThat(s.mapToLong(Row::id).sum()).isEqualTo(999_999L * 1_000_000L / 2);
        }
    }
}
