package org.sessionsdk.plesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Placeholder until the plesk client lands: proves the module builds against sdk-core. */
class ModuleBuildsTest {
    @Test
    void seesCore() {
        assertThat(org.sessionsdk.core.session.TimeRange.all().from()).isNull();
    }
}
