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
}
