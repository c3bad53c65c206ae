package org.thor.runtime.rest;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka Connect's own metrics (worker, connectors, source tasks, errors), read from the MBeans its
 * JmxReporter registers under {@code kafka.connect}, as {@code kafka_connect_<group>_<metric>}:
 * {@code source-task-metrics} / {@code source-record-poll-total} becomes
 * {@code kafka_connect_source_task_source_record_poll_total}, {@code connect-worker-metrics} /
 * {@code connector-count} {@code kafka_connect_worker_connectors} (see {@link ConnectFamilyName}); the help
 * text is Connect's own description of the metric; the MBean's other keys (connector, task) become labels. Metrics whose value is not a number (states, class names) are left out.
 */
final class ConnectMetrics implements MultiCollector {

    private static final ObjectName KAFKA_CONNECT;

    static {
        try {
            KAFKA_CONNECT = new ObjectName("kafka.connect:*");
        } catch (javax.management.MalformedObjectNameException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Override
    public MetricSnapshots collect() {
        MBeanFamilies families = new MBeanFamilies(Map.of());
        for (ObjectName name : server.queryNames(KAFKA_CONNECT, null)) {
            String type = name.getKeyProperty("type");
            if (type == null) {
                continue;
            }
            try {
                // Connect's JmxReporter gives each attribute its MetricName's description
                Map<String, String> descriptions = new HashMap<>();
                for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                    descriptions.put(attribute.getName(), attribute.getDescription());
                }
                Labels labels = labels(name);
                for (Attribute attribute : server.getAttributes(name, descriptions.keySet().toArray(String[]::new)).asList()) {
                    if (attribute.getValue() instanceof Number number) {
                        ConnectFamilyName family = ConnectFamilyName.of(type, attribute.getName());
                        String help = descriptions.get(attribute.getName());
                        double value = number.doubleValue() * family.scale();
                        if (ConnectFamilyName.isCounter(attribute.getName())) {
                            families.counter(family.name(), help, labels, value);
                        } else {
                            families.gauge(family.name(), help, labels, value);
                        }
                    }
                }
            } catch (JMException e) {
                // unregistered while being read: a connector or task stopped
            }
        }
        return families.build();
    }

    private static Labels labels(ObjectName name) {
        Labels labels = Labels.EMPTY;
        for (Map.Entry<String, String> key : new java.util.TreeMap<>(name.getKeyPropertyList()).entrySet()) {
            if (!key.getKey().equals("type")) {
                String value = key.getValue().startsWith("\"") ? ObjectName.unquote(key.getValue()) : key.getValue();
                labels = labels.add(ConnectFamilyName.sanitize(key.getKey()), value);
            }
        }
        return labels;
    }
}
