package org.sessionsdk.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ResponseFormatException;

class JsonObjectTest {
    private static JsonObject one(String json) {
        List<JsonObject> l = JsonArrayStream.of("t", o -> o).build()
                .list(new ByteArrayInputStream(("[" + json + "]").getBytes(StandardCharsets.UTF_8)), null);
        return l.get(0);
    }

    @Test
    void typedGettersAcceptNumbersAndNumericStrings() {
        JsonObject o = one("{\"a\":3,\"b\":\"4\",\"c\":null,\"d\":true,\"e\":\"No\",\"big\":9999999999}");
        assertThat(o.int32("a")).isEqualTo(3);
        assertThat(o.int32("b")).isEqualTo(4);
        assertThat(o.int32OrNull("c")).isNull();
        assertThat(o.int32OrNull("missing")).isNull();
        assertThat(o.boolOrNull("d")).isTrue();
        assertThat(o.int64("big")).isEqualTo(9_999_999_999L);
        assertThat(o.string("a")).isEqualTo("3");
        assertThat(o.scalars()).containsEntry("e", "No").doesNotContainKey("c");
        assertThat(o.fieldNames()).containsExactly("a", "b", "c", "d", "e", "big");
    }

    @Test
    void wrongTypesNameTheFieldAndWhere() {
        JsonObject o = one("{\"big\":9999999999,\"o\":{\"x\":1},\"e\":\"No\"}");
        assertThatThrownBy(() -> o.int32("big")).isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("32-bit").hasMessageContaining("'big'").hasMessageContaining("t[0]");
        assertThatThrownBy(() -> o.string("o")).isInstanceOf(ResponseFormatException.class);
        assertThatThrownBy(() -> o.boolOrNull("e")).isInstanceOf(ResponseFormatException.class);
        assertThatThrownBy(() -> o.requiredString("nope")).hasMessageContaining("no such field");
        assertThat(o.object("o").int32("x")).isEqualTo(1);
    }

    /**
     * The reader's one object learns where each of the mapper's reads found its field in the element
     * before (issue 32): elements whose fields come in another order, are missing, are null, are
     * repeated under a name the mapper reads twice, or are written differently, still read right.
     */
    @Test
    void readsStayRightWhenElementsChangeTheirFieldOrder() {
        String body = "[{\"id\":\"a\",\"n\":1,\"t\":1000,\"s\":\"x\"},"
                + "{\"t\":2000,\"s\":\"y\",\"id\":\"b\",\"n\":2},"
                + "{\"id\":\"c\",\"extra\":[1,2],\"n\":\"3\"},"
                + "{\"s\":null,\"n\":4,\"t\":\"4000\",\"id\":\"d\"},"
                + "{\"id\":\"e\",\"n\":5,\"t\":5000,\"s\":\"z\"}]";
        List<String> read = JsonArrayStream.of("t", o -> o.requiredString("id") + "," + o.int32("n") + ","
                        + o.epochMillisOrNull("t") + "," + o.string("s") + "," + o.has("extra") + "," + o.string("id"))
                .build().list(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(read).containsExactly(
                "a,1,1970-01-01T00:00:01Z,x,false,a",
                "b,2,1970-01-01T00:00:02Z,y,false,b",
                "c,3,null,null,true,c",
                "d,4,1970-01-01T00:00:04Z,null,false,d",
                "e,5,1970-01-01T00:00:05Z,z,false,e");
    }

    @Test
    void epochMillisRefusesWhatIsNoInteger() {
        JsonObject o = one("{\"t\":\"soon\",\"u\":1.5,\"v\":{}}");
        assertThatThrownBy(() -> o.epochMillisOrNull("t")).isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("an integer").hasMessageContaining("'t'");
        assertThatThrownBy(() -> o.epochMillisOrNull("u")).isInstanceOf(ResponseFormatException.class);
        assertThatThrownBy(() -> o.epochMillisOrNull("v")).isInstanceOf(ResponseFormatException.class);
        assertThat(o.epochMillisOrNull("w")).isNull();
    }

    @Test
    void anObjectReadOverAndOverStillFindsItsFields() {
        JsonObject o = one("{\"a\":1,\"b\":\"two\"}");
        for (int i = 0; i < 1000; i++) {
            assertThat(o.int32("a")).isEqualTo(1);
            assertThat(o.string("b")).isEqualTo("two");
        }
    }
}
