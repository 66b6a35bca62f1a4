package org.sessionsdk.kafka.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.utils.Sanitizer;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a task's {@link EndpointHealth}s: as Connect plugin metrics (KIP-877, workers from Kafka
 * 4.1 on; the worker's reporters show them, over JMX as
 * {@code kafka.connect:type=plugins,connector=C,task=T,endpoint=E,stream=S}), or, on an older worker
 * whose task context has no {@code pluginMetrics()}, as MBeans of their own,
 * {@code org.sessionsdk.kafka:type=endpoint-metrics,connector=C,task=T,endpoint=E,stream=S}, with the
 * same attribute names. {@link #close()} removes them.
 */
public final class HealthMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMetrics.class);
    /** The domain of the MBeans registered when the worker has no plugin metrics. */
    public static final String JMX_DOMAIN = "org.sessionsdk.kafka";

    private final Runnable remove;

    private HealthMetrics(Runnable remove) {
        this.remove = remove;
    }

    /**
     * Publishes the metrics of these endpoints' streams.
     *
     * @param context   the task's context, or null (then JMX)
     * @param connector the connector's name, for the MBean names when the worker has no plugin metrics
     * @param task      the task's number, likewise
     * @param healths   one per endpoint and stream
     * @return what removes them again
     */
    public static HealthMetrics register(SourceTaskContext context, String connector, String task,
                                         List<EndpointHealth> healths) {
        try {
            PluginMetrics plugin = context == null ? null : context.pluginMetrics();
            if (plugin != null) {
                return new HealthMetrics(Plugin.register(plugin, healths));
            }
        } catch (LinkageError olderWorker) {
            // AbstractMethodError: a worker before Kafka 4.1 implements a context without pluginMetrics();
            // NoSuchMethodError or NoClassDefFoundError: its connect-api or clients jar has neither
            LOG.info("sessionsdk: this worker has no plugin metrics ({}); the endpoint metrics are MBeans {}:type="
                    + "endpoint-metrics,...", olderWorker.getClass().getSimpleName(), JMX_DOMAIN);
        }
        return new HealthMetrics(Jmx.register(connector, task, healths));
    }

    /** Removes the metrics; never throws. */
    @Override
    public void close() {
        try {
            remove.run();
        } catch (RuntimeException e) {
            LOG.debug("removing the endpoint metrics", e);
        }
    }

    /** Through the worker's plugin metrics; only loaded where they exist. */
    private static final class Plugin {
        static Runnable register(PluginMetrics metrics, List<EndpointHealth> healths) {
            List<MetricName> names = new ArrayList<>();
            for (EndpointHealth h : healths) {
                LinkedHashMap<String, String> tags = new LinkedHashMap<>();
                tags.put("endpoint", h.endpoint());
                tags.put("stream", h.stream());
                for (EndpointHealth.Metric m : EndpointHealth.METRICS) {
                    MetricName name = metrics.metricName(m.name(), m.description(), tags);
                    metrics.addMetric(name, (Gauge<Long>) (config, now) -> m.value().applyAsLong(h));
                    names.add(name);
                }
            }
            return () -> {
                for (MetricName n : names) {
                    try {
                        metrics.removeMetric(n);
                    } catch (RuntimeException closedAlready) {
                        return; // the worker closed the task's plugin metrics, and with them these
                    }
                }
            };
        }
    }

    /** As MBeans of their own, for workers without plugin metrics. */
    private static final class Jmx {
        static Runnable register(String connector, String task, List<EndpointHealth> healths) {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            List<ObjectName> names = new ArrayList<>();
            for (EndpointHealth h : healths) {
                try {
                    ObjectName name = objectName(connector, task, h.endpoint(), h.stream());
                    server.registerMBean(new Bean(h), name);
                    names.add(name);
                } catch (JMException e) {
                    LOG.warn("sessionsdk: no metrics MBean for endpoint {} ({}): {}", h.endpoint(), h.stream(), e.toString());
                }
            }
            return () -> {
                for (ObjectName n : names) {
                    try {
                        server.unregisterMBean(n);
                    } catch (JMException e) {
                        LOG.debug("unregistering {}", n, e);
                    }
                }
            };
        }
    }

    /**
     * The name of an endpoint's stream's MBean on a worker without plugin metrics.
     *
     * @param connector the connector's name, or empty
     * @param task      the task's number, or empty
     * @param endpoint  the endpoint's name
     * @param stream    the stream
     * @return {@code org.sessionsdk.kafka:type=endpoint-metrics,connector=C,task=T,endpoint=E,stream=S}, values
     *     quoted as Kafka quotes its own, an empty connector or task left out
     * @throws JMException if no such name can be made
     */
    public static ObjectName objectName(String connector, String task, String endpoint, String stream)
            throws JMException {
        StringBuilder b = new StringBuilder(JMX_DOMAIN).append(":type=endpoint-metrics");
        if (!connector.isEmpty()) {
            b.append(",connector=").append(Sanitizer.jmxSanitize(connector));
        }
        if (!task.isEmpty()) {
            b.append(",task=").append(Sanitizer.jmxSanitize(task));
        }
        b.append(",endpoint=").append(Sanitizer.jmxSanitize(endpoint)).append(",stream=").append(Sanitizer.jmxSanitize(stream));
        return new ObjectName(b.toString());
    }

    /** One endpoint's stream as an MBean: an attribute per metric, read-only. */
    private static final class Bean implements DynamicMBean {
        private final EndpointHealth health;

        Bean(EndpointHealth health) {
            this.health = health;
        }

        @Override
        public Object getAttribute(String attribute) throws AttributeNotFoundException {
            try {
                return health.value(attribute);
            } catch (IllegalArgumentException e) {
                throw new AttributeNotFoundException(attribute);
            }
        }

        @Override
        public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
            throw new AttributeNotFoundException("read-only: " + attribute.getName());
        }

        @Override
        public AttributeList getAttributes(String[] attributes) {
            AttributeList out = new AttributeList();
            for (String a : attributes) {
                try {
                    out.add(new Attribute(a, getAttribute(a)));
                } catch (AttributeNotFoundException skipped) {
                    // a list answers what it can
                }
            }
            return out;
        }

        @Override
        public AttributeList setAttributes(AttributeList attributes) {
            return new AttributeList();
        }

        @Override
        public Object invoke(String actionName, Object[] params, String[] signature) {
            throw new UnsupportedOperationException("no operations");
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            MBeanAttributeInfo[] attributes = EndpointHealth.METRICS.stream()
                    .map(m -> new MBeanAttributeInfo(m.name(), Long.class.getName(), m.description(), true, false, false))
                    .toArray(MBeanAttributeInfo[]::new);
            return new MBeanInfo(Bean.class.getName(), "sessionsdk endpoint metrics of " + health.endpoint() + " ("
                    + health.stream() + ")", attributes, null, null, null);
        }
    }
}
