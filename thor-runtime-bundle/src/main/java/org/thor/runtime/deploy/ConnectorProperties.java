package org.thor.runtime.deploy;

import org.thor.runtime.cfg.ProviderReferences;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * How a configuration of the factory PID {@code org.thor.connector} maps to a Connect connector:
 * its name, its Connect configuration, and the file it came from (for error messages).
 */
public final class ConnectorProperties {

    public static final String FACTORY_PID = "org.thor.connector";
    static final String DEFAULT_CONNECTOR_CLASS = "org.thor.file.LogFileSourceConnector";
    static final String FILE_NAME = ProviderReferences.FILE_NAME;
    static final String NAME = "name";
    static final String CONNECTOR_CLASS = "connector.class";
    private static final String FILE_PREFIX = FACTORY_PID + "-";

    // Keys that configuration admin, file install or DS add; they are not the connector's.
    private static final Set<String> NOT_CONNECTOR_KEYS = Set.of("service.pid", "service.factoryPid",
            "service.bundleLocation", FILE_NAME);
    private static final List<String> NOT_CONNECTOR_PREFIXES = List.of(".", "component.", "osgi.ds.",
            FleetConfigurations.MARK_PREFIX);

    private ConnectorProperties() {
    }

    /**
     * The connector configuration: every key but configuration admin's, config provider references as
     * the file writes them, with the name and class defaulted.
     */
    static Map<String, String> connectorConfig(Map<String, ?> properties) {
        Map<String, String> config = new TreeMap<>(ProviderReferences.restore(ownKeys(properties), properties));
        config.put(NAME, nameOf(properties));
        config.putIfAbsent(CONNECTOR_CLASS, DEFAULT_CONNECTOR_CLASS);
        if (config.get(CONNECTOR_CLASS).isBlank()) {
            config.put(CONNECTOR_CLASS, DEFAULT_CONNECTOR_CLASS);
        }
        return config;
    }

    /** The keys of a configuration that belong to the connector, as strings, without defaults. */
    static Map<String, String> ownKeys(Map<String, ?> properties) {
        Map<String, String> config = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (value != null && !NOT_CONNECTOR_KEYS.contains(key)
                    && NOT_CONNECTOR_PREFIXES.stream().noneMatch(key::startsWith)) {
                config.put(key, asString(value));
            }
        });
        return config;
    }

    /** The name key if set, else the part of the file name after {@code org.thor.connector-}, else the PID's name. */
    static String nameOf(Map<String, ?> properties) {
        Object name = properties.get(NAME);
        if (name != null && !asString(name).isBlank()) {
            return asString(name).trim();
        }
        Path file = file(properties);
        if (file != null) {
            String fileName = file.getFileName().toString();
            int dot = fileName.lastIndexOf('.');
            String base = dot > 0 ? fileName.substring(0, dot) : fileName;
            return base.startsWith(FILE_PREFIX) ? base.substring(FILE_PREFIX.length()) : base;
        }
        String pid = String.valueOf(properties.get("service.pid"));
        int tilde = pid.indexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }

    /** Where the configuration came from, for messages: its file, the fleet's record, or its PID. */
    static String source(Map<String, ?> properties) {
        Path file = file(properties);
        if (file != null) {
            return file.toString();
        }
        Object fleetKey = properties.get(FleetConfigurations.KEY);
        return fleetKey != null ? "fleet record " + fleetKey + " (offset " + properties.get(FleetConfigurations.OFFSET) + ")"
                : "configuration " + properties.get("service.pid");
    }

    /** The name of a connector's configuration: its name, with characters a file name should not hold replaced. */
    static String aliasFor(String connectorName) {
        return connectorName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The file in {@code etc/} for a configuration of that name. */
    static String fileNameFor(String alias) {
        return FILE_PREFIX + alias + ".cfg";
    }

    static Path file(Map<String, ?> properties) {
        return ProviderReferences.file(properties.get(FILE_NAME));
    }

    static Map<String, Object> asMap(Dictionary<String, ?> dictionary) {
        Map<String, Object> map = new HashMap<>();
        if (dictionary != null) {
            for (Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                map.put(key, dictionary.get(key));
            }
        }
        return map;
    }

    private static String asString(Object value) {
        if (value instanceof Object[] array) {
            StringJoiner joined = new StringJoiner(",");
            for (Object element : array) {
                joined.add(String.valueOf(element));
            }
            return joined.toString();
        }
        if (value instanceof Collection<?> collection) {
            StringJoiner joined = new StringJoiner(",");
            collection.forEach(element -> joined.add(String.valueOf(element)));
            return joined.toString();
        }
        return String.valueOf(value);
    }
}
