package org.thor.runtime.deploy;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import java.io.IOException;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

/**
 * The {@code org.thor.connector} configurations that the fleet manages, beside the local ones (a
 * {@code .cfg} file, a connector created through REST). A fleet configuration is marked with
 * {@value #MANAGED}, the record it came from ({@value #KEY}) and that record's offset ({@value #OFFSET});
 * it has no file in {@code etc/}. Configuration admin keeps it across restarts, so a Thor that cannot
 * reach Kafka runs what it applied last.
 */
public final class FleetConfigurations {

    static final String MARK_PREFIX = "thor.fleet.";
    public static final String MANAGED = MARK_PREFIX + "managed";
    public static final String KEY = MARK_PREFIX + "key";
    public static final String OFFSET = MARK_PREFIX + "offset";
    private static final String ALIAS_PREFIX = "fleet-";

    /** A fleet configuration in configuration admin: the record it came from and the connector configuration. */
    public record Applied(String key, long offset, Map<String, String> config) {
    }

    /** The connector configurations by connector name: the fleet's, and the local ones by where they come from. */
    public record Snapshot(Map<String, Applied> fleet, Map<String, String> localSources) {
    }

    private final ConfigurationAdmin configAdmin;

    public FleetConfigurations(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /** The connector configuration that a fleet record becomes, as its deployment will pass it to Connect. */
    public static Map<String, String> connectorConfig(String name, Map<String, String> recordConfig) {
        Map<String, Object> properties = new HashMap<>(recordConfig);
        properties.put(ConnectorProperties.NAME, name);
        return ConnectorProperties.connectorConfig(properties);
    }

    public Snapshot read() throws IOException {
        Map<String, Applied> fleet = new HashMap<>();
        Map<String, String> local = new HashMap<>();
        for (Configuration configuration : connectorConfigurations()) {
            Map<String, Object> properties = ConnectorProperties.asMap(configuration.getProperties());
            if (properties.isEmpty()) {
                continue;
            }
            properties.put("service.pid", configuration.getPid());
            String name = ConnectorProperties.nameOf(properties);
            if (Boolean.parseBoolean(String.valueOf(properties.get(MANAGED)))) {
                fleet.put(name, new Applied(String.valueOf(properties.get(KEY)),
                        Long.parseLong(String.valueOf(properties.get(OFFSET))), ConnectorProperties.connectorConfig(properties)));
            } else {
                local.put(name, ConnectorProperties.source(properties));
            }
        }
        return new Snapshot(fleet, local);
    }

    /** Creates or replaces the fleet configuration of a connector; its deployment applies it. */
    public void put(String name, String key, long offset, Map<String, String> connectorConfig) throws IOException {
        Hashtable<String, Object> properties = new Hashtable<>(connectorConfig);
        properties.put(ConnectorProperties.NAME, name);
        properties.put(MANAGED, Boolean.TRUE);
        properties.put(KEY, key);
        properties.put(OFFSET, offset);
        configuration(name).update(properties);
    }

    /** Deletes the fleet configuration of a connector; its deployment deletes the connector. */
    public void remove(String name) throws IOException {
        configuration(name).delete();
    }

    private Configuration configuration(String name) throws IOException {
        return configAdmin.getFactoryConfiguration(ConnectorProperties.FACTORY_PID,
                ALIAS_PREFIX + ConnectorProperties.aliasFor(name), "?");
    }

    private Configuration[] connectorConfigurations() throws IOException {
        try {
            Configuration[] all = configAdmin.listConfigurations("(service.factoryPid=" + ConnectorProperties.FACTORY_PID + ")");
            return all == null ? new Configuration[0] : all;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
