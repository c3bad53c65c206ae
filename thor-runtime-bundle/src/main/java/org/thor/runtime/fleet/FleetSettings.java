package org.thor.runtime.fleet;

import org.thor.runtime.cfg.ProviderReferences;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code org.thor.fleet} configuration, read once: this Thor's name and labels, the topics, the
 * status interval, and the Kafka client keys that override the worker's under {@code fleet.}.
 */
record FleetSettings(boolean enabled, String configTopic, String statusTopic, String host, List<String> labels,
                     long statusIntervalMs, Map<String, String> clientOverrides) {

    private static final String PREFIX = "fleet.";
    private static final Set<String> OWN_KEYS = Set.of("fleet.enabled", "fleet.config.topic", "fleet.status.topic",
            "fleet.host", "fleet.labels", "fleet.status.interval.ms");

    static FleetSettings from(FleetConfiguration typed, Map<String, ?> properties) {
        String host = typed.fleet_host().isBlank() ? machineName() : typed.fleet_host().trim();
        List<String> labels = Arrays.stream(typed.fleet_labels().split(","))
                .map(String::trim).filter(label -> !label.isEmpty()).distinct().toList();
        Map<String, String> prefixed = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(PREFIX) && !OWN_KEYS.contains(key) && value != null) {
                prefixed.put(key, value.toString());
            }
        });
        Map<String, String> overrides = new TreeMap<>();
        ProviderReferences.restore(prefixed, properties).forEach((key, value) -> overrides.put(key.substring(PREFIX.length()), value));
        if (typed.fleet_status_interval_ms() <= 0) {
            throw new IllegalArgumentException("fleet.status.interval.ms must be positive");
        }
        return new FleetSettings(typed.fleet_enabled(), typed.fleet_config_topic().trim(), typed.fleet_status_topic().trim(),
                host, labels, typed.fleet_status_interval_ms(), Map.copyOf(overrides));
    }

    /** The settings the fleet's Kafka clients connect with: the worker's, with this configuration's {@code fleet.} keys over them. */
    Map<String, Object> clientSettings(Map<String, String> workerClientSettings) {
        Map<String, Object> settings = new TreeMap<>(workerClientSettings);
        settings.putAll(clientOverrides);
        return settings;
    }

    /** The labels as the status shows them: the configured ones and {@code host:<host>}. */
    Set<String> allLabels() {
        Set<String> all = new LinkedHashSet<>(labels);
        all.add("host:" + host);
        return all;
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment != null ? fromEnvironment : "localhost";
        }
    }
}
