package org.thor.runtime.deploy;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.ComponentConstants;
import org.thor.runtime.FakeThorWorker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorDeploymentTest {

    private static final String FILE = "file:/karaf/etc/org.thor.connector-web.cfg";
    private static final String COUNTER = "org.thor.counting.CountingSourceConnector";

    private final FakeThorWorker worker = new FakeThorWorker();
    private final ConnectorDeployment deployment = new ConnectorDeployment(worker);

    @Test
    void aNewConfigurationCreatesItsConnector() {
        deployment.configure(file("topic", "web"));

        assertEquals(Map.of("name", "web", "connector.class", COUNTER, "topic", "web"), worker.connectors.get("web"));
        assertFalse(deployment.pending());
    }

    @Test
    void anEditReconfiguresTheConnector() {
        deployment.configure(file("topic", "web"));
        deployment.configure(file("topic", "web2"));

        assertEquals("web2", worker.connectors.get("web").get("topic"));
        assertEquals(List.of("put web", "put web"), worker.calls);
    }

    @Test
    void theConfigurationTheConnectorRunsAlreadyIsNotPutAgain() {
        deployment.configure(file("topic", "web"));
        // what the REST write-back stores: the same keys, now with name and class written out
        Map<String, Object> writtenBack = file("topic", "web");
        writtenBack.put("name", "web");
        deployment.configure(writtenBack);

        assertEquals(List.of("put web"), worker.calls);
    }

    @Test
    void anInvalidEditIsReportedWithFileAndKeyAndThePreviousVersionKeepsRunning() {
        deployment.configure(file("topic", "web"));
        deployment.configure(file("topic", ""));

        assertEquals("web", worker.connectors.get("web").get("topic"));
        String error = worker.configErrors().get("web");
        assertTrue(error.contains("/karaf/etc/org.thor.connector-web.cfg"), error);
        assertTrue(error.contains("topic: Missing required configuration"), error);
        assertEquals(error, worker.status("web").configError());

        deployment.configure(file("topic", "fixed"));
        assertNull(worker.configErrors().get("web"), "a good edit clears the error");
        assertEquals("fixed", worker.connectors.get("web").get("topic"));
    }

    @Test
    void aConfigurationThatComesWhileTheWorkerIsDownIsAppliedWhenItStarts() {
        worker.running = false;
        deployment.configure(file("topic", "web"));
        assertTrue(deployment.pending());

        worker.running = true;
        deployment.workerStarted();

        assertTrue(worker.connectors.containsKey("web"));
        assertFalse(deployment.pending());
        deployment.workerStarted();
        assertEquals(List.of("put web"), worker.calls, "a later worker start finds nothing to do");
    }

    @Test
    void onlyADeletedConfigurationDeletesTheConnector() {
        deployment.configure(file("topic", "web"));
        deployment.deactivate(ComponentConstants.DEACTIVATION_REASON_BUNDLE_STOPPED);
        assertTrue(worker.connectors.containsKey("web"), "a stopping bundle leaves the connector to the worker");

        ConnectorDeployment again = new ConnectorDeployment(worker);
        again.configure(file("topic", "web"));
        again.deactivate(ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED);
        assertFalse(worker.connectors.containsKey("web"));
    }

    @Test
    void renamingTheConnectorInItsFileReplacesIt() {
        deployment.configure(file("topic", "web"));
        Map<String, Object> renamed = file("topic", "web");
        renamed.put("name", "site");
        deployment.configure(renamed);

        assertEquals(List.of("site"), List.copyOf(worker.connectors.keySet()));
    }

    @Test
    void aValidConfigurationTheWorkerFailsToApplyIsReportedAndTriedAgainAtTheNextWorkerStart() {
        FakeThorWorker failing = new FakeThorWorker() {
            int puts;

            @Override
            public void putConnector(String name, Map<String, String> config) {
                if (puts++ == 0) {
                    throw new IllegalArgumentException("the worker did not answer within 90 s");
                }
                super.putConnector(name, config);
            }
        };
        ConnectorDeployment deployment = new ConnectorDeployment(failing);
        deployment.configure(file("topic", "web"));
        assertEquals("The configuration in /karaf/etc/org.thor.connector-web.cfg could not be applied: "
                + "the worker did not answer within 90 s", failing.configErrors().get("web"));

        deployment.workerStarted();
        assertTrue(failing.connectors.containsKey("web"));
        assertNull(failing.configErrors().get("web"));
    }

    @Test
    void theLogOfAReconfigurationNamesTheChangedKeys() {
        assertEquals("records.per.second, topic", ConnectorDeployment.changedKeys(
                Map.of("name", "web", "topic", "a", "records.per.second", "1"), Map.of("name", "web", "topic", "b")));
    }

    private static Map<String, Object> file(String key, String value) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("felix.fileinstall.filename", FILE);
        properties.put("service.pid", "org.thor.connector~web");
        properties.put("service.factoryPid", "org.thor.connector");
        properties.put("connector.class", COUNTER);
        properties.put(key, value);
        return properties;
    }
}
