package org.thor.runtime.fleet;

import org.junit.jupiter.api.Test;
import org.thor.runtime.FakeThorWorker;
import org.thor.runtime.InMemoryConfigurationAdmin;
import org.thor.runtime.deploy.FleetConfigurations;

import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetApplierTest {

    private static final String FLEET_PID = "org.thor.connector~fleet-nginx";

    private final FakeThorWorker worker = new FakeThorWorker();
    private final InMemoryConfigurationAdmin configAdmin = new InMemoryConfigurationAdmin();
    private final FleetApplier applier = new FleetApplier(new FleetConfigurations(configAdmin.service()), worker);
    private final DesiredConfigurations desired = new DesiredConfigurations();
    private long offset;

    @Test
    void aValidRecordBecomesAConnectorConfigurationMarkedAsTheFleets() throws Exception {
        push("label:web/nginx", "{\"topic\":\"nginx\",\"files\":\"/var/log/nginx/*.log\"}");

        FleetApplier.Outcome outcome = apply();

        Hashtable<String, Object> stored = configAdmin.store.get(FLEET_PID);
        assertEquals("nginx", stored.get("topic"));
        assertEquals("nginx", stored.get("name"));
        assertEquals(Boolean.TRUE, stored.get(FleetConfigurations.MANAGED));
        assertEquals("label:web/nginx", stored.get(FleetConfigurations.KEY));
        assertEquals(0L, stored.get(FleetConfigurations.OFFSET));
        assertNull(outcome.connectors().get("nginx").error());
        assertEquals(0, outcome.appliedOffset());
    }

    @Test
    void aRecordThatFailsValidationIsNotAppliedAndThePreviousVersionStays() throws Exception {
        push("all/nginx", "{\"topic\":\"nginx\"}");
        apply();

        push("all/nginx", "{\"topic\":\"\"}");
        FleetApplier.Outcome outcome = apply();

        assertEquals("nginx", configAdmin.store.get(FLEET_PID).get("topic"));
        assertEquals(0L, configAdmin.store.get(FLEET_PID).get(FleetConfigurations.OFFSET));
        String error = outcome.connectors().get("nginx").error();
        assertTrue(error.contains("topic"), error);
        assertEquals(List.of("nginx: " + error), outcome.errors());
        assertTrue(worker.configErrors().get("nginx").contains("fleet record all/nginx (offset 1) rejected"), worker.configErrors().toString());
    }

    @Test
    void aPlainValueOfAPasswordKeyIsRefusedAndAReferenceIsTaken() throws Exception {
        push("all/nginx", "{\"topic\":\"t\",\"producer.override.ssl.truststore.password\":\"changeit\"}");
        String error = apply().connectors().get("nginx").error();
        assertTrue(error.startsWith("producer.override.ssl.truststore.password: a secret may not travel"), error);
        assertNull(configAdmin.store.get(FLEET_PID));

        push("all/nginx", "{\"topic\":\"t\",\"producer.override.ssl.truststore.password\":\"${file:/etc/thor/s.properties:p}\"}");
        assertNull(apply().connectors().get("nginx").error());
        assertEquals("${file:/etc/thor/s.properties:p}", configAdmin.store.get(FLEET_PID).get("producer.override.ssl.truststore.password"));
    }

    @Test
    void aLocalConfigurationOfTheSameNameWinsAndTheConflictIsReported() throws Exception {
        Hashtable<String, Object> local = new Hashtable<>(Map.of("topic", "local", "felix.fileinstall.filename", "file:/etc/thor/org.thor.connector-nginx.cfg"));
        configAdmin.store.put("org.thor.connector~nginx", local);
        push("all/nginx", "{\"topic\":\"fleet\"}");

        String error = apply().connectors().get("nginx").error();

        assertEquals("the local configuration /etc/thor/org.thor.connector-nginx.cfg wins over the fleet's record all/nginx, "
                + "which is not applied here", error);
        assertNull(configAdmin.store.get(FLEET_PID));
        assertEquals("local", configAdmin.store.get("org.thor.connector~nginx").get("topic"));
    }

    @Test
    void aFleetConnectorNoLongerGivenToThisHostIsRemoved() throws Exception {
        push("label:web/nginx", "{\"topic\":\"t\"}");
        apply();

        desired.record("label:web/nginx", null, offset++);
        FleetApplier.Outcome outcome = apply();

        assertNull(configAdmin.store.get(FLEET_PID));
        assertEquals(Map.of(), outcome.connectors());
        assertEquals(1, outcome.appliedOffset());
    }

    @Test
    void aRecordAlreadyAppliedIsNotWrittenAgain() throws Exception {
        push("all/nginx", "{\"topic\":\"t\"}");
        apply();
        int updates = configAdmin.updates;

        apply();

        assertEquals(updates, configAdmin.updates);
    }

    @Test
    void whileTheWorkerIsDownARecordWaitsAndIsAppliedWhenItRuns() throws Exception {
        worker.running = false;
        push("all/nginx", "{\"topic\":\"t\"}");
        assertTrue(apply().connectors().get("nginx").error().startsWith("waiting for the worker"));
        assertNull(configAdmin.store.get(FLEET_PID));

        worker.running = true;
        assertNull(apply().connectors().get("nginx").error());
        assertEquals("t", configAdmin.store.get(FLEET_PID).get("topic"));
    }

    private void push(String key, String json) {
        desired.record(key, json.getBytes(StandardCharsets.UTF_8), offset++);
    }

    private FleetApplier.Outcome apply() throws Exception {
        return applier.apply(desired.resolve("web-1", List.of("web")), desired.lastOffset());
    }
}
