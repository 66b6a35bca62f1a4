package org.sessionsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
    @Test
    void runsEndToEndOnLoopback() {
        CliRun r = CliRun.run(Map.of(), "demo");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Simulators on 127.0.0.1").contains("VENDOR")
                .contains("plesk: 4 sessions").contains("ekran: 4 sessions").contains("saymon: 4 sessions")
                .contains("senhasegura: 4 sessions").contains("Plesk action log, last 5 entries:");
        for (String vendor : new String[] {"plesk ", "ekran ", "saymon ", "senhasegura "}) {
            assertThat(r.out().lines().filter(l -> l.startsWith(vendor))).as(vendor).hasSize(4);
        }
        assertThat(r.out()).doesNotContain("FAILED");
    }
}
