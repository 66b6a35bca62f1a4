package org.sessionsdk.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.sessionsdk.core.config.SdkVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect source connector that follows the sessions and audit entries of many servers of one
 * vendor (Plesk, Ekran System, SAYMON or senhasegura). Each endpoint and stream is a source partition
 * whose offset is the feed's checkpoint; {@code tasks.max} spreads the endpoints evenly over tasks.
 * Configuration: {@link SessionSourceConfig}.
 */
public class SessionSourceConnector extends SourceConnector {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSourceConnector.class);

    private Map<String, String> props;
    private SessionSourceConfig config;

    /** For Connect, which makes connectors by reflection. */
    public SessionSourceConnector() {
    }

    @Override
    public String version() {
        return SdkVersion.version();
    }

    @Override
    public void start(Map<String, String> props) {
        this.config = new SessionSourceConfig(props);
        this.props = Map.copyOf(props);
        LOG.info("sessionsdk connector: {} {} endpoint(s), streams {}", config.vendor(), config.endpoints().size(),
                config.streams());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return SessionSourceTask.class;
    }

    /**
     * Spreads the endpoints over at most {@code maxTasks} tasks, round-robin, so task sizes differ by at
     * most one. Each task gets the connector's properties under the same keys (so Connect keeps a
     * ConfigProvider reference such as {@code ${file:...}} as it is in the task configurations) plus
     * the positions of its endpoints.
     *
     * @param maxTasks the most tasks
     * @return one configuration per task, never more tasks than endpoints
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return taskConfigs(props, config.endpoints().size(), maxTasks);
    }

    static List<Map<String, String>> taskConfigs(Map<String, String> props, int endpoints, int maxTasks) {
        int tasks = Math.max(1, Math.min(maxTasks, endpoints));
        List<List<String>> assigned = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            assigned.add(new ArrayList<>());
        }
        for (int i = 0; i < endpoints; i++) {
            assigned.get(i % tasks).add(Integer.toString(i));
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(SessionSourceConfig.TASK_ENDPOINTS, String.join(",", assigned.get(t)));
            task.put(SessionSourceConfig.TASK_ID, Integer.toString(t)); // Connect numbers tasks in this order
            out.add(task);
        }
        return out;
    }

    @Override
    public void stop() {
        LOG.info("sessionsdk connector stopped");
    }

    @Override
    public ConfigDef config() {
        return SessionSourceConfig.CONFIG_DEF;
    }

    /**
     * Checks each value, then what spans values: the vendor's credentials for every endpoint, and that
     * senhasegura is not asked for audit entries.
     *
     * @param connectorConfigs the proposed configuration
     * @return the result, errors attached to the value they concern
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        boolean fieldErrors = result.configValues().stream().anyMatch(v -> !v.errorMessages().isEmpty());
        if (fieldErrors) {
            return result;
        }
        try {
            new SessionSourceConfig(connectorConfigs);
        } catch (ConfigException e) {
            String target = e instanceof SessionSourceConfig.SettingException s ? s.key()
                    : e.getMessage() != null && e.getMessage().contains("audit API") ? SessionSourceConfig.STREAMS
                    : SessionSourceConfig.ENDPOINTS;
            List<ConfigValue> values = new ArrayList<>(result.configValues());
            ConfigValue at = values.stream().filter(v -> v.name().equals(target)).findFirst().orElse(null);
            if (at == null) {
                // a per-endpoint key is no ConfigDef entry: it gets a value of its own in the answer
                at = new ConfigValue(target);
                values.add(at);
            }
            at.addErrorMessage(e.getMessage());
            return new Config(values);
        }
        return result;
    }

    /**
     * Every partition's offset is the feed's checkpoint, written with the records in the same
     * transaction when the worker runs exactly-once; so exactly-once is supported.
     *
     * @param connectorConfig the configuration
     * @return {@link ExactlyOnceSupport#SUPPORTED}
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }
}
