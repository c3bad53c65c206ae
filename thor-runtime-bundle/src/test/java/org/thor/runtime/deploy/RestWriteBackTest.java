package org.thor.runtime.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thor.runtime.InMemoryConfigurationAdmin;

import java.nio.file.Files;
import java.nio.file.Path;
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
    private final InMemoryConfigurationAdmin configurations = new InMemoryConfigurationAdmin();
    private final Map<String, Hashtable<String, Object>> store = configurations.store;

    @Test
    void aConnectorCreatedThroughRestGetsAFileInEtcAndANamedConfiguration() throws Exception {
        RestWriteBack writeBack = new RestWriteBack(configurations.service(), etc);

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
        RestWriteBack writeBack = new RestWriteBack(configurations.service(), etc);
        writeBack.configuredThroughRest("web", WEB);

        writeBack.configuredThroughRest("web", WEB);
        assertEquals(1, configurations.updates);

        Map<String, String> changed = new TreeMap<>(WEB);
        changed.put("topic", "t2");
        writeBack.configuredThroughRest("web", changed);
        assertEquals(2, configurations.updates);
        assertEquals("t2", store.get("org.thor.connector~web").get("topic"));
        assertTrue(store.get("org.thor.connector~web").get("felix.fileinstall.filename").toString().endsWith("/org.thor.connector-web.cfg"));
    }

    @Test
    void aConnectorDeletedThroughRestLosesItsConfigurationAndFile() throws Exception {
        RestWriteBack writeBack = new RestWriteBack(configurations.service(), etc);
        writeBack.configuredThroughRest("web", WEB);

        writeBack.deletedThroughRest("web");

        assertNull(store.get("org.thor.connector~web"));
        assertFalse(Files.exists(etc.resolve("org.thor.connector-web.cfg")));
    }

    @Test
    void aFileOfThatNameHoldingAnotherConnectorIsLeftAlone() throws Exception {
        Files.writeString(etc.resolve("org.thor.connector-web.cfg"), "name = site\n");
        RestWriteBack writeBack = new RestWriteBack(configurations.service(), etc);

        writeBack.configuredThroughRest("web", WEB);

        assertEquals("name = site\n", Files.readString(etc.resolve("org.thor.connector-web.cfg")));
        assertTrue(Files.readString(etc.resolve("org.thor.connector-web-2.cfg")).contains("topic=t1"));
    }
}
