package org.thor.itests;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad requests to the REST API: each gets a 4xx with a message, never a stack trace, and nothing else stops. */
class RestBadInputIT extends ThorStackTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Override
    ThorStack boot() throws Exception {
        return ThorStack.boot("rest-bad-input");
    }

    @Test
    void eachBadRequestGetsAClearClientError() throws Exception {
        String files = stack.work().resolve("good/*.log").toString();
        assertClientError(karaf.rest().put("/connectors/bad/config", "{\"files\": \"" + files + "\", "), 400, "");
        assertClientError(karaf.rest().put("/connectors/bad/config", "[1, 2]"), 400, "");
        assertClientError(karaf.rest().put("/connectors/bad/config", "{\"files\":\"logs/app.log\",\"topic\":\"t\","
                + "\"connector.class\":\"org.thor.file.LogFileSourceConnector\"}"), 400, "absolute");
        assertClientError(karaf.rest().put("/connectors/bad/config", "{\"files\":\"" + files + "\",\"topic\":\"t\",\"fromat\":\"json\","
                + "\"connector.class\":\"org.thor.file.LogFileSourceConnector\"}"), 400, "fromat");
        String huge = "{\"files\":\"" + files + "\",\"topic\":\"t\",\"padding\":\"" + "x".repeat(20 * 1024 * 1024) + "\"}";
        assertClientError(karaf.rest().put("/connectors/bad/config", huge), 413, "");

        String good = "{\"files\":\"" + files + "\",\"topic\":\"good\",\"connector.class\":\"org.thor.file.LogFileSourceConnector\","
                + "\"tasks.max\":\"1\",\"producer.override.linger.ms\":\"10\",\"transforms\":\"route\","
                + "\"transforms.route.type\":\"org.apache.kafka.connect.transforms.RegexRouter\","
                + "\"transforms.route.regex\":\"good\",\"transforms.route.replacement\":\"good-routed\"}";
        ThorRest.Response created = karaf.rest().put("/connectors/good/config", good);
        assertEquals(201, created.status(), created.body());
        await().atMost(WAIT).until(() -> karaf.rest().get("/connectors/good/status").body().contains("\"state\":\"RUNNING\""));
        assertEquals(404, karaf.rest().get("/connectors/bad").status(), "no bad request created anything");
    }

    private static void assertClientError(ThorRest.Response response, int status, String mentions) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.body().contains("\"message\""), response.body());
        assertTrue(response.body().contains(mentions), response.body());
        assertFalse(response.body().contains("\tat ") || response.body().contains("\\tat "), "no stack trace: " + response.body());
    }
}
