package org.sessionsdk.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.internal.JsonSupport;

/** {@link JsonObject#values()}, {@link JsonArrayStream.Builder#keepArrays()} and {@link JsonSupport#toJson}. */
class JsonObjectValuesTest {
    private static final String ROW = "{\"s\":\"x\",\"i\":7,\"big\":123456789012345678901234,\"f\":1.5,\"b\":true,"
            + "\"n\":null,\"o\":{\"k\":[1,\"two\",null,{\"z\":false}]},\"a\":[[1],[]]}";

    private static List<Map<String, Object>> read(JsonArrayStream.Builder<Map<String, Object>> b, String json) {
        return b.build().list(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), () -> { });
    }

    @Test
    void keepsEveryFieldAsARawValueWithArraysWhenAsked() {
        Map<String, Object> v = read(JsonArrayStream.of("rows", JsonObject::values).keepArrays(), "[" + ROW + "]").get(0);

        assertThat(v).containsEntry("s", "x").containsEntry("i", 7L)
                .containsEntry("big", new BigInteger("123456789012345678901234"))
                .containsEntry("f", new BigDecimal("1.5")).containsEntry("b", true).containsEntry("n", null);
        assertThat(v.get("o")).isEqualTo(Map.of("k", Arrays.asList(1L, "two", null, Map.of("z", false))));
        assertThat(v.get("a")).isEqualTo(List.of(List.of(1L), List.of()));
        assertThat(List.copyOf(v.keySet())).containsExactly("s", "i", "big", "f", "b", "n", "o", "a");
        assertThatThrownBy(() -> v.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        // written back, the values give the same JSON
        assertThat(JsonSupport.toJson(v)).isEqualTo(ROW);
    }

    @Test
    void withoutKeepArraysArraysReadAsEmpty() {
        Map<String, Object> v = read(JsonArrayStream.of("rows", JsonObject::values), "[" + ROW + "]").get(0);
        assertThat(v.get("a")).isEqualTo(List.of());
        assertThat(v.get("o")).isEqualTo(Map.of("k", List.of()));
    }

    @Test
    void aTruncatedKeptArrayIsAFormatError() {
        assertThatThrownBy(() -> read(JsonArrayStream.of("rows", JsonObject::values).keepArrays(), "[{\"a\":[1,2"))
                .isInstanceOf(ResponseFormatException.class);
    }

    @Test
    void toJsonRejectsWhatIsNotAJsonValue() {
        assertThatThrownBy(() -> JsonSupport.toJson(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonSupport.toJson(Map.of("sessionCount", 1000))).isEqualTo("{\"sessionCount\":1000}");
    }
}
