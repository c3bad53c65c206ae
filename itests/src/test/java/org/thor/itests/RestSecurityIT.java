package org.thor.itests;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST API behind Karaf's JAAS realm, set up as an operator would: a user added to
 * etc/users.properties with the role viewer, {@code thor.rest.auth=basic} in etc/org.thor.worker.cfg;
 * 401, 403 and 200 by role, on every resource.
 */
class RestSecurityIT extends ThorStackTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String READER_PASSWORD = "r3ader-Secret";

    @Override
    ThorStack boot() throws Exception {
        return ThorStack.boot("rest-security");
    }

    @Test
    void basicAuthenticationThroughTheRealmWithRoles() throws Exception {
        ThorRest anyone = karaf.rest();
        assertEquals(200, anyone.get("/connectors").status(), "auto, on loopback only: no credentials needed");

        Files.write(karaf.home().resolve("etc/users.properties"), List.of("reader = " + READER_PASSWORD + ",viewer"),
                StandardOpenOption.APPEND);
        karaf.editConfig("org.thor.worker.cfg", "thor.rest.auth", "basic");
        await().atMost(WAIT).until(() -> anyone.get("/connectors").status() == 401);

        ThorRest.Response missing = anyone.get("/");
        assertEquals(401, missing.status(), missing.body());
        assertTrue(missing.authenticate().startsWith("Basic realm=\"karaf\""), missing.authenticate());
        assertEquals(401, karaf.rest().as("reader", "wrong-password").get("/connectors").status());
        assertEquals(401, karaf.rest().as("nobody", READER_PASSWORD).get("/connectors").status());

        ThorRest reader = karaf.rest().as("reader", READER_PASSWORD);
        assertEquals(200, reader.get("/").status());
        assertEquals(200, reader.get("/connectors").status());
        assertEquals(200, reader.get("/connector-plugins").status());
        assertEquals(401, anyone.get("/metrics").status(), "/metrics follows the same rule");
        assertTrue(reader.get("/metrics").body().contains("jvm_memory_used_bytes"), "a viewer scrapes /metrics");
        String connector = "{\"connector.class\":\"org.thor.file.LogFileSourceConnector\",\"files\":\""
                + stack.work().resolve("secured/*.log") + "\",\"topic\":\"secured\"}";
        ThorRest.Response forbidden = reader.put("/connectors/secured/config", connector);
        assertEquals(403, forbidden.status(), forbidden.body());
        assertTrue(forbidden.body().contains("admin"), forbidden.body());

        // karaf is in admingroup (admin, manager, viewer): it may change
        ThorRest admin = karaf.rest().as("karaf", "karaf");
        assertEquals(201, admin.put("/connectors/secured/config", connector).status());
        assertEquals(200, reader.get("/connectors/secured/config").status());
        assertEquals(403, reader.delete("/connectors/secured").status());
        assertEquals(204, admin.delete("/connectors/secured").status());

        String log = karaf.log();
        assertTrue(log.contains("REST GET /connectors refused: realm karaf did not accept user 'reader'"), "refusals are logged");
        assertTrue(log.contains("REST PUT /connectors/secured/config refused: user 'reader'"), "forbidden changes are logged");
        assertTrue(log.contains("REST DELETE /connectors/secured by user 'karaf'"), "changes are logged with the user");
        assertFalse(log.contains(READER_PASSWORD) || log.contains("wrong-password"), "no password in karaf.log");
    }
}
