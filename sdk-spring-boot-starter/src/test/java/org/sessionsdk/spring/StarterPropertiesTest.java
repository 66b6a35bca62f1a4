package org.sessionsdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.TimeRange;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionsdk.core.feed.CheckpointStore;
import org.sessionsdk.core.feed.FileCheckpointStore;
import org.sessionsdk.testkit.PleskSimulator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What a wrong property does (the start fails, naming it), a secret from the environment, and the file
 * store without a database.
 */
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
            app.withPropertyValues("sessionsdk.servers.panel7.vendor=" + sim.vendor(),
                            "sessionsdk.servers.panel7.endpoint=" + sim.endpoint())
                    .run(context -> assertThat(context.getStartupFailure()).as("no credentials at all")
                            .hasStackTraceContaining("sessionsdk.servers.panel7."));
            app.withPropertyValues("sessionsdk.servers.panel7.vendor=nobody-makes-this")
                    .run(context -> assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("sessionsdk.servers.panel7.vendor: no vendor module named nobody-makes-this"));
        }
    }

    @Test
    void aSecretFromTheEnvironmentReachesTheVendorSettingByItsKey() {
        try (PleskSimulator sim = PleskSimulator.start().withSessions(2)) {
            Map<String, String> settings = ServerProperties.settings(sim);
            String secretKey = ServerProperties.secretKey(sim);
            String variable = "SESSIONSDK_SERVERS_PANEL7_" + secretKey.replace('.', '_').toUpperCase(Locale.ROOT);
            app.withPropertyValues("sessionsdk.servers.panel7.vendor=" + sim.vendor(),
                            "sessionsdk.servers.panel7.endpoint=" + sim.endpoint())
                    .withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                            new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(variable, settings.get(secretKey)))))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        try (Stream<SessionRecord> s = context.getBean("panel7", SessionClient.class)
                                .sessionRecords(TimeRange.all())) {
                            assertThat(s.toList()).hasSize(2);
                        }
                    });
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
