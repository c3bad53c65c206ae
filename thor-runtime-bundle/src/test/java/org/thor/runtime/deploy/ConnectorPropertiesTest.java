package org.thor.runtime.deploy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConnectorPropertiesTest {

    private static final String FILE = "file:/opt/karaf/etc/org.thor.connector-access-logs.cfg";

    @Test
    void theNameIsThePartOfTheFileNameAfterThePid() {
        assertEquals("access-logs", ConnectorProperties.nameOf(Map.of("felix.fileinstall.filename", FILE,
                "service.pid", "org.thor.connector~access-logs")));
    }

    @Test
    void aNameKeyWinsOverTheFileName() {
        assertEquals("web", ConnectorProperties.nameOf(Map.of("felix.fileinstall.filename", FILE, "name", " web ")));
    }

    @Test
    void withoutAFileTheNameOfANamedFactoryConfigurationIsUsed() {
        assertEquals("api", ConnectorProperties.nameOf(Map.of("service.pid", "org.thor.connector~api")));
    }

    @Test
    void theConnectorConfigHasOnlyConnectorKeysWithNameAndClassDefaulted() {
        Map<String, String> config = ConnectorProperties.connectorConfig(Map.of(
                "felix.fileinstall.filename", FILE, "service.pid", "org.thor.connector~access-logs",
                "service.factoryPid", "org.thor.connector", "component.id", 12L, "component.name", "x",
                "osgi.ds.satisfying.condition.target", "(osgi.condition.id=true)",
                "topic", "access", "files", new String[] {"/var/log/a.log", "/var/log/b.log"}, "tasks.max", 2));
        assertEquals(Map.of("name", "access-logs", "connector.class", ConnectorProperties.DEFAULT_CONNECTOR_CLASS,
                "topic", "access", "files", "/var/log/a.log,/var/log/b.log", "tasks.max", "2"), config);
    }

    @Test
    void anErrorNamesTheFile() {
        assertEquals("/opt/karaf/etc/org.thor.connector-access-logs.cfg",
                ConnectorProperties.source(Map.of("felix.fileinstall.filename", FILE)));
        assertEquals("configuration org.thor.connector~api", ConnectorProperties.source(Map.of("service.pid", "org.thor.connector~api")));
    }

    @Test
    void aFileNameForAConnectorHoldsNoPathCharacters() {
        assertEquals("org.thor.connector-a_b_c.d.cfg", ConnectorProperties.fileNameFor(ConnectorProperties.aliasFor("a/b c.d")));
    }
}
