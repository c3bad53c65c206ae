package org.thor.runtime.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestWriteBackTest {

    private static final Map<String, String> WEB = Map.of("name", "web", "connector.class", "org.x.XConnector", "topic", "t1");

    @TempDir
    Path etc;
    private final Map<String, Hashtable<String, Object>> store = new TreeMap<>();
    private int updates;

    @Test
    void aConnectorCreatedThroughRestGetsAFileInEtcAndANamedConfiguration() throws Exception {
        RestWriteBack writeBack = new RestWriteBack(configAdmin(), etc);

        writeBack.configuredThroughRest("web", WEB);

        Path file = etc.resolve("org.thor.connector-web.cfg");
        assertEquals("# Written by Thor for a connector created through the REST API\n"
                + "connector.class=org.x.XConnector\nname=web\ntopic=t1\n", Files.readString(file));
        Hashtable<String, Object> stored = store.get("org.thor.connector~web");
        assertEquals(file.toFile().toURI().toString(), stored.get("felix.fileinstall.filename"), "the form file install gives");
        assertEquals("t1", stored.get("topic"));
    }

    @Test
    void theConfigurationItHoldsAlreadyIsNotWrittenAgainAndAChangeKeepsItsFile() throws Exception {
        RestWriteBack writeBack = new RestWriteBack(configAdmin(), etc);
        writeBack.configuredThroughRest("web", WEB);

        writeBack.configuredThroughRest("web", WEB);
        assertEquals(1, updates);

        Map<String, String> changed = new TreeMap<>(WEB);
        changed.put("topic", "t2");
        writeBack.configuredThroughRest("web", changed);
        assertEquals(2, updates);
        assertEquals("t2", store.get("org.thor.connector~web").get("topic"));
        assertTrue(store.get("org.thor.connector~web").get("felix.fileinstall.filename").toString().endsWith("/org.thor.connector-web.cfg"));
    }

    @Test
    void aConnectorDeletedThroughRestLosesItsConfigurationAndFile() throws Exception {
        RestWriteBack writeBack = new RestWriteBack(configAdmin(), etc);
        writeBack.configuredThroughRest("web", WEB);

        writeBack.deletedThroughRest("web");

        assertNull(store.get("org.thor.connector~web"));
        assertFalse(Files.exists(etc.resolve("org.thor.connector-web.cfg")));
    }

    @Test
    void aFileOfThatNameHoldingAnotherConnectorIsLeftAlone() throws Exception {
        Files.writeString(etc.resolve("org.thor.connector-web.cfg"), "name = site\n");
        RestWriteBack writeBack = new RestWriteBack(configAdmin(), etc);

        writeBack.configuredThroughRest("web", WEB);

        assertEquals("name = site\n", Files.readString(etc.resolve("org.thor.connector-web.cfg")));
        assertTrue(Files.readString(etc.resolve("org.thor.connector-web-2.cfg")).contains("topic=t1"));
    }

    // Configuration admin in memory: named factory configurations, which exist once updated.
    private ConfigurationAdmin configAdmin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ConfigurationAdmin.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getFactoryConfiguration" -> configuration(args[0] + "~" + args[1]);
                    case "listConfigurations" -> store.keySet().stream().map(this::configuration).toArray(Configuration[]::new);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPid" -> pid;
                    case "getProperties" -> {
                        Hashtable<String, Object> stored = store.get(pid);
                        if (stored == null) {
                            yield null;
                        }
                        Hashtable<String, Object> copy = new Hashtable<>(stored);
                        copy.put("service.pid", pid);
                        copy.put("service.factoryPid", "org.thor.connector");
                        yield copy;
                    }
                    case "update" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> properties = (Dictionary<String, Object>) args[0];
                        store.put(pid, new Hashtable<>(ConnectorProperties.asMap(properties)));
                        updates++;
                        yield null;
                    }
                    case "delete" -> store.remove(pid) == null ? null : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
