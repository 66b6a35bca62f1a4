package org.sessionsdk.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import javax.sql.DataSource;
import org.sessionsdk.checkpoint.jdbc.JdbcCheckpointStore;
import org.sessionsdk.core.feed.CheckpointStore;
import org.sessionsdk.core.feed.FileCheckpointStore;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.http.JdkHttpTransport;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The starter: the servers under {@code sessionsdk.servers} as {@code SessionClient} beans over one
 * shared transport, the managed feeds under {@code sessionsdk.feeds} and where they keep their
 * checkpoints. Runs after Boot's {@code DataSource} auto-configuration so the JDBC store is chosen
 * whenever the application has a database.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@EnableConfigurationProperties(SessionSdkProperties.class)
@Import(SessionClientRegistrar.class)
public class SessionSdkAutoConfiguration {

    /** The starter has no state of its own; Spring creates it. */
    public SessionSdkAutoConfiguration() {
    }

    /**
     * One connection pool and selector thread for every server (see the README's "Many servers from one
     * JVM"); clients never close a transport they were given, so the context does.
     *
     * @return the transport
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(HttpTransport.class)
    public HttpTransport sessionsdkTransport() {
        return JdkHttpTransport.builder().build();
    }

    /**
     * Opens every declared server's client, failing the start on a wrong property.
     *
     * @param env         the properties
     * @param transport   the shared transport
     * @param customizers applied to each builder
     * @param clock       the {@code sessionsdkClock} bean if any (tests move it), else the system clock
     * @return every declared server's client
     */
    @Bean(destroyMethod = "close")
    public SessionServers sessionServers(Environment env, HttpTransport transport,
                                         ObjectProvider<SessionClientCustomizer> customizers,
                                         @Qualifier("sessionsdkClock") ObjectProvider<Clock> clock) {
        return new SessionServers(ServerDeclarations.read(env), transport, customizers.orderedStream().toList(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * Where managed feeds keep their checkpoints: in the application's database when it has a
     * {@link DataSource} (a follower that may restart elsewhere), else in files. Created only when asked
     * for, so an application without feeds gets no directory.
     *
     * @param dataSource the application's data source, if it has exactly one
     * @param properties the starter's properties
     * @return the store
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean(CheckpointStore.class)
    public CheckpointStore sessionsdkCheckpointStore(ObjectProvider<DataSource> dataSource, SessionSdkProperties properties) {
        SessionSdkProperties.Checkpoints cfg = properties.checkpoints();
        DataSource ds = dataSource.getIfUnique();
        try {
            if (ds != null) {
                JdbcCheckpointStore store = JdbcCheckpointStore.builder(ds).table(cfg.table()).build();
                if (cfg.createTable()) {
                    store.createTable();
                }
                return store;
            }
            return new FileCheckpointStore(cfg.directory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The managed feeds, started and stopped with the context.
     *
     * @param servers     the servers
     * @param properties  the feeds
     * @param stores      the checkpoint store, asked for only when there are feeds
     * @param beans       where the handlers are looked up
     * @param clock       the {@code sessionsdkClock} bean if any, else the system clock
     * @return the feeds, started and stopped with the context
     */
    @Bean
    public ManagedFeeds sessionsdkFeeds(SessionServers servers, SessionSdkProperties properties,
                                        ObjectProvider<CheckpointStore> stores, ListableBeanFactory beans,
                                        @Qualifier("sessionsdkClock") ObjectProvider<Clock> clock) {
        return new ManagedFeeds(servers, properties.feeds(), stores::getObject,
                name -> ManagedFeeds.handler(beans, name), clock.getIfAvailable(Clock::systemUTC));
    }

    /** Spans and metrics of every call when the application has OpenTelemetry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.opentelemetry.api.OpenTelemetry", "org.sessionsdk.opentelemetry.OpenTelemetryListener"})
    static class OpenTelemetryConfiguration {
        @Bean
        SessionClientCustomizer sessionsdkOpenTelemetry(ObjectProvider<io.opentelemetry.api.OpenTelemetry> otel) {
            return (server, builder) -> otel.ifAvailable(o ->
                    builder.listener(org.sessionsdk.opentelemetry.OpenTelemetryListener.create(o)));
        }
    }
}
