package org.sessionsdk.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.MetricValueProvider;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;

/** What a worker's plugin metrics hold, readable by a test: the group and tags a worker gives, no reporter. */
final class FakePluginMetrics implements PluginMetrics {
    final Map<MetricName, MetricValueProvider<?>> metrics = new ConcurrentHashMap<>();

    @Override
    public MetricName metricName(String name, String description, LinkedHashMap<String, String> tags) {
        return new MetricName(name, "plugins", description, tags);
    }

    @Override
    public void addMetric(MetricName name, MetricValueProvider<?> provider) {
        if (metrics.putIfAbsent(name, provider) != null) {
            throw new IllegalArgumentException("added twice: " + name);
        }
    }

    @Override
    public void removeMetric(MetricName name) {
        metrics.remove(name);
    }

    @Override
    public Sensor addSensor(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeSensor(String name) {
        throw new UnsupportedOperationException();
    }

    /** The value of a gauge of an endpoint's stream; fails when there is none. */
    long value(String metric, String endpoint, String stream) {
        MetricName name = new MetricName(metric, "plugins", "", Map.of("endpoint", endpoint, "stream", stream));
        MetricValueProvider<?> p = metrics.get(name);
        if (p == null) {
            throw new AssertionError("no metric " + name + " in " + metrics.keySet());
        }
        return ((Number) ((Gauge<?>) p).value(null, System.currentTimeMillis())).longValue();
    }
}
