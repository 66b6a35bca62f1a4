package org.sessionsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonSupportTest {
    @Test
    void acceptsTheJacksonOnTheClasspathAndRefusesOnesOutsideTheRange() {
        assertThatCode(JsonSupport::requireSupportedJackson).doesNotThrowAnyException();
        assertThatThrownBy(() -> JsonSupport.check(2, 12, "2.12.7")).hasMessageContaining("found 2.12.7");
        assertThatThrownBy(() -> JsonSupport.check(3, 0, "3.0.0")).hasMessageContaining("found 3.0.0");
    }
}
