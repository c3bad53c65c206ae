package org.thor.runtime.internal;

import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of a log-file connector's configuration that neither Kafka Connect (its connector keys,
 * with those of the configured transforms and predicates) nor the connector declares: a typo, which
 * Connect alone would ignore. Only for Thor's connector, which declares every key it reads; other
 * connectors may read keys they do not declare.
 */
final class UnknownKeys {

    private static final String LOG_FILE_CONNECTOR = "LogFileSourceConnector";
    /** Prefixes whose keys go to the producer, converters or a format, and are checked there. */
    private static final List<String> PASSED_ON = List.of("producer.override.", "consumer.override.", "admin.override.",
            "key.converter.", "value.converter.", "header.converter.", "format.");

    private UnknownKeys() {
    }

    static List<String> of(Map<String, String> config, ConfigInfos validated) {
        String connectorClass = config.getOrDefault("connector.class", "").trim();
        if (!connectorClass.equals("org.thor.file." + LOG_FILE_CONNECTOR) && !connectorClass.equals(LOG_FILE_CONNECTOR)) {
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

    static String message(String key) {
        return "unknown key '" + key + "': neither Kafka Connect nor the log-file connector has it (misspelt?); "
                + "GET /connector-plugins/" + LOG_FILE_CONNECTOR + "/config lists the connector's keys";
    }
}
