package org.sessionsdk.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The starter's properties under {@code sessionsdk}, typed so that IDEs complete them. A server's
 * vendor settings (credentials, timeouts, TLS) are not fields here: each vendor declares its own
 * ({@link org.sessionsdk.core.client.VendorProvider#settings()}) and they are read by that list, as
 * {@code sessionsdk.servers.<name>.<key with dots as dashes>}, so a new vendor module needs no change
 * to the starter.
 *
 * @param servers     the servers, by the name their {@code SessionClient} bean gets
 * @param feeds       the managed feeds, by the name their checkpoint is saved under
 * @param checkpoints where managed feeds keep their checkpoints
 * @param health      how the health contributors ask the servers
 */
@ConfigurationProperties("sessionsdk")
public record SessionSdkProperties(Map<String, Server> servers, Map<String, FeedProperties> feeds,
                                   @DefaultValue Checkpoints checkpoints, @DefaultValue Health health) {

    /**
     * Copies the maps, so the properties are immutable; absent maps are empty.
     *
     * @param servers     the servers, by name
     * @param feeds       the managed feeds, by name
     * @param checkpoints where managed feeds keep their checkpoints
     * @param health      how the health contributors ask the servers
     */
    public SessionSdkProperties {
        servers = servers == null ? Map.of() : Map.copyOf(servers);
        feeds = feeds == null ? Map.of() : Map.copyOf(feeds);
    }

    /**
     * One server. Every other key under the server is one of its vendor's settings.
     *
     * @param vendor   the vendor's name as its provider says it, e.g. {@code plesk}; any vendor module on
     *                 the class path
     * @param endpoint the server's base URL
     */
    public record Server(String vendor, String endpoint) {
    }

    /**
     * A feed the starter runs on the one follow loop ({@link org.sessionsdk.core.feed.FeedRunner}),
     * handing each batch to the {@link SessionFeedHandler} bean.
     *
     * @param server       the server's name under {@code sessionsdk.servers}
     * @param stream       what to follow
     * @param pollInterval how often to ask the server
     * @param handler      the name of the {@link SessionFeedHandler} bean for this feed; only needed when
     *                     there is more than one
     * @param enabled      whether the feed runs
     */
    public record FeedProperties(String server, @DefaultValue("sessions") Stream stream,
                                 @DefaultValue("10s") Duration pollInterval, String handler,
                                 @DefaultValue("true") boolean enabled) {
    }

    /** What a managed feed follows. */
    public enum Stream {
        /** Every session start and end. */
        SESSIONS,
        /** The audit log, where the vendor has one. */
        AUDIT
    }

    /**
     * Where checkpoints go when the application defines no {@link org.sessionsdk.core.feed.CheckpointStore}
     * bean: the JDBC store when there is a {@link javax.sql.DataSource}, else files.
     *
     * @param directory   the file store's directory
     * @param table       the JDBC store's table
     * @param createTable whether the JDBC store creates its table at start ({@code CREATE TABLE IF NOT
     *                    EXISTS}); off when migrations own the schema
     */
    public record Checkpoints(@DefaultValue("sessionsdk-checkpoints") Path directory,
                              @DefaultValue("sessionsdk_checkpoint") String table,
                              @DefaultValue("true") boolean createTable) {
    }

    /**
     * How health is judged.
     *
     * @param probeAfter a health check asks the server itself when no call succeeded within this
     *                   long; a server the application or a feed talks to often is not asked more
     */
    public record Health(@DefaultValue("30s") Duration probeAfter) {
    }
}
