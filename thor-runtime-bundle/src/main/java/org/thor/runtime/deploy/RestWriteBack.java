package org.thor.runtime.deploy;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thor.runtime.ThorWorkerListener;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Writes connectors created, changed or deleted through the REST API back to configuration admin,
 * which is the source of truth: a standalone worker forgets its connectors when it stops. A changed
 * configuration that has a file in {@code etc/} is written there by Karaf's file install; a new one
 * gets its file {@code etc/org.thor.connector-NAME.cfg} here, the way Karaf's {@code config:}
 * commands make one. The connector already runs the configuration written back, so its deployment
 * finds nothing to do and does not restart it.
 */
@Component(service = ThorWorkerListener.class, immediate = true)
public class RestWriteBack implements ThorWorkerListener {

    private static final Logger LOG = LoggerFactory.getLogger(RestWriteBack.class);

    private final ConfigurationAdmin configAdmin;
    private final Path etc;

    @Activate
    public RestWriteBack(@Reference ConfigurationAdmin configAdmin) {
        this(configAdmin, Path.of(System.getProperty("karaf.etc", "etc")));
    }

    RestWriteBack(ConfigurationAdmin configAdmin, Path etc) {
        this.configAdmin = configAdmin;
        this.etc = etc;
    }

    @Override
    public void configuredThroughRest(String name, Map<String, String> config) {
        try {
            Configuration existing = find(name);
            if (existing == null) {
                create(name, config);
                return;
            }
            Map<String, Object> current = ConnectorProperties.asMap(existing.getProperties());
            if (ConnectorProperties.connectorConfig(current).equals(config)) {
                return;
            }
            Hashtable<String, Object> properties = new Hashtable<>(config);
            Object file = current.get(ConnectorProperties.FILE_NAME);
            if (file != null) {
                properties.put(ConnectorProperties.FILE_NAME, file);
            }
            // a fleet connector changed through REST stays the fleet's: its next record replaces the change
            current.forEach((key, value) -> {
                if (key.startsWith(FleetConfigurations.MARK_PREFIX)) {
                    properties.put(key, value);
                }
            });
            existing.update(properties);
            LOG.info("Connector {} changed through REST; written to configuration {}", name, existing.getPid());
        } catch (IOException | RuntimeException e) {
            LOG.error("Connector {} changed through REST, but could not be written to configuration admin: {}; "
                    + "it runs until the worker restarts", name, e.toString(), e);
        }
    }

    @Override
    public void deletedThroughRest(String name) {
        try {
            Configuration existing = find(name);
            if (existing == null) {
                return;
            }
            Path file = ConnectorProperties.file(ConnectorProperties.asMap(existing.getProperties()));
            existing.delete();
            if (file != null) {
                Files.deleteIfExists(file);
            }
            LOG.info("Connector {} deleted through REST; configuration {} deleted", name, existing.getPid());
        } catch (IOException | RuntimeException e) {
            LOG.error("Connector {} deleted through REST, but its configuration could not be deleted: {}",
                    name, e.toString(), e);
        }
    }

    private void create(String name, Map<String, String> config) throws IOException {
        String alias = ConnectorProperties.aliasFor(name);
        // a file of that name that holds another connector (its name key says so) is left alone
        for (int n = 2; Files.exists(etc.resolve(ConnectorProperties.fileNameFor(alias))); n++) {
            alias = ConnectorProperties.aliasFor(name) + "-" + n;
        }
        Path file = etc.resolve(ConnectorProperties.fileNameFor(alias));
        Configuration created = configAdmin.getFactoryConfiguration(ConnectorProperties.FACTORY_PID, alias, "?");
        write(file, config);
        Hashtable<String, Object> properties = new Hashtable<>(config);
        // the form file install itself and Karaf's config commands give: file:/path
        properties.put(ConnectorProperties.FILE_NAME, file.toFile().getAbsoluteFile().toURI().toString());
        created.update(properties);
        LOG.info("Connector {} created through REST; written to {}", name, file);
    }

    private Configuration find(String name) throws IOException {
        Configuration[] all;
        try {
            all = configAdmin.listConfigurations("(service.factoryPid=" + ConnectorProperties.FACTORY_PID + ")");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (all == null) {
            return null;
        }
        for (Configuration configuration : all) {
            Map<String, Object> properties = ConnectorProperties.asMap(configuration.getProperties());
            properties.put("service.pid", configuration.getPid());
            if (configuration.getProperties() != null && name.equals(ConnectorProperties.nameOf(properties))) {
                return configuration;
            }
        }
        return null;
    }

    // Written whole, then moved in place, so that file install never reads half a file.
    static void write(Path file, Map<String, String> config) throws IOException {
        Properties properties = new Properties();
        properties.putAll(config);
        StringWriter text = new StringWriter();
        properties.store(text, null);
        String body = text.toString().lines()
                .filter(line -> !line.startsWith("#"))
                .sorted()
                .collect(Collectors.joining("\n", "# Written by Thor for a connector created through the REST API\n", "\n"));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, body, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
