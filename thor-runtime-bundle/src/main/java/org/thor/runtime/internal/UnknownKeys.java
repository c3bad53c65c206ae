package org.thor.runtime.internal;

import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The keys of a log-file connector's configuration that neither Kafka Connect (its connector keys,
 * with those of the configured transforms and predicates) nor the connector declares: a typo, which
 * Connect alone would ignore. Only for the connectors a {@link org.thor.runtime.LogStreams} service
 * names, which declare every key they read; other connectors may read keys they do not declare.
 */
final class UnknownKeys {

    /** Prefixes whose keys go to the producer, converters or a format, and are checked there. */
    private static final List<String> PASSED_ON = List.of("producer.override.", "consumer.override.", "admin.override.",
            "key.converter.", "value.converter.", "header.converter.", "format.");

    private final Supplier<Set<String>> declaringEveryKey;

    /** @param declaringEveryKey the class names of the connectors that declare every key they read, as now registered */
    UnknownKeys(Supplier<Set<String>> declaringEveryKey) {
        this.declaringEveryKey = declaringEveryKey;
    }

    List<String> of(Map<String, String> config, ConfigInfos validated) {
        if (!declaresEveryKey(connectorClass(config))) {
            return List.of();
        }
        Set<String> known = new HashSet<>();
        for (ConfigInfo info : validated.configs()) {
            if (info.configValue() != null) {
                known.add(info.configValue().name());
            }
        }
        return config.keySet().stream()
                .filter(key -> !known.contains(key) && PASSED_ON.stream().noneMatch(key::startsWith))
                .sorted().toList();
    }

    /** Connect takes a connector's class by its full name or by its simple name. */
    private boolean declaresEveryKey(String connectorClass) {
        return !connectorClass.isEmpty() && declaringEveryKey.get().stream()
                .anyMatch(name -> name.equals(connectorClass) || name.endsWith("." + connectorClass));
    }

    static String message(String key, Map<String, String> config) {
        String connectorClass = connectorClass(config);
        String plugin = connectorClass.substring(connectorClass.lastIndexOf('.') + 1);
        return "unknown key '" + key + "': neither Kafka Connect nor the connector " + plugin + " has it (misspelt?); "
                + "GET /connector-plugins/" + plugin + "/config lists the connector's keys";
    }

    private static String connectorClass(Map<String, String> config) {
        return config.getOrDefault("connector.class", "").trim();
    }
}
