package org.sessionsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionsdk.core.feed.CheckpointStore;
import org.sessionsdk.core.feed.FileCheckpointStore;
import org.sessionsdk.testkit.PleskSimulator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What a wrong property does (the start fails, naming it), and the file store without a database. */
class StarterPropertiesTest {
    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SessionSdkAutoConfiguration.class));

    @Test
    void aMissingOrUnknownSettingFailsTheStartNamingTheProperty() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            app.withPropertyValues("sessionsdk.servers.panel7.vendor=" + sim.vendor(),
                            "sessionsdk.servers.panel7.endpoint=" + sim.endpoint(),
                            "sessionsdk.servers.panel7.no-such-thing=1")
                    .run(context -> assertThat(context).hasFailed().getFailure().rootCause().isNotNull()
                            .satisfies(e -> assertThat(context.getStartupFailure()).hasStackTraceContaining(
                                    "sessionsdk.servers.panel7.no-such-thing: unknown setting")));
            app.withPropertyValues("sessionsdk.servers.panel7.vendor=nobody-makes-this")
                    .run(context -> assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("sessionsdk.servers.panel7.vendor: no vendor module named nobody-makes-this"));
        }
    }

    @Test
    void withoutADataSourceCheckpointsGoToFiles(@TempDir Path dir) {
        app.withPropertyValues("sessionsdk.checkpoints.directory=" + dir)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(CheckpointStore.class)).isInstanceOf(FileCheckpointStore.class);
                    assertThat(context.getBean(SessionServers.class).names()).isEmpty();
                });
    }
}
